import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, seriousAxeViolations } from '../helpers/browser.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { ensureTestReference } from '../factories/reference.js';
import { aCase, aLaw, aStrategy, anExtract } from '../factories/knowledge.js';
import { saveRecords } from '../../src/modules/knowledge/service.js';

describe('search page in a real browser', () => {
  let server: TestServer;
  let browser: Browser;

  before(async () => {
    server = await startTestServer();
    await ensureTestReference(server.runtime.db);
    const law = aLaw({ id: 'b-law' });
    await saveRecords(
      server.runtime.db,
      [
        aCase({ id: 'b-ita', country: 'ITA', cooperating_states: [], crime_types: ['drug-offences'] }),
        aCase({ id: 'b-esp', country: 'ESP', cooperating_states: [], texts: { en: { title: 'Extradition of a trafficker to Spain' } }, crime_types: ['trafficking-in-persons'] }),
        aCase({
          id: 'b-egy',
          country: 'EGY',
          cooperating_states: [],
          texts: { ar: { title: 'طلب تسليم المجرمين والمساعدة القانونية المتبادلة', summary: 'قررت المحكمة تسليم الشخص المطلوب.' } },
        }),
        aCase({ id: 'b-chn', country: 'CHN', cooperating_states: [], texts: { zh: { title: '关于司法协助的案件', summary: '法院批准了司法协助请求。' } } }),
        aCase({ id: 'b-chn2', country: 'CHN', cooperating_states: ['ITA'], decision_date: '2021-03-01', texts: { zh: { title: '司法协助与引渡', summary: '请求国提出了司法协助请求。' } } }),
        law,
        anExtract(law.id, { id: 'b-fra' }),
        aStrategy({ id: 'b-strategy' }),
      ],
      { origin: 'import' },
    );
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const resultCount = async (page: Page) => page.locator('.results > .result').count();
  const noSerious = async (page: Page, what: string) => assert.deepEqual(await seriousAxeViolations(page), [], what);

  it('English: type a query, tick a facet, see counts and results change; axe clean', async () => {
    const page = await browser.newPage();
    // Cases only: the real reference instruments (e.g. the European Convention on Extradition) match too.
    await page.goto(`${server.url}/en/search?type=case`);
    await noSerious(page, 'empty search page');
    await page.fill('#search-q', 'extradition');
    await Promise.all([page.waitForURL(/q=extradition/), page.press('#search-q', 'Enter')]);
    assert.equal(await page.textContent('#results-heading'), '2 results');
    assert.equal(await resultCount(page), 2);
    const spain = page.locator('.facet--country label', { hasText: 'Spain' });
    assert.equal(await spain.locator('.count').textContent(), '1');
    // The island submits the form as soon as the box is ticked.
    await Promise.all([page.waitForURL(/country=ESP/), spain.click()]);
    assert.equal(await page.textContent('#results-heading'), '1 result');
    assert.equal(new URL(page.url()).search, '?q=extradition&type=case&country=ESP', 'the island goes to the canonical URL');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('value')), 'ESP', 'focus returns to the ticked box');
    assert.equal(await page.locator('.results .result h3').textContent(), 'Extradition of a trafficker to Spain');
    assert.equal(await page.isChecked('.facet--country input[value="ESP"]'), true);
    assert.equal(await page.locator('.facet--country input[value="ITA"] + label .count').textContent(), '1', 'the country facet ignores its own filter');
    assert.equal(await page.locator('.facet--crime input[value="drug-offences"]').count(), 0, 'other facets apply the country filter');
    await noSerious(page, 'English results with a filter');
    await Promise.all([page.waitForURL((u) => !u.search.includes('country=')), page.click('.chip[aria-label*="Spain"]')]);
    assert.equal(await resultCount(page), 2);
    await page.close();
  });

  it('Arabic: right-to-left layout, Arabic query and facet; axe clean', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.url}/ar/search`);
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    const aside = await page.locator('aside.facets').boundingBox();
    const results = await page.locator('.search-results').boundingBox();
    assert.ok(aside && results && aside.x > results.x, 'the facet column is on the right in Arabic');
    await page.fill('#search-q', 'المُسَاعَدَة القانونية');
    await Promise.all([page.waitForURL(/q=/), page.click('.search-form button[type="submit"]')]);
    assert.equal(await page.textContent('#results-heading'), 'نتيجة واحدة');
    assert.match((await page.locator('.results .result h3').textContent()) ?? '', /تسليم المجرمين/);
    const egypt = page.locator('.facet--country label', { hasText: 'مصر' });
    await Promise.all([page.waitForURL(/country=EGY/), egypt.click()]);
    assert.equal(await page.textContent('#results-heading'), 'نتيجة واحدة');
    assert.equal(await page.isChecked('.facet--country input[value="EGY"]'), true);
    await noSerious(page, 'Arabic results');
    await page.close();
  });

  it('Chinese: a four-character query and a facet; axe clean', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/zh/search`);
    await page.fill('#search-q', '司法协助');
    await Promise.all([page.waitForURL(/q=/), page.press('#search-q', 'Enter')]);
    assert.equal(await page.textContent('#results-heading'), '2 个结果');
    assert.equal(await page.locator('.results mark').first().textContent(), '司法协助');
    const italy = page.locator('.facet--country label', { hasText: '意大利' });
    assert.equal(await italy.locator('.count').textContent(), '1');
    await Promise.all([page.waitForURL(/country=ITA/), italy.click()]);
    assert.equal(await page.textContent('#results-heading'), '1 个结果');
    assert.equal(await page.locator('.results .result h3').textContent(), '司法协助与引渡');
    await noSerious(page, 'Chinese results');
    await page.close();
  });

  it('works with JavaScript disabled: tick a facet and apply filters', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${server.url}/en/cases`);
    assert.equal(await page.textContent('#results-heading'), '5 results');
    await page.check('.facet--country input[value="CHN"]');
    assert.equal(page.url(), `${server.url}/en/cases`, 'nothing happens before the form is submitted');
    await Promise.all([page.waitForURL(/country=CHN/), page.click('button.facets__apply')]);
    assert.equal(await page.textContent('#results-heading'), '2 results');
    await page.fill('#search-q', '引渡');
    await Promise.all([page.waitForURL(/q=/), page.press('#search-q', 'Enter')]);
    assert.equal(await page.textContent('#results-heading'), '1 result');
    assert.match(page.url(), /\/en\/cases\?q=%E5%BC%95%E6%B8%A1&country=CHN$/);
    const url = page.url();
    await context.close();
    // axe itself needs JavaScript: check the same page with it enabled.
    const checked = await browser.newPage();
    await checked.goto(url);
    await noSerious(checked, 'database page');
    await checked.close();
  });
});
