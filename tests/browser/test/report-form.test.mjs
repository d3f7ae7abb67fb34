// The security page's report form (issue 5, item 3): with JavaScript it
// composes every field into a mailto: e-mail, special characters intact;
// without JavaScript the form stays hidden and the plain instructions show.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
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
