// The two screenshots the README shows (issue 8, item 4): an advisory and a
// device page, the first screen at 1280 px in the light scheme. The suite
// saves them with the other screenshots; tests/browser/readme-screenshots.sh
// copies them, optimised, to docs/screenshots/.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { launch, open, watch } from '../lib/browser.mjs';
import { SHOTS_DIR, searchIndex } from '../lib/site.mjs';

const index = await searchIndex();
const RANK = ['critical', 'high', 'medium', 'low', 'none', 'unrated'];
// The most severe final advisory with a CVE; the supported device with the most advisories.
const advisory = [...index.advisories]
  .filter((a) => a.category === 'security_advisory')
  .sort((a, b) => RANK.indexOf(a.severity) - RANK.indexOf(b.severity) || (b.cves || []).length - (a.cves || []).length)[0];
const count = (d) => index.advisories.filter((a) => a.devices.some((x) => x.slug === d.slug)).length;
const device = [...index.devices].filter((d) => !['unsupported', 'end_of_life'].includes(d.status))
  .sort((a, b) => count(b) - count(a))[0];

let browser;
let page;
let problems;
before(async () => {
  mkdirSync(SHOTS_DIR, { recursive: true });
  browser = await launch();
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, colorScheme: 'light' });
  page = await context.newPage();
  problems = watch(page);
});
after(async () => { if (browser) await browser.close(); });

describe('README screenshots', () => {
  for (const [name, path] of [['advisory', advisory.url], ['device', device.url]]) {
    it(`readme-${name}.png: ${path}`, async () => {
      await open(page, path);
      const file = join(SHOTS_DIR, `readme-${name}.png`);
      await page.screenshot({ path: file });
      assert.ok(statSync(file).size > 20_000);
    });
  }
  it('logged no console errors and requested nothing from other hosts', () => {
    assert.deepEqual(problems, []);
  });
});
