/**
 * UN names in a real browser, in English, Arabic and Chinese: a State page (short and formal
 * names, kind), an area with its own regime, the countries list and the lookup's State picker;
 * axe-clean; screenshots in test-results/ to look at.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { launchBrowser, seriousAxeViolations } from '../helpers/browser.js';

const SHOTS = 'test-results';

describe('UN names of States and areas in a real browser', () => {
  let server: TestServer;
  let browser: Browser;

  before(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    fs.mkdirSync(SHOTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const EXPECTED = {
    en: { rus: 'Russian Federation', formal: 'French Republic', hkg: 'China, Hong Kong Special Administrative Region', group: 'Areas with their own regime of international cooperation' },
    ar: { rus: 'الاتحاد الروسي', formal: 'الجمهورية الفرنسية', hkg: 'الصين، منطقة هونغ كونغ الإدارية الخاصة', group: 'مناطق لها نظامها الخاص للتعاون الدولي' },
    zh: { rus: '俄罗斯联邦', formal: '法兰西共和国', hkg: '中国香港特别行政区', group: '实行自身国际合作制度的地区' },
  } as const;

  it('shows UN names, formal names and kinds in en, ar and zh, axe-clean', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      for (const lang of ['en', 'ar', 'zh'] as const) {
        const want = EXPECTED[lang];
        await page.goto(`${server.url}/${lang}/countries/RUS`);
        assert.equal((await page.textContent('main h1'))?.trim(), want.rus);
        await page.goto(`${server.url}/${lang}/countries/FRA`);
        assert.equal((await page.textContent('main .formal-name'))?.trim(), want.formal);
        assert.deepEqual(await seriousAxeViolations(page), [], `${lang} State page`);
        await page.screenshot({ path: `${SHOTS}/un-names-state-${lang}.png`, fullPage: false });
        await page.goto(`${server.url}/${lang}/countries/HKG`);
        assert.equal((await page.textContent('main h1'))?.trim(), want.hkg);
        assert.equal(await page.locator('main .formal-name').count(), 0);
        await page.goto(`${server.url}/${lang}/countries`);
        assert.deepEqual(await seriousAxeViolations(page), [], `${lang} countries`);
        await page.screenshot({ path: `${SHOTS}/un-names-countries-${lang}.png`, fullPage: false });
        await page.goto(`${server.url}/${lang}/directory/lookup`);
        const groups = await page.locator('#f-state optgroup').evaluateAll((els) => els.map((e) => e.getAttribute('label')));
        assert.equal(groups[1], want.group);
        const offered = await page.locator('#f-state option').evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value));
        assert.ok(offered.includes('RUS') && offered.includes('HKG'));
        assert.ok(!offered.includes('ATA') && !offered.includes('BVT'));
        await page.selectOption('#f-state', 'HKG');
        assert.deepEqual(await seriousAxeViolations(page), [], `${lang} lookup`);
        await page.screenshot({ path: `${SHOTS}/un-names-lookup-${lang}.png`, fullPage: false });
      }
    } finally {
      await page.close();
    }
  });
});
