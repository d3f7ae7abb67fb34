// The advisory list's filters (device, severity, year) and the search box
// return the right advisories (issue 8, item 2). Expected sets come from the
// served search-index.json, itself cross-checked against the advisory sources.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DESKTOP, launch, open, watch } from '../lib/browser.mjs';
import { publishedSources, searchIndex, url } from '../lib/site.mjs';

const index = await searchIndex();
const byUrl = new Map(index.advisories.map((a) => [a.url, a]));
const sorted = (xs) => [...xs].sort();
const ids = (advisories) => sorted(advisories.map((a) => a.id));

let browser;
let context;
let page;
let problems;
before(async () => {
  browser = await launch();
  context = await browser.newContext({ viewport: DESKTOP });
  page = await context.newPage();
  problems = watch(page);
});
after(async () => { if (browser) await browser.close(); });

describe('the search index agrees with the advisory sources', () => {
  const sources = publishedSources();
  it('lists every published advisory, and nothing else', () => {
    assert.deepEqual(ids(index.advisories), ids(sources));
  });
  it('gives each advisory the year and devices its source names', () => {
    for (const s of sources) {
      const a = index.advisories.find((x) => x.id === s.id);
      if (s.year) assert.equal(a.year, s.year, `${s.id}: year`);
      assert.deepEqual(sorted(a.devices.map((d) => d.slug)), sorted(s.devices), `${s.id}: devices`);
    }
  });
});

// Runs in the page: the advisories the list shows now.
function shownAdvisories() {
  return Array.from(document.querySelectorAll('tr[data-year]'))
    .filter((tr) => tr.checkVisibility())
    .map((tr) => tr.querySelector('th a').getAttribute('href'));
}

async function shownIds() {
  const urls = await page.evaluate(shownAdvisories);
  return sorted(urls.map((u) => (byUrl.get(u) || { id: `unknown ${u}` }).id));
}

async function choose(filters) {
  for (const name of ['device', 'severity', 'year']) {
    await page.selectOption(`#advisory-filters select[name="${name}"]`, filters[name] || '');
  }
}

describe('advisory list filters', () => {
  before(async () => { await open(page, '/advisories/'); });

  it('are shown when JavaScript runs, and start with every advisory', async () => {
    assert.ok(await page.isVisible('#advisory-filters'), 'the filter form is visible');
    assert.deepEqual(await shownIds(), ids(index.advisories));
  });

  it('offer every device, severity and year that the advisories have', async () => {
    const options = await page.evaluate(() => Object.fromEntries(['device', 'severity', 'year'].map((n) =>
      [n, Array.from(document.querySelectorAll(`#advisory-filters select[name="${n}"] option`)).map((o) => o.value).filter(Boolean)])));
    const devices = new Set(index.advisories.flatMap((a) => a.devices.map((d) => d.slug)));
    for (const d of devices) assert.ok(options.device.includes(d), `device option ${d}`);
    for (const s of new Set(index.advisories.map((a) => a.severity))) assert.ok(options.severity.includes(s), `severity option ${s}`);
    assert.deepEqual(sorted(options.year), sorted(new Set(index.advisories.map((a) => a.year))));
  });

  it('by device show the advisories naming that device', async () => {
    for (const d of index.devices) {
      await choose({ device: d.slug });
      const want = index.advisories.filter((a) => a.devices.some((x) => x.slug === d.slug));
      assert.deepEqual(await shownIds(), ids(want), `device ${d.slug}`);
    }
  });

  it('by severity show the advisories of that severity', async () => {
    const values = await page.$$eval('#advisory-filters select[name="severity"] option', (os) => os.map((o) => o.value).filter(Boolean));
    for (const s of values) {
      await choose({ severity: s });
      assert.deepEqual(await shownIds(), ids(index.advisories.filter((a) => a.severity === s)), `severity ${s}`);
    }
  });

  it('by year show the advisories of that year, and hide the other years', async () => {
    for (const y of new Set(index.advisories.map((a) => a.year))) {
      await choose({ year: y });
      assert.deepEqual(await shownIds(), ids(index.advisories.filter((a) => a.year === y)), `year ${y}`);
      const sections = await page.$$eval('section.year', (ss) => ss.filter((s) => s.checkVisibility()).map((s) => s.id));
      assert.equal(sections.length, 1, `only one year section shown for ${y}: ${sections}`);
    }
  });

  it('combine, say so when nothing matches, and keep the choice in the address', async () => {
    const a = index.advisories.find((x) => x.devices.length > 0);
    const slug = a.devices[0].slug;
    await choose({ device: slug, year: a.year });
    const want = index.advisories.filter((x) => x.year === a.year && x.devices.some((d) => d.slug === slug));
    assert.deepEqual(await shownIds(), ids(want));
    assert.match(page.url(), new RegExp(`[?&]device=${slug}\\b`));
    assert.match(page.url(), new RegExp(`[?&]year=${a.year}\\b`));
    // A shared link opens filtered.
    await open(page, `/advisories/?device=${slug}&year=${a.year}`);
    assert.deepEqual(await shownIds(), ids(want));
    assert.equal(await page.inputValue('#filter-device'), slug);
    // An impossible combination.
    const years = new Set(index.advisories.map((x) => x.year));
    const combo = index.devices.flatMap((d) => [...years].map((y) => ({ device: d.slug, year: y })))
      .find((c) => !index.advisories.some((x) => x.year === c.year && x.devices.some((d) => d.slug === c.device)));
    if (combo) {
      await choose(combo);
      assert.deepEqual(await shownIds(), []);
      assert.match(await page.textContent('.filter-status'), /No advisories match/);
    }
    await choose({});
    assert.deepEqual(await shownIds(), ids(index.advisories));
    assert.equal(await page.evaluate(() => location.search), '');
  });

  it('keep the year counts honest', async () => {
    await open(page, '/advisories/');
    const y = index.advisories[0].year;
    const total = index.advisories.filter((a) => a.year === y).length;
    const count = await page.textContent(`#y${y} .count`);
    assert.match(count, new RegExp(`^${total} advisor(y|ies)$`), `unfiltered count for ${y}`);
    await choose({ severity: index.advisories[0].severity });
    const n = index.advisories.filter((a) => a.year === y && a.severity === index.advisories[0].severity).length;
    if (n < total) assert.match(await page.textContent(`#y${y} .count`), new RegExp(`^${n} of ${total} advisor`));
    await choose({});
  });
});

// The search box's documented rule (search.js): every word of the query
// occurs in an advisory's id, title, CVEs, CWEs, device names or slugs,
// summary or severity, or in a device's name, slug, models or type.
function expectedSearch(query) {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const hay = (parts) => parts.flat().map((p) => String(p ?? '')).join(' \u0000 ').toLowerCase();
  const match = (text) => words.every((w) => text.includes(w));
  const advisories = index.advisories.filter((a) => match(hay([a.id, a.title, a.cves || [], a.cwes || [],
    a.devices.map((d) => d.name), a.devices.map((d) => d.slug), a.summary, a.severity])));
  const devices = index.devices.filter((d) => match(hay([d.name, d.slug, d.models || [], d.type])));
  return sorted([...advisories.map((a) => a.url), ...devices.map((d) => d.url)]);
}

async function searchFor(query) {
  await page.fill('#site-search-q', query);
  await page.waitForFunction(() => document.querySelector('[data-search-status]').textContent !== '');
  return page.$$eval('[data-search-results] a', (as) => as.map((a) => a.getAttribute('href')));
}

describe('search box', () => {
  before(async () => { await open(page, '/'); });

  it('is shown in the header when JavaScript runs', async () => {
    assert.ok(await page.isVisible('#site-search-q'));
  });

  const withCve = index.advisories.find((a) => a.cves && a.cves.length);
  const multi = index.devices.find((d) => index.advisories.filter((a) => a.devices.some((x) => x.slug === d.slug)).length > 1);
  const queries = [
    ['an advisory id', index.advisories[0].id],
    ['a CVE id', withCve.cves[0]],
    ['a device slug', multi.slug],
    ['a device name', multi.name.toUpperCase()],
    ['two words', `${multi.slug} ${index.advisories.find((a) => a.devices.some((d) => d.slug === multi.slug)).severity}`],
  ];
  for (const [what, query] of queries) {
    it(`finds the right advisories and devices for ${what} (${query})`, async () => {
      const want = expectedSearch(query);
      assert.ok(want.length > 0, `the query ${query} matches something`);
      const got = await searchFor(query);
      assert.deepEqual(sorted(got), want.slice(0, 20));
      assert.match(await page.textContent('[data-search-status]'), new RegExp(`^${want.length} results?\\.$|^Showing`));
    });
  }

  it('puts the exact advisory first for its id or CVE', async () => {
    const got = await searchFor(withCve.cves[0]);
    assert.equal(got[0], withCve.url);
    const a = index.advisories[index.advisories.length - 1];
    assert.equal((await searchFor(a.id.toLowerCase()))[0], a.url);
  });

  it('says so when nothing matches', async () => {
    const got = await searchFor('zzqx-no-such-thing');
    assert.deepEqual(got, []);
    assert.match(await page.textContent('[data-search-status]'), /No advisories or devices match/);
  });

  it('opens the first result on Enter', async () => {
    await searchFor(withCve.cves[0]);
    await Promise.all([page.waitForURL(url(withCve.url)), page.press('#site-search-q', 'Enter')]);
    assert.equal(await page.textContent('h1'), withCve.title);
  });
});

describe('the filters and search page', () => {
  it('logged no console errors and requested nothing from other hosts', () => {
    assert.deepEqual(problems, []);
  });
});
