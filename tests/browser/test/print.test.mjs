// The print stylesheet (issue 8, item 2): an advisory prints without
// navigation chrome, black on white, with the URL of every link shown.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DESKTOP, launch, open, watch } from '../lib/browser.mjs';
import { SHOTS_DIR, searchIndex } from '../lib/site.mjs';

const index = await searchIndex();
// The advisory with the most to print: CVEs, devices, references.
const weight = (a) => (a.cves || []).length + a.devices.length;
const advisory = [...index.advisories].sort((a, b) => weight(b) - weight(a))[0];

let browser;
let page;
let problems;
before(async () => {
  browser = await launch();
  const context = await browser.newContext({ viewport: DESKTOP, colorScheme: 'dark' });
  page = await context.newPage();
  problems = watch(page);
  await open(page, advisory.url);
  await page.emulateMedia({ media: 'print' });
});
after(async () => { if (browser) await browser.close(); });

describe(`printing ${advisory.id}`, () => {
  it('hides navigation, search, the skip link and forms', async () => {
    const shown = await page.evaluate(() => Array.from(document.querySelectorAll('nav, form, .skip-link, [role="search"], .site-nav'))
      .filter((el) => el.checkVisibility())
      .map((el) => `<${el.tagName.toLowerCase()} class="${el.className}" aria-label="${el.getAttribute('aria-label') || ''}">`));
    assert.deepEqual(shown, []);
  });

  it('prints the address of the page under the site name', async () => {
    const printed = await page.locator('.print-url').textContent();
    assert.match(printed, /^https?:\/\/[^/]+\//);
    assert.ok(printed.endsWith(advisory.url), `${printed} is the address of ${advisory.url}`);
    assert.ok(await page.locator('.print-url').isVisible());
  });

  it('keeps the advisory itself: title, facts, affected devices, remediation', async () => {
    for (const sel of ['h1', '.facts', '#affected', '#remediation', 'main']) {
      assert.ok(await page.locator(sel).first().isVisible(), `${sel} is printed`);
    }
  });

  it('prints black on white, even when the reader prefers a dark scheme', async () => {
    const c = await page.evaluate(() => {
      const b = getComputedStyle(document.body);
      return { bg: b.backgroundColor, fg: b.color };
    });
    assert.equal(c.bg, 'rgb(255, 255, 255)');
    assert.equal(c.fg, 'rgb(0, 0, 0)');
  });

  it('shows the URL of every link', async () => {
    const missing = await page.evaluate(() => {
      const out = [];
      for (const a of document.querySelectorAll('main a[href]')) {
        if (!a.checkVisibility()) continue;
        const href = a.getAttribute('href');
        if (href.startsWith('#')) continue; // a place on the printed page itself
        const text = a.textContent.trim();
        const abs = a.href;
        if (text === href || text === abs) continue; // the link text is the URL
        const after = getComputedStyle(a, '::after').content;
        if (!after.includes(href) && !after.includes(abs)) out.push(`${text} → ${href} (::after ${after})`);
      }
      return out;
    });
    assert.deepEqual(missing, []);
  });

  it('makes a PDF (saved with the screenshots)', async () => {
    mkdirSync(SHOTS_DIR, { recursive: true });
    const pdf = await page.pdf({ path: join(SHOTS_DIR, `print-${advisory.id}.pdf`), format: 'A4', printBackground: true });
    assert.ok(pdf.length > 10_000);
  });

  it('logged no console errors and requested nothing from other hosts', () => {
    assert.deepEqual(problems, []);
  });
});
