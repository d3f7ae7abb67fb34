// Every page kind (issue 8, item 2): no console errors, no request to any
// host but the server, no serious or critical axe-core violations, every link
// and control reachable by keyboard with a visible focus, no sideways scroll
// at 360 and 1440 px, a dark scheme with AA contrast, and every section shown
// without JavaScript. Screenshots of the main pages at both widths in both
// schemes go to the screenshots directory (item 4).
// The page kinds are split between test files (pages-N.test.mjs) so that two
// browsers share the work.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DESKTOP, PHONE, axeProblems, launch, luminance, open, parseColor, watch } from './browser.mjs';
import { keyboardProblems } from './keyboard.mjs';
import { SHOTS_DIR, pageKinds, searchIndex, slugName, url } from './site.mjs';


function list(problems) {
  return problems.length ? '\n  ' + problems.join('\n  ') : '';
}

// Runs in the page: headings and sections a reader sees, and advisory links.
function visibleContent() {
  const vis = (el) => el.checkVisibility({ checkVisibilityCSS: true }) && el.getClientRects().length > 0;
  const text = (el) => el.textContent.trim().replace(/\s+/g, ' ');
  const main = document.querySelector('main');
  return {
    headings: Array.from(main.querySelectorAll('h1, h2')).filter(vis).map(text),
    hiddenSections: Array.from(main.querySelectorAll('section, h2, h3, table, tr, li'))
      .filter((el) => !vis(el) && !el.closest('.visually-hidden, form[hidden], .search-results, details:not([open])'))
      .map((el) => `<${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}> ${text(el).slice(0, 60)}`),
    advisoryLinks: Array.from(main.querySelectorAll('a[href^="/advisories/"]')).filter(vis)
      .map((a) => a.getAttribute('href')),
  };
}

/** Defines the tests of every `shards`-th page kind, starting at `shard`. */
export async function definePageTests(shard, shards) {
  const kinds = (await pageKinds()).filter((_, i) => i % shards === shard);
  const index = await searchIndex();
  mkdirSync(SHOTS_DIR, { recursive: true });
  let browser;
  before(async () => { browser = await launch(); });
  after(async () => { if (browser) await browser.close(); });
  for (const kind of kinds) definePageKind(kind, index, () => browser);
}

function definePageKind(kind, index, getBrowser) {
  describe(`${kind.kind} ${kind.path}`, () => {
    let context;
    let page;
    let problems;
    const status = kind.notFound ? 404 : 200;
    // The 404 page is served with status 404, which Chromium logs.
    const allow = (msg) => kind.notFound && (msg.includes('status of 404') || msg === `HTTP 404 ${url(kind.path)}`);

    before(async () => {
      context = await getBrowser().newContext({ viewport: DESKTOP, colorScheme: 'light' });
      page = await context.newPage();
      problems = watch(page, { allow });
      await open(page, kind.path, { expectStatus: status });
    });
    after(async () => { if (context) await context.close(); });

    it('has no serious or critical axe-core violations', async () => {
      const found = await axeProblems(page);
      assert.deepEqual(found, [], `axe-core on ${kind.path}:${list(found)}`);
    });

    it('reaches every link and control by keyboard, each with a visible focus', async () => {
      const { problems: found, reached, expected } = await keyboardProblems(page);
      assert.deepEqual(found, [], `keyboard on ${kind.path} (${reached} of ${expected} reached):${list(found)}`);
    });

    it('does not scroll sideways at 360 px or 1440 px', async () => {
      const found = [];
      for (const vp of [PHONE, DESKTOP]) {
        await page.setViewportSize(vp);
        const m = await page.evaluate(() => ({
          scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth,
          wide: Array.from(document.querySelectorAll('body *'))
            .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1 &&
              !el.closest('.table-scroll, .visually-hidden, pre, .skip-link') && el.checkVisibility())
            .slice(0, 5).map((el) => `<${el.tagName.toLowerCase()} class="${el.className}">`),
        }));
        if (m.scroll > m.client) found.push(`${vp.width} px: page is ${m.scroll} px wide; too wide: ${m.wide.join(', ')}`);
        if (kind.main) {
          await page.screenshot({ path: join(SHOTS_DIR, `${slugName(kind)}-${vp.width}-light.png`), fullPage: true });
        }
      }
      assert.deepEqual(found, [], `${kind.path}:${list(found)}`);
    });

    it('gives a dark theme with AA contrast under prefers-color-scheme: dark', async () => {
      await page.emulateMedia({ colorScheme: 'dark' });
      try {
        const c = await page.evaluate(() => {
          const b = getComputedStyle(document.body);
          const m = getComputedStyle(document.querySelector('main'));
          return { bg: b.backgroundColor, fg: b.color, mainFg: m.color };
        });
        const bg = parseColor(c.bg);
        const fg = parseColor(c.fg);
        assert.ok(bg && luminance(bg) < 0.05, `dark scheme background is ${c.bg}, not dark`);
        assert.ok(fg && luminance(fg) > 0.5, `dark scheme text is ${c.fg}, not light`);
        const found = await axeProblems(page, { rules: ['color-contrast'] });
        assert.deepEqual(found, [], `axe-core color-contrast, dark scheme, on ${kind.path}:${list(found)}`);
        if (kind.main) {
          for (const vp of [PHONE, DESKTOP]) {
            await page.setViewportSize(vp);
            await page.screenshot({ path: join(SHOTS_DIR, `${slugName(kind)}-${vp.width}-dark.png`), fullPage: true });
          }
        }
      } finally {
        await page.emulateMedia({ colorScheme: 'light' });
        await page.setViewportSize(DESKTOP);
      }
    });

    it('shows every section and advisory without JavaScript', async () => {
      const withJs = await page.evaluate(visibleContent);
      const ctx = await getBrowser().newContext({ viewport: DESKTOP, javaScriptEnabled: false });
      try {
        const p = await ctx.newPage();
        const noJsProblems = watch(p, { allow });
        await open(p, kind.path, { expectStatus: status });
        const noJs = await p.evaluate(visibleContent);
        assert.deepEqual(noJs.hiddenSections, [], `hidden without JavaScript on ${kind.path}`);
        assert.deepEqual(noJs.headings, withJs.headings, `headings with and without JavaScript on ${kind.path}`);
        // Which advisories the page must list in full.
        let must = [];
        if (kind.path === '/advisories/') must = index.advisories;
        else if (kind.device) must = index.advisories.filter((a) => a.devices.some((d) => d.slug === kind.device.slug));
        const shown = new Set(noJs.advisoryLinks);
        const missing = must.filter((a) => !shown.has(a.url)).map((a) => a.id);
        assert.deepEqual(missing, [], `advisories missing without JavaScript on ${kind.path}`);
        assert.deepEqual(noJsProblems, [], `without JavaScript on ${kind.path}:${list(noJsProblems)}`);
      } finally {
        await ctx.close();
      }
    });

    it('logs no console errors and requests nothing from other hosts', () => {
      assert.deepEqual(problems, [], `${kind.path}:${list(problems)}`);
    });
  });
}
