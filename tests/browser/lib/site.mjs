// What the suite knows about the site under test: where it is served and
// built (from run.sh's environment), its search index, what its advisory
// sources say, and which page stands for each page kind.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function need(name) {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: run the suite through tests/browser/run.sh`);
  return v;
}

export const SERVER_URL = need('HERALD_URL').replace(/\/?$/, '/'); // http://127.0.0.1:PORT/
export const ORIGIN = new URL(SERVER_URL).origin;
export const SERVER_KIND = process.env.HERALD_SERVER || 'static'; // serve | static
export const OUT_DIR = need('HERALD_OUT'); // `herald build` output of the same site
export const SITE_DIR = need('HERALD_SITE'); // the site's sources
export const SHOTS_DIR = process.env.HERALD_SCREENSHOTS || join(OUT_DIR, '..', 'screenshots');

export function url(path) {
  return new URL(path, SERVER_URL).href;
}

let indexCache = null;
/** search-index.json as served. */
export async function searchIndex() {
  if (!indexCache) {
    const r = await fetch(url('/search-index.json'));
    if (!r.ok) throw new Error(`GET /search-index.json: HTTP ${r.status}`);
    indexCache = await r.json();
  }
  return indexCache;
}

// --- The advisory sources -----------------------------------------------------
// Only what the tests cross-check against the index: which advisories are
// published, their year and the devices they name. Front matter is TOML; the
// few keys read here are plain `key = "value"` lines at known table levels.

function walk(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else if (name.endsWith('.md')) out.push(p);
  }
  return out;
}

export function advisorySources() {
  const list = [];
  for (const file of walk(join(SITE_DIR, 'advisories'))) {
    const text = readFileSync(file, 'utf8');
    const m = /^\+\+\+\r?\n([\s\S]*?)\r?\n\+\+\+/.exec(text);
    if (!m) continue;
    let table = ''; // '' = top level, else the [[name]] or [name] in force
    const a = { file, devices: new Set() };
    for (const line of m[1].split(/\r?\n/)) {
      const t = /^\s*\[\[?\s*([A-Za-z0-9_.]+)\s*\]\]?\s*(#.*)?$/.exec(line);
      if (t) { table = t[1]; continue; }
      const kv = /^\s*([A-Za-z0-9_]+)\s*=\s*(.*?)\s*$/.exec(line);
      if (!kv) continue;
      const [, key, raw] = kv;
      const str = /^"([^"]*)"/.exec(raw);
      if (table === '') {
        if (key === 'id' && str) a.id = str[1];
        if (key === 'status' && str) a.status = str[1];
        if (key === 'tlp' && str) a.tlp = str[1];
        if (key === 'category' && str) a.category = str[1];
        if (key === 'published') a.year = (/^"?(\d{4})-/.exec(raw) || [])[1];
      } else if ((table === 'affected' || table === 'not_affected') && key === 'device' && str) {
        a.devices.add(str[1]);
      }
    }
    if (a.id) list.push(a);
  }
  return list;
}

export function publishedSources() {
  return advisorySources().filter((a) => a.status !== 'draft' && (a.tlp || 'CLEAR').toUpperCase() === 'CLEAR');
}

// --- Page kinds ------------------------------------------------------------------

const ENDED = new Set(['unsupported', 'end_of_life']);

/**
 * One page of each kind the issue names, chosen from the index (not hard-coded
 * ids): the first advisory of each category, a device still supported and one
 * past its end of support, a guide and a site page linked from the pages.
 */
export async function pageKinds() {
  const index = await searchIndex();
  const kinds = [
    { kind: 'home', path: '/', main: true },
    { kind: 'advisory list', path: '/advisories/', main: true },
  ];
  const seen = new Set();
  for (const a of index.advisories) {
    if (seen.has(a.category)) continue;
    seen.add(a.category);
    kinds.push({ kind: `advisory (${a.category})`, path: a.url, main: a.category === 'security_advisory', advisory: a });
  }
  kinds.push({ kind: 'device list', path: '/devices/', main: true });
  const supported = index.devices.find((d) => !ENDED.has(d.status));
  const ended = index.devices.find((d) => ENDED.has(d.status));
  if (!supported || !ended) throw new Error('the example site needs a supported and an ended device');
  kinds.push({ kind: `device, supported (${supported.slug})`, path: supported.url, main: true, device: supported });
  kinds.push({ kind: `device, ended (${ended.slug})`, path: ended.url, main: true, device: ended });
  // A guide and a site page: the first of each linked from the supported device page / footer.
  const devHtml = readFileSync(join(OUT_DIR, supported.url, 'index.html'), 'utf8');
  const guide = new RegExp(`href="(${supported.url}guides/[^"#/]+/)"`).exec(devHtml);
  if (!guide) throw new Error(`no guide linked from ${supported.url}`);
  kinds.push({ kind: 'guide', path: guide[1] });
  kinds.push({ kind: 'security', path: '/security/', main: true });
  kinds.push({ kind: 'support', path: '/support/', main: true });
  const homeHtml = readFileSync(join(OUT_DIR, 'index.html'), 'utf8');
  const footer = homeHtml.slice(homeHtml.indexOf('id="footer-pages"'));
  const pageLink = /<a href="(\/[^"#]+\/)"/.exec(footer);
  if (!pageLink) throw new Error('no site page linked from the footer');
  kinds.push({ kind: 'page', path: pageLink[1] });
  // herald serve answers an unknown path with 404.html and status 404; a
  // plain static server is asked for the file itself.
  kinds.push({ kind: '404', path: SERVER_KIND === 'serve' ? '/no-such-page/' : '/404.html', notFound: SERVER_KIND === 'serve' });
  return kinds;
}

export function slugName(kind) {
  return kind.kind.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase();
}
