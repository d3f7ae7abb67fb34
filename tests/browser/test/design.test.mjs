// The design points of the default theme (issue 8, item 5), on every
// advisory and device page and the lists: severity in colour and text, ISO
// dates with the time zone, CVE ids linking to their CVE records, affected
// and fixed versions in a table, support status and end of support at the top
// of a device page, and CSAF and feed links on every advisory and device page.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DESKTOP, launch, open, watch } from '../lib/browser.mjs';
import { searchIndex, url } from '../lib/site.mjs';

const index = await searchIndex();
const SEVERITY_WORDS = { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low', none: 'None' };

let browser;
let page;
let problems;
before(async () => {
  browser = await launch();
  const context = await browser.newContext({ viewport: DESKTOP });
  page = await context.newPage();
  problems = watch(page);
});
after(async () => { if (browser) await browser.close(); });

// Runs in the page: everything the design checks look at.
function survey() {
  const text = (el) => el.textContent.trim().replace(/\s+/g, ' ');
  const main = document.querySelector('main');
  const h2s = Array.from(main.querySelectorAll('h2'));
  const support = document.getElementById('support');
  return {
    badges: Array.from(main.querySelectorAll('.badge')).map((b) => ({
      cls: b.className, text: text(b), bg: getComputedStyle(b).backgroundColor })),
    times: Array.from(document.querySelectorAll('time')).map((t) => ({ dt: t.getAttribute('datetime'), text: text(t) })),
    links: Array.from(main.querySelectorAll('a[href]')).map((a) => ({ href: a.getAttribute('href'), text: text(a) })),
    firstH2: h2s.length ? text(h2s[0]) : null,
    support: support && {
      top: support.getBoundingClientRect().top + window.scrollY,
      status: text(support.querySelector('.badge') || support),
      until: (() => {
        const dt = Array.from(support.querySelectorAll('dt')).find((d) => /Security updates until/.test(d.textContent));
        const dd = dt && dt.nextElementSibling;
        return dd ? { text: text(dd), time: dd.querySelector('time') ? dd.querySelector('time').getAttribute('datetime') : null } : null;
      })(),
    },
    endedNotice: !!main.querySelector('.notice-danger'),
    affected: Array.from(main.querySelectorAll('#affected table, #not-affected table')).map((t) => ({
      head: Array.from(t.querySelectorAll('thead th')).map(text),
      rows: Array.from(t.querySelectorAll('tbody tr')).map((tr) => Array.from(tr.children).map(text)),
      devices: Array.from(t.querySelectorAll('tbody th a')).map((a) => a.getAttribute('href')),
    })),
  };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
// A date as readers see it: the ISO date, and a time only with its zone.
const SHOWN_DATE = /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}(:\d{2})? (UTC|[+-]\d{2}:?\d{2}))?$/;

function commonProblems(where, s) {
  const out = [];
  for (const b of s.badges.filter((x) => /\bsev-/.test(x.cls))) {
    const sev = /\bsev-(\w+)/.exec(b.cls)[1];
    if (!b.text.includes(SEVERITY_WORDS[sev] || '?')) out.push(`${where}: severity badge ${b.cls} says "${b.text}", not ${SEVERITY_WORDS[sev]}`);
    if (/rgba\(0, 0, 0, 0\)|transparent/.test(b.bg)) out.push(`${where}: severity badge ${b.cls} has no colour`);
  }
  for (const t of s.times) {
    if (!t.dt || !(ISO_DATE.test(t.dt) || ISO_DATETIME.test(t.dt))) out.push(`${where}: <time datetime="${t.dt}"> is not ISO 8601 / RFC 3339`);
    if (!SHOWN_DATE.test(t.text)) out.push(`${where}: date shown as "${t.text}", not an ISO date (with the zone when it has a time)`);
    if (t.dt && ISO_DATETIME.test(t.dt) && !t.text.startsWith(t.dt.slice(0, 10))) out.push(`${where}: "${t.text}" is not ${t.dt}`);
  }
  for (const l of s.links.filter((x) => /^CVE-\d{4}-\d{4,}$/.test(x.text))) {
    if (l.href !== `https://www.cve.org/CVERecord?id=${l.text}`) out.push(`${where}: ${l.text} links to ${l.href}, not its CVE record`);
  }
  return out;
}

describe('advisory pages', () => {
  for (const a of index.advisories) {
    it(`${a.id}: severity, dates, CVE links, affected table, CSAF and feed links`, async () => {
      await open(page, a.url);
      const s = await page.evaluate(survey);
      const found = commonProblems(a.url, s);
      if (a.severity !== 'unrated') {
        const b = s.badges.find((x) => x.cls.includes(`sev-${a.severity}`));
        if (!b) found.push(`no ${a.severity} severity badge`);
      }
      const hrefs = new Set(s.links.map((l) => l.href));
      for (const cve of a.cves || []) {
        if (!hrefs.has(`https://www.cve.org/CVERecord?id=${cve}`)) found.push(`${cve} is not linked to its CVE record`);
      }
      // Devices with their affected and fixed versions, one row each.
      if (a.devices.length) {
        const listed = new Set(s.affected.flatMap((t) => t.devices));
        for (const d of a.devices) if (!listed.has(`/devices/${d.slug}/`)) found.push(`${d.slug} is in no affected/not-affected table`);
        const aff = s.affected.find((t) => t.head.includes('Affected firmware'));
        if (aff && !aff.head.includes('Fixed in')) found.push(`the affected table has no "Fixed in" column: ${aff.head}`);
      }
      const csaf = `/.well-known/csaf/white/${a.year}/${a.id.toLowerCase()}.json`;
      if (!hrefs.has(csaf)) found.push(`no link to its CSAF document ${csaf}`);
      for (const ext of ['rss', 'atom', 'json']) {
        if (![...hrefs].some((h) => h.startsWith('/') && h.endsWith(`.${ext}`) && /feed/.test(h))) found.push(`no ${ext} feed link`);
      }
      assert.deepEqual(found, []);
      const r = await page.request.get(url(csaf));
      assert.equal(r.status(), 200, `${csaf} is served`);
    });
  }
});

describe('device pages', () => {
  for (const d of index.devices) {
    it(`${d.slug}: support status and end of support at the top, dates, CSAF and feed links`, async () => {
      await open(page, d.url);
      const s = await page.evaluate(survey);
      const found = commonProblems(d.url, s);
      if (s.firstH2 !== 'Security support') found.push(`the first section is "${s.firstH2}", not the security support`);
      if (!s.support) found.push('no #support section');
      else {
        if (s.support.top > DESKTOP.height * 0.6) found.push(`the support block starts ${s.support.top} px down, below the first screen`);
        if (!s.support.status) found.push('no support status');
        if (!s.support.until) found.push('no "Security updates until" date');
      }
      const ended = ['unsupported', 'end_of_life'].includes(d.status);
      if (ended !== s.endedNotice) found.push(ended ? 'ended, but no end-of-support notice' : 'an end-of-support notice on a supported device');
      const hrefs = new Set(s.links.map((l) => l.href));
      for (const ext of ['rss', 'atom', 'json']) {
        if (!hrefs.has(`${d.url}feed.${ext}`)) found.push(`no link to its ${ext} feed ${d.url}feed.${ext}`);
      }
      for (const a of index.advisories.filter((x) => x.devices.some((y) => y.slug === d.slug))) {
        const csaf = `/.well-known/csaf/white/${a.year}/${a.id.toLowerCase()}.json`;
        if (!hrefs.has(csaf)) found.push(`no link to the CSAF document of ${a.id}`);
        if (!hrefs.has(a.url)) found.push(`no link to ${a.id}`);
      }
      if (![...hrefs].some((h) => h.endsWith('provider-metadata.json'))) found.push('no link to the CSAF provider metadata');
      assert.deepEqual(found, []);
    });
  }
});

describe('lists', () => {
  for (const path of ['/', '/advisories/', '/devices/']) {
    it(`${path}: severity and status badges carry text, dates are ISO, CVE ids link to CVE records`, async () => {
      await open(page, path);
      const s = await page.evaluate(survey);
      const found = commonProblems(path, s);
      for (const b of s.badges) if (!b.text) found.push(`${path}: an empty badge ${b.cls}`);
      assert.deepEqual(found, []);
    });
  }
});

describe('the design pages', () => {
  it('logged no console errors and requested nothing from other hosts', () => {
    assert.deepEqual(problems, []);
  });
});
