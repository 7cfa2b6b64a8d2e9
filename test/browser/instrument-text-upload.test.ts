/**
 * Real Chromium, JavaScript off: a curator checks an Akoma Ntoso file on /{lang}/instrument-texts in
 * English, Arabic and Chinese (the preview lists the articles, the page is RTL in Arabic), imports
 * it from the preview, and a bad file shows its problems by line. axe-core finds no serious or
 * critical violation on the form and the preview.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { launchBrowser, seriousAxeViolations, signInWithTotp } from '../helpers/browser.js';
import { makeUser } from '../http/accounts-support.js';
import { tempDir } from '../factories/bulk.js';
import { anAknExtract, anAuthenticExtract } from '../factories/instrument-texts.js';

const CHECK = { en: 'Check the file', ar: 'افحص الملف', zh: '检查文件' } as const;
const IMPORT = { en: 'Import this text', ar: 'استورد هذا النص', zh: '导入此文本' } as const;

describe('upload of authentic instrument texts in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  /** The same session with JavaScript on: axe-core runs as a script. */
  let axeContext: BrowserContext;
  async function axeOn(html: string, label: string) {
    const page = await axeContext.newPage();
    await page.goto(`${server.url}/en/instrument-texts`);
    await page.setContent(html, { waitUntil: 'load' });
    assert.deepEqual(await seriousAxeViolations(page), [], `axe: ${label}`);
    await page.close();
  }
  const tmp = tempDir('palermo-texts-browser-');
  const akn = path.join(tmp.dir, 'untoc-es.xml');
  const bad = path.join(tmp.dir, 'bad.md');

  before(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    fs.writeFileSync(akn, anAknExtract());
    fs.writeFileSync(bad, anAuthenticExtract({ articles: [{ number: '18', paragraphs: ['ok'] }, { number: '99', paragraphs: ['x'] }] }));
    const user = await makeUser(server, { roles: [{ role: 'curator' }], totp: true });
    context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signInWithTotp(page, server.url, user);
    await page.close();
    axeContext = await browser.newContext();
    await axeContext.addCookies(await context.cookies());
  });
  after(async () => {
    await axeContext?.close();
    await context?.close();
    await browser?.close();
    await server?.close();
    tmp.remove();
  });

  for (const lang of ['en', 'ar', 'zh'] as const) {
    it(`checks an Akoma Ntoso file and shows its articles (${lang})`, async () => {
      const page = await context.newPage();
      page.setDefaultTimeout(90_000);
      await page.goto(`${server.url}/${lang}/instrument-texts`);
      await axeOn(await page.content(), `${lang} form`);
      assert.equal(await page.getAttribute('html', 'dir'), lang === 'ar' ? 'rtl' : 'ltr');
      await page.selectOption('#f-instrument', 'untoc');
      await page.selectOption('#f-lang', 'es');
      await page.setInputFiles('#f-file', akn);
      await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: CHECK[lang] }).click()]);
      await page.waitForSelector('table.instrument-text-preview');
      const rows = await page.locator('table.instrument-text-preview tbody tr').allTextContents();
      assert.equal(rows.length, 2, lang);
      assert.ok(rows[1]!.includes('Asistencia judicial recíproca'), lang);
      assert.equal(await page.getAttribute('table.instrument-text-preview tbody tr:nth-child(2) td', 'lang'), 'es');
      await axeOn(await page.content(), `${lang} preview`);
      if (lang === 'zh') {
        await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: IMPORT[lang] }).click()]);
        await page.waitForSelector('p.dir-done');
        assert.match((await page.textContent('p.dir-done')) ?? '', /2 条/);
        const rowCount = await server.runtime.db.selectFrom('instrument_texts').select('lang').execute();
        assert.deepEqual(rowCount, [{ lang: 'es' }]);
      }
      await page.close();
    });
  }

  it('shows the problems of a bad file by line (ar)', async () => {
    const page = await context.newPage();
    page.setDefaultTimeout(90_000);
    await page.goto(`${server.url}/ar/instrument-texts`);
    await page.selectOption('#f-lang', 'fr');
    await page.setInputFiles('#f-file', bad);
    const [res] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.getByRole('button', { name: CHECK.ar }).click()]);
    assert.equal(res.status(), 400);
    await page.waitForSelector('.error-summary');
    assert.match((await page.textContent('.error-summary')) ?? '', /السطر 12: ?article 99 is not an article of this instrument/);
    await axeOn(await page.content(), 'ar error page');
    await page.close();
  });
});
