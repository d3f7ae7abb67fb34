// The build output itself (issue 8, item 3): every HTML page herald writes
// passes the Nu Html Checker (vnu) with no errors, and every internal link,
// resource and #anchor in it resolves in the output tree.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OUT_DIR, SITE_DIR } from '../lib/site.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const VNU = join(HERE, '..', 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');

function walk(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else out.push(p);
  }
  return out;
}

const files = walk(OUT_DIR);
const htmlFiles = files.filter((f) => f.endsWith('.html')).sort();
const sitePath = (file) => '/' + relative(OUT_DIR, file).split(sep).join('/');

function vnu(args) {
  // vnu exits 1 when it reports errors; the JSON says which.
  let out;
  try {
    out = execFileSync('java', ['-jar', VNU, '--errors-only', '--stdout', '--format', 'json', ...args],
      { encoding: 'utf8', maxBuffer: 64 << 20 });
  } catch (e) {
    if (!e.stdout) throw e;
    out = e.stdout;
  }
  return JSON.parse(out).messages.map((m) => {
    const where = m.url ? sitePath(fileURLToPath(m.url)) : '?';
    return `${where}:${m.lastLine ?? '?'}:${m.firstColumn ?? m.lastColumn ?? '?'}: ${m.type}: ${m.message}` +
      (m.extract ? `\n    ${m.extract.replace(/\s+/g, ' ').slice(0, 160)}` : '');
  });
}

describe('Nu Html Checker (vnu)', () => {
  it(`finds no errors in the ${htmlFiles.length} HTML pages of the build`, () => {
    assert.ok(htmlFiles.length >= 10, `only ${htmlFiles.length} HTML pages in ${OUT_DIR}`);
    const errors = vnu(['--html', ...htmlFiles]);
    assert.deepEqual(errors, []);
  });

  it('finds no errors in the theme stylesheet', () => {
    const css = files.filter((f) => f.endsWith('.css'));
    assert.ok(css.length > 0);
    assert.deepEqual(vnu(['--css', ...css]), []);
  });
});

// --- Link check -----------------------------------------------------------------

const BASE_URL = (() => {
  const toml = readFileSync(join(SITE_DIR, 'site.toml'), 'utf8');
  const m = /^\s*base_url\s*=\s*"([^"]+)"/m.exec(toml);
  return m ? new URL(m[1].replace(/\/?$/, '/')) : null;
})();

const decode = (s) => s.replace(/&(amp|lt|gt|quot|#39|#x27|apos);/g, (_, e) =>
  ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", apos: "'" })[e]);

// Tags and attributes: herald's HTML is checked by vnu above, so a tokenizer
// over start tags is enough here. Comments and raw text are dropped first.
function parse(html) {
  const clean = html.replace(/<!--[\s\S]*?-->/g, '').replace(/<(script|style)\b([^>]*)>[\s\S]*?<\/\1>/gi, '<$1$2>');
  const links = [];
  const ids = new Set();
  for (const tag of clean.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>\/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g)) {
    const name = tag[1].toLowerCase();
    const attrs = {};
    for (const a of tag[2].matchAll(/([^\s"'>\/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)) {
      attrs[a[1].toLowerCase()] = decode(a[2] ?? a[3] ?? a[4] ?? '');
    }
    if (attrs.id) ids.add(attrs.id);
    if (name === 'a' && attrs.name) ids.add(attrs.name);
    for (const attr of ['href', 'src', 'action', 'poster', 'data-search-index']) {
      if (attrs[attr] !== undefined) links.push({ tag: name, attr, value: attrs[attr] });
    }
    if (attrs.srcset) {
      for (const part of attrs.srcset.split(',')) links.push({ tag: name, attr: 'srcset', value: part.trim().split(/\s+/)[0] });
    }
  }
  return { links, ids };
}

const pages = new Map(htmlFiles.map((f) => [f, parse(readFileSync(f, 'utf8'))]));

/** The output file a site path names, or null. */
function target(pathname) {
  let p;
  try { p = decodeURIComponent(pathname); } catch { return null; }
  const file = join(OUT_DIR, ...p.split('/').filter(Boolean));
  if (!file.startsWith(OUT_DIR)) return null;
  if (p.endsWith('/')) return existsSync(join(file, 'index.html')) ? join(file, 'index.html') : null;
  if (existsSync(file) && statSync(file).isFile()) return file;
  return null;
}

function idsOf(file) {
  if (!pages.has(file)) pages.set(file, parse(readFileSync(file, 'utf8')));
  return pages.get(file).ids;
}

describe('internal links and anchors', () => {
  it('every internal href, src and #anchor in every page resolves', () => {
    const broken = [];
    let checked = 0;
    for (const file of htmlFiles) {
      const here = new URL(sitePath(file), 'http://site.invalid/');
      for (const { tag, attr, value } of pages.get(file).links) {
        if (value === '' && attr === 'action') continue;
        if (/^(mailto|tel|data|javascript):/i.test(value)) continue;
        let u;
        try { u = new URL(value, here); } catch { broken.push(`${sitePath(file)}: <${tag} ${attr}="${value}">: not a URL`); continue; }
        let pathname;
        if (u.origin === here.origin) pathname = u.pathname;
        else if (BASE_URL && u.origin === BASE_URL.origin && u.pathname.startsWith(BASE_URL.pathname)) {
          pathname = '/' + u.pathname.slice(BASE_URL.pathname.length);
        } else continue; // another site
        checked++;
        const dest = target(pathname);
        if (!dest) { broken.push(`${sitePath(file)}: <${tag} ${attr}="${value}">: ${pathname} is not in the output`); continue; }
        if (u.hash.length > 1) {
          const id = decodeURIComponent(u.hash.slice(1));
          if (!dest.endsWith('.html')) broken.push(`${sitePath(file)}: <${tag} ${attr}="${value}">: #anchor on a file that is not HTML`);
          else if (!idsOf(dest).has(id)) broken.push(`${sitePath(file)}: <${tag} ${attr}="${value}">: no id="${id}" in ${sitePath(dest)}`);
        }
      }
    }
    assert.ok(checked > 100, `only ${checked} internal links found`);
    assert.deepEqual(broken, []);
  });

  it('no page repeats an id', () => {
    const dupes = [];
    for (const file of htmlFiles) {
      const seen = new Set();
      const html = readFileSync(file, 'utf8').replace(/<!--[\s\S]*?-->/g, '');
      for (const m of html.matchAll(/<[a-zA-Z][^>]*?\sid\s*=\s*"([^"]*)"/g)) {
        if (seen.has(m[1])) dupes.push(`${sitePath(file)}: id="${m[1]}"`);
        seen.add(m[1]);
      }
    }
    assert.deepEqual(dupes, []);
  });

  it('the link checker itself finds a broken link and a missing anchor', () => {
    const { links, ids } = parse('<p id="x"><a href="/no/such/page/">a</a> <a href=\'#y\'>b</a> <img src=/assets/style.css alt="">');
    assert.deepEqual(links.map((l) => l.value), ['/no/such/page/', '#y', '/assets/style.css']);
    assert.ok(ids.has('x') && !ids.has('y'));
    assert.equal(target('/no/such/page/'), null);
    assert.ok(target('/assets/style.css'));
    assert.ok(target('/'));
  });
});
