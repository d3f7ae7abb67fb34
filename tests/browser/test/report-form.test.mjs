// The security page's report form (issue 5, item 3): with JavaScript it
// composes every field into a mailto: e-mail, special characters intact;
// without JavaScript the form stays hidden and the plain instructions show.
// A site that sets [disclosure] report_endpoint (tests/sites/minimal with
// that key added, built and served here) gets a plain HTML form that posts
// the same fields there, urlencoded, with or without JavaScript.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DESKTOP, launch, open, watch } from '../lib/browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { if (browser) await browser.close(); });

const ANSWERS = {
  version: '2.4.0-rc1 & "beta" <build #7>',
  description: 'Überlauf im Web-Login: 100% reproducible?\nSecond line with a tab\there.',
  steps: '1. curl "https://hub.local/api?x=1&y=2#frag"\n2. Send 😀 as the user name',
  fix: 'Check the length; +/= must survive.',
  contact: 'Zoë O\'Brien <zoe@example.org>',
};

describe('report form with JavaScript', () => {
  let page;
  let problems;
  before(async () => {
    const context = await browser.newContext({ viewport: DESKTOP });
    page = await context.newPage();
    problems = watch(page);
    await open(page, '/security/');
  });

  it('shows the form beside the plain instructions', async () => {
    assert.equal(await page.isVisible('#report-form'), true);
    assert.equal(await page.isVisible('.report-instructions'), true);
  });

  it('composes an e-mail holding every field, special characters intact', async () => {
    await page.evaluate(() => document.getElementById('report-form').setAttribute('data-no-open', ''));
    const device = await page.evaluate(() => document.querySelector('#rf-device option:nth-child(2)').value);
    await page.selectOption('#rf-device', device);
    await page.fill('#rf-version', ANSWERS.version);
    await page.selectOption('#rf-type', 'Injection (command, SQL, script)');
    await page.fill('#rf-description', ANSWERS.description);
    await page.fill('#rf-steps', ANSWERS.steps);
    await page.fill('#rf-fix', ANSWERS.fix);
    await page.selectOption('#rf-public', 'Not sure');
    await page.fill('#rf-contact', ANSWERS.contact);
    await page.click('#report-form button[type="submit"]');
    const href = await page.getAttribute('#report-mailto', 'href');
    const address = await page.getAttribute('#report-form', 'data-address');
    assert.ok(href.startsWith(`mailto:${address}?subject=`), href);
    const params = new URLSearchParams(href.slice(href.indexOf('?') + 1).replace(/\+/g, '%2B'));
    const body = params.get('body');
    assert.equal(params.get('subject'), `Vulnerability report: ${device}`);
    assert.ok(body.includes(`Device: ${device}\n`), body);
    assert.ok(body.includes(`Firmware version: ${ANSWERS.version}\n`), body);
    assert.ok(body.includes('Type of flaw: Injection (command, SQL, script)\n'), body);
    assert.ok(body.includes(`Description:\n${ANSWERS.description}\n`), body);
    assert.ok(body.includes(`Steps to reproduce:\n${ANSWERS.steps}\n`), body);
    assert.ok(body.includes(`Suggested fix:\n${ANSWERS.fix}\n`), body);
    assert.ok(body.includes('Already public: Not sure\n'), body);
    assert.ok(body.includes(`Contact: ${ANSWERS.contact}`), body);
    assert.equal(await page.inputValue('#report-body'), body);
    assert.equal(await page.isVisible('#report-body'), true);
    assert.deepEqual(problems, []);
  });
});

describe('report form without JavaScript', () => {
  it('hides the form and keeps the plain instructions', async () => {
    const context = await browser.newContext({ viewport: DESKTOP, javaScriptEnabled: false });
    const page = await context.newPage();
    await open(page, '/security/');
    assert.equal(await page.isVisible('#report-form'), false);
    assert.equal(await page.isVisible('.report-instructions'), true);
    const link = await page.getAttribute('.report-instructions a', 'href');
    assert.ok(link.startsWith('mailto:'), link);
    await context.close();
  });
});

// --- A site whose report form posts to an endpoint -----------------------------

const ENDPOINT = 'https://reports.example.org/psirt?src=web';
const FIELDS = ['device', 'version', 'type', 'description', 'steps', 'fix', 'public', 'contact'];
const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.xml': 'application/xml' };

/** Serves `root` on 127.0.0.1 (any free port); resolves to { url, close }. */
function serve(root) {
  const server = createServer((req, res) => {
    let path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
    if (path.includes('..')) { res.writeHead(400).end(); return; }
    let file = join(root, path);
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({
    url: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((done) => server.close(done)),
  })));
}

describe('report form posting to disclosure.report_endpoint', () => {
  let work;
  let site;
  const contexts = [];
  before(async () => {
    const herald = process.env.HERALD_BIN;
    assert.ok(herald, 'HERALD_BIN is not set: run the suite through tests/browser/run.sh');
    work = mkdtempSync(join(tmpdir(), 'herald-endpoint-'));
    const minimal = fileURLToPath(new URL('../../sites/minimal', import.meta.url));
    cpSync(minimal, join(work, 'site'), { recursive: true, filter: (p) => !p.startsWith(join(minimal, 'expected')) });
    const toml = join(work, 'site', 'site.toml');
    const text = readFileSync(toml, 'utf8');
    assert.match(text, /^\[disclosure\]\n/m);
    writeFileSync(toml, text.replace(/^\[disclosure\]\n/m, `[disclosure]\nreport_endpoint = "${ENDPOINT}"\n`));
    execFileSync(herald, ['build', join(work, 'site'), '--out', join(work, 'out'), '--quiet'], { stdio: 'inherit' });
    site = await serve(join(work, 'out'));
  });
  after(async () => {
    if (site) await site.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  /** A page of the endpoint site; `posts` collects what reaches the endpoint (answered, never sent). */
  async function openSecurity(javaScriptEnabled) {
    const context = await browser.newContext({ viewport: DESKTOP, javaScriptEnabled });
    const page = await context.newPage();
    const posts = [];
    const problems = [];
    page.on('pageerror', (err) => problems.push(`uncaught exception: ${err.message}`));
    page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`); });
    await context.route((u) => u.origin !== site.url, async (route) => {
      const req = route.request();
      if (req.url() === ENDPOINT) {
        posts.push({ method: req.method(), type: req.headers()['content-type'], body: req.postData() });
        await route.fulfill({ status: 200, contentType: 'text/html', body: '<!DOCTYPE html><title>Thanks</title><p>Received.' });
      } else {
        problems.push(`request to another host: ${req.method()} ${req.url()}`);
        await route.abort('blockedbyclient');
      }
    });
    const res = await page.goto(`${site.url}/security/`, { waitUntil: 'load' });
    assert.equal(res.status(), 200);
    contexts.push(context);
    return { page, posts, problems };
  }
  after(async () => { for (const c of contexts) await c.close(); });

  it('renders a visible form that posts urlencoded to the endpoint, beside the e-mail instructions', async () => {
    const { page, problems } = await openSecurity(false);
    const form = await page.$eval('#report-form', (f) => ({
      action: f.action, method: f.method, enctype: f.enctype, charset: f.acceptCharset,
      names: [...f.elements].filter((e) => e.name).map((e) => e.name),
    }));
    assert.deepEqual(form, { action: ENDPOINT, method: 'post', enctype: 'application/x-www-form-urlencoded',
      charset: 'UTF-8', names: FIELDS });
    assert.equal(await page.isVisible('#report-form'), true);
    assert.equal(await page.isVisible('.report-instructions'), true);
    assert.ok((await page.getAttribute('.report-instructions a', 'href')).startsWith('mailto:'));
    assert.equal(await page.$('script[src="/assets/report.js"]'), null);
    assert.deepEqual(problems, []);
  });

  for (const javaScriptEnabled of [true, false]) {
    it(`sends every field, special characters intact (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const { page, posts, problems } = await openSecurity(javaScriptEnabled);
      const device = await page.$eval('#rf-device option:nth-child(2)', (o) => o.value);
      await page.selectOption('#rf-device', device);
      await page.fill('#rf-version', ANSWERS.version);
      await page.selectOption('#rf-type', 'Injection (command, SQL, script)');
      await page.fill('#rf-description', ANSWERS.description);
      await page.fill('#rf-steps', ANSWERS.steps);
      await page.fill('#rf-fix', ANSWERS.fix);
      await page.selectOption('#rf-public', 'Not sure');
      await page.fill('#rf-contact', ANSWERS.contact);
      await Promise.all([page.waitForURL(ENDPOINT), page.click('#report-form button[type="submit"]')]);
      assert.equal(posts.length, 1);
      assert.equal(posts[0].method, 'POST');
      assert.equal(posts[0].type, 'application/x-www-form-urlencoded');
      const sent = Object.fromEntries(new URLSearchParams(posts[0].body));
      // Browsers send textarea line breaks as CRLF (HTML form submission).
      const crlf = (t) => t.replace(/\n/g, '\r\n');
      assert.deepEqual(sent, {
        device, version: ANSWERS.version, type: 'Injection (command, SQL, script)',
        description: crlf(ANSWERS.description), steps: crlf(ANSWERS.steps), fix: crlf(ANSWERS.fix),
        public: 'Not sure', contact: ANSWERS.contact,
      });
      assert.match(await page.textContent('body'), /Received\./);
      assert.deepEqual(problems, []);
    });
  }
});
