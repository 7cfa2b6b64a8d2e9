/**
 * Real Chromium: the digest of cases in English, Arabic and Chinese with JavaScript off (the tables
 * of counts and the links to the groups and the cases work), the bars drawn on the reading side of
 * each language, and axe-core finds no serious or critical violation.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { launchBrowser, seriousAxeViolations } from '../helpers/browser.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { aCase } from '../factories/knowledge.js';
import { saveRecords } from '../../src/modules/knowledge/index.js';

const TITLE = { en: 'Extradition for drug trafficking', ar: 'التسليم بتهمة الاتجار بالمخدرات', zh: '因贩毒引渡' } as const;
const HEADING = { en: 'Cases by region', ar: 'القضايا حسب المنطقة', zh: '按区域分列的案例' } as const;

describe('digest of cases in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  before(async () => {
    server = await startTestServer();
    await saveRecords(
      server.runtime.db,
      [
        aCase({ id: 'dgb-ext', country: 'ITA', cooperation_types: ['extradition'], crime_types: ['drug-offences'], articles: ['untoc:16'], texts: { en: { title: TITLE.en, summary: 'Granted.' }, ar: { title: TITLE.ar, summary: 'مُنح.' }, zh: { title: TITLE.zh, summary: '准予引渡。' } } }),
        aCase({ id: 'dgb-mla', country: 'COL', cooperating_states: ['ESP'], cooperation_types: ['mla', 'confiscation'], crime_types: ['money-laundering'], articles: ['uncac:46'], texts: { es: { title: 'Asistencia judicial en un caso de lavado de activos', summary: 'Se prestó la asistencia.' } } }),
      ],
      { origin: 'import' },
    );
    browser = await launchBrowser();
    fs.mkdirSync('/tmp/dg-shots', { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const lang of ['en', 'ar', 'zh'] as const) {
    it(`reads the digest without JavaScript and passes axe (${lang})`, async () => {
      const ctx = await browser.newContext({ locale: lang, javaScriptEnabled: false });
      const page = await ctx.newPage();
      const res = await page.goto(`${server.url}/${lang}/digest`);
      assert.equal(res?.status(), 200);
      assert.equal(await page.getAttribute('html', 'dir'), lang === 'ar' ? 'rtl' : 'ltr');
      assert.equal(await page.textContent('#by-region'), HEADING[lang]);
      assert.equal(await page.locator('table.dg-counts').count(), 4);
      // The bar is on the reading side: it starts at the inline start of its cell.
      const cell = await page.locator('table.dg-counts').first().locator('td.dg-counts__n').first().boundingBox();
      const value = await page.locator('table.dg-counts').first().locator('.dg-counts__value').first().boundingBox();
      assert.ok(cell && value);
      if (lang === 'ar') assert.ok(value.x + value.width > cell.x + cell.width / 2, 'the figure at the right in Arabic');
      else assert.ok(value.x < cell.x + cell.width / 2, 'the figure at the left');
      // A group link leads to its cases; the case link to its page.
      await page.click('table[aria-labelledby="by-cooperation"] a[href="#coop-extradition"]');
      assert.ok(page.url().endsWith('#coop-extradition'));
      assert.ok(await page.isVisible('#coop-extradition'));
      assert.equal(await page.locator(`a[href="/${lang}/cases/dgb-ext"]`).first().textContent(), TITLE[lang]);
      // The Spanish-only case is marked with its language.
      assert.equal(await page.locator(`a[href="/${lang}/cases/dgb-mla"] span`).first().getAttribute('lang'), 'es');
      await page.screenshot({ path: `/tmp/dg-shots/digest-${lang}.png`, fullPage: true });
      await ctx.close();
      const withJs = await browser.newContext({ locale: lang });
      const axePage = await withJs.newPage();
      await axePage.goto(`${server.url}/${lang}/digest`);
      assert.deepEqual(await seriousAxeViolations(axePage), [], `${lang}: axe`);
      // The page of one type of cooperation.
      await axePage.goto(`${server.url}/${lang}/digest/cooperation/mla`);
      assert.equal(await axePage.locator('article.dg-case').count(), 1);
      assert.deepEqual(await seriousAxeViolations(axePage), [], `${lang}: axe on the type's page`);
      await axePage.screenshot({ path: `/tmp/dg-shots/digest-mla-${lang}.png`, fullPage: true });
      await withJs.close();
    });
  }
});
