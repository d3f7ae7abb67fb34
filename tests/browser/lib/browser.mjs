// Debian's Chromium driven by playwright-core (npm cannot download browsers
// here), and what every page test watches: console errors, uncaught
// exceptions, failed requests and requests to any host but the server.
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { ORIGIN, url } from './site.mjs';

export const CHROMIUM = process.env.HERALD_CHROMIUM || '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * A browser of its own for each test file. playwright's launch() gives
 * Chromium a fresh temporary --user-data-dir and removes it on close.
 */
export function launch() {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true, timeout: 60_000 });
}

export const DESKTOP = { width: 1440, height: 900 };
export const PHONE = { width: 360, height: 740 };

const routing = new WeakMap();

/**
 * Records what must not happen on a page. `allow(msg)` may excuse a console
 * message (the 404 page's own status).
 */
export function watch(page, { allow = () => false } = {}) {
  const problems = [];
  // Requests to other hosts are recorded below and never leave the machine.
  const foreign = (u) => /^(https?|wss?):/.test(u.protocol) && u.origin !== ORIGIN;
  routing.set(page, page.route(foreign, (route) => route.abort('blockedbyclient')));
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const text = msg.text();
    if (allow(text, msg)) return;
    const loc = msg.location();
    problems.push(`console error: ${text}${loc && loc.url ? ` (${loc.url}:${loc.lineNumber})` : ''}`);
  });
  page.on('pageerror', (err) => problems.push(`uncaught exception: ${err.message}`));
  page.on('request', (req) => {
    const u = req.url();
    if (u.startsWith('data:') || u.startsWith('about:') || u.startsWith('blob:')) return;
    let origin;
    try { origin = new URL(u).origin; } catch { origin = u; }
    if (origin !== ORIGIN) problems.push(`request to another host: ${req.method()} ${u}`);
  });
  page.on('requestfailed', (req) => {
    const f = req.failure();
    // A navigation away (e.g. the search submitting) aborts pending requests.
    if (f && /ERR_ABORTED/.test(f.errorText)) return;
    problems.push(`request failed: ${req.url()} (${f ? f.errorText : '?'})`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400 && !allow(`HTTP ${res.status()} ${res.url()}`)) {
      problems.push(`HTTP ${res.status()}: ${res.url()}`);
    }
  });
  return problems;
}

/** Loads a site path and waits until search.js has run. */
export async function open(page, path, { expectStatus = 200 } = {}) {
  await routing.get(page);
  const res = await page.goto(url(path), { waitUntil: 'load' });
  if (!res) throw new Error(`no response for ${path}`);
  if (res.status() !== expectStatus) throw new Error(`${path}: HTTP ${res.status()}, expected ${expectStatus}`);
  await page.waitForLoadState('domcontentloaded');
  return res;
}

/** Serious and critical axe-core violations, formatted for a failure message. */
export async function axeProblems(page, { rules } = {}) {
  let builder = new AxeBuilder({ page });
  if (rules) builder = builder.withRules(rules);
  const result = await builder.analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help}\n` +
      v.nodes.slice(0, 8).map((n) => `    ${n.target.join(' ')} — ${n.failureSummary.replace(/\s+/g, ' ')}`).join('\n'));
}

// --- Colours (WCAG 2 relative luminance and contrast) ---------------------------

export function parseColor(css) {
  const m = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:[,\s/]+([\d.]+%?))?\s*\)/.exec(css || '');
  if (!m) return null;
  let a = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
  return { r: +m[1], g: +m[2], b: +m[3], a };
}

export function luminance({ r, g, b }) {
  const f = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
  return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
}

export function contrast(c1, c2) {
  const [l1, l2] = [luminance(c1), luminance(c2)].sort((x, y) => y - x);
  return (l1 + 0.05) / (l2 + 0.05);
}
