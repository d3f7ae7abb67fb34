// The search functions of themes/default/static/assets/search.js, run by
// Node on a built site's search-index.json. Usage: node search_test.js SEARCH_JS INDEX_JSON
'use strict';
const fs = require('fs');
const path = require('path');
const assert = require('assert');

const search = require(path.resolve(process.argv[2]));
const index = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'));
const entries = search.buildEntries(index);
let passed = 0;
let failed = 0;
function check(name, fn) {
  try {
    fn();
    passed++;
  } catch (e) {
    failed++;
    console.log(`FAIL: ${name}: ${e.message}`);
  }
}
const urls = (q) => search.search(entries, q).map((e) => e.url);

check('every advisory and device is an entry', () =>
  assert.strictEqual(entries.length, index.advisories.length + index.devices.length));
check('an empty query finds nothing', () => assert.deepStrictEqual(urls('  '), []));
for (const a of index.advisories) {
  check(`${a.id} by id, first`, () => assert.strictEqual(urls(a.id.toLowerCase())[0], a.url));
  for (const cve of a.cves) check(`${a.id} by ${cve}`, () => assert.ok(urls(cve).includes(a.url)));
  for (const cwe of a.cwes) check(`${a.id} by ${cwe}`, () => assert.ok(urls(cwe).includes(a.url)));
  for (const d of a.devices) {
    check(`${a.id} by device ${d.slug}`, () => assert.ok(urls(d.slug).includes(a.url)));
    check(`${a.id} by device name ${d.name}`, () => assert.ok(urls(d.name).includes(a.url)));
  }
  const word = a.summary.split(/\s+/).find((w) => w.length > 6);
  if (word) check(`${a.id} by summary word ${word}`, () => assert.ok(urls(word).includes(a.url)));
  check(`${a.id} by its whole title`, () => assert.ok(urls(a.title).includes(a.url)));
}
for (const d of index.devices) {
  check(`device ${d.slug} by slug, first`, () => assert.strictEqual(urls(d.slug)[0], d.url));
  for (const m of d.models) check(`device ${d.slug} by model ${m}`, () => assert.ok(urls(m).includes(d.url)));
}
check('all words must match', () => assert.deepStrictEqual(urls('zzzz-no-such-word ' + index.advisories[0].id), []));
check('case does not matter', () =>
  assert.deepStrictEqual(urls(index.advisories[0].id.toUpperCase()), urls(index.advisories[0].id.toLowerCase())));
console.log(`search.js: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
