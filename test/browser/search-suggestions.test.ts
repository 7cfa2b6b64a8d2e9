/**
 * Did you mean, corrections, thesaurus expansion and highlights in a real browser, in Latin,
 * Arabic (RTL) and Chinese scripts; axe clean.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { launchBrowser, seriousAxeViolations } from '../helpers/browser.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { ensureTestReference } from '../factories/reference.js';
import { aCase } from '../factories/knowledge.js';
import { saveRecords } from '../../src/modules/knowledge/service.js';

describe('search suggestions in a real browser', () => {
  let server: TestServer;
  let browser: Browser;

  before(async () => {
    server = await startTestServer();
    await ensureTestReference(server.runtime.db);
    await saveRecords(
      server.runtime.db,
      [
        aCase({ id: 's-en', texts: { en: { title: 'Extradition of a trafficker', summary: 'The court granted the extradition of the person sought. Mutual legal assistance was also requested.' } } }),
        aCase({ id: 's-ar', country: 'EGY', cooperating_states: [], texts: { ar: { title: 'طلب مساعدة', summary: 'طلبت النيابة المساعدة القضائية المتبادلة من إيطاليا. وقررت المحكمة تسليم الشخص المطلوب.' } } }),
        aCase({ id: 's-zh', country: 'CHN', cooperating_states: [], texts: { zh: { title: '移交逃犯案', summary: '法院准许移交逃犯。请求国提出了司法协助请求。' } } }),
      ],
      { origin: 'import' },
    );
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('English: a misspelt query shows the corrected results with highlights, and the expanded abbreviation', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/en/search?type=case`);
    await page.fill('#search-q', 'extradtion');
    await Promise.all([page.waitForURL(/q=extradtion/), page.press('#search-q', 'Enter')]);
    assert.match((await page.textContent('.search-correction'))!, /Showing results for: extradition/);
    assert.equal(await page.locator('.result a[href="/en/cases/s-en"]').count(), 1);
    assert.equal(await page.locator('.result__snippet mark', { hasText: /^extradition$/i }).count() >= 1, true);
    assert.match((await page.textContent('.result__snippet'))!, /^The court granted/, 'the snippet starts at its sentence');
    await Promise.all([page.waitForURL(/q=MLA/), page.goto(`${server.url}/en/search?q=MLA&type=case`)]);
    assert.match((await page.textContent('.search-expanded'))!, /mutual legal assistance/);
    assert.equal(await page.locator('.result__snippet mark', { hasText: /mutual/i }).count() >= 1, true);
    await page.goto(`${server.url}/en/search?q=extradition+OR+mutul&type=case`);
    const link = page.locator('.search-did-you-mean a');
    assert.equal(await link.textContent(), 'extradition OR mutual');
    assert.deepEqual(await seriousAxeViolations(page), []);
    await Promise.all([page.waitForURL(/mutual/), link.click()]);
    assert.equal(await page.inputValue('#search-q'), 'extradition OR mutual');
    await page.close();
  });

  it('Arabic: the thesaurus finds the synonym phrase, highlighted, on a right-to-left page with a Latin correction', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/ar/search?q=${encodeURIComponent('المساعدة القانونية المتبادلة')}&type=case`);
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    assert.equal(await page.locator('.result a[href="/ar/cases/s-ar"]').count(), 1);
    assert.ok((await page.locator('.result__snippet mark').allTextContents()).some((m) => m.includes('المساعدة')));
    assert.match((await page.textContent('.search-expanded'))!, /المساعدة القضائية المتبادلة/);
    await page.goto(`${server.url}/ar/search?q=extradtion&type=case`);
    assert.match((await page.textContent('.search-correction'))!, /عرض النتائج لـ: extradition/);
    assert.deepEqual(await seriousAxeViolations(page), []);
    await page.close();
  });

  it('Chinese: 引渡 finds 移交逃犯 through the thesaurus, highlighted; did you mean on the Chinese page', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/zh/search?q=${encodeURIComponent('引渡')}&type=case`);
    assert.equal(await page.locator('.result a[href="/zh/cases/s-zh"]').count(), 1);
    assert.ok((await page.locator('.result__snippet mark').allTextContents()).includes('移交逃犯'));
    await page.goto(`${server.url}/zh/search?q=extradition+OR+mutul&type=case`);
    assert.match((await page.textContent('.search-did-you-mean'))!, /您是不是要找：\s*extradition OR mutual/);
    assert.deepEqual(await seriousAxeViolations(page), []);
    await page.close();
  });
});
