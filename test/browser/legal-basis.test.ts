/**
 * Real Chromium: the legal basis finder page with JavaScript off (a plain GET form), in English,
 * Arabic and Chinese: choose the States and the kind, submit, read the answer (instruments binding
 * both, the order, the depositary note in the page's language); a bad State gives the form back with
 * the error next to the field. axe-core finds no serious or critical violation.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { launchBrowser, seriousAxeViolations } from '../helpers/browser.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { ensureFullTestReference } from '../factories/reference.js';
import { importShippedStatus } from '../../src/modules/legalbasis/import-service.js';

const NOTE = { en: 'Status as published by the depositary, as of 2014.', ar: 'الحالة كما نشرها الوديع، في 2014.', zh: '状况以保存人公布的为准，截至2014。' } as const;
/** UNTOC and UNCAC by their short names in the page's language. */
const NAMES = { en: ['UNTOC', 'UNCAC'], ar: ['اتفاقية الجريمة المنظمة', 'اتفاقية مكافحة الفساد'], zh: ['有组织犯罪公约', '反腐败公约'] } as const;
const STEP = { en: 'paragraphs 9 to 29 of article 18', ar: 'الفقرات 9 إلى 29 من المادة 18', zh: '第十八条第9至29款' } as const;

describe('legal basis finder in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  before(async () => {
    server = await startTestServer();
    await ensureFullTestReference(server.runtime.db);
    await importShippedStatus(server.runtime.db);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const lang of ['en', 'ar', 'zh'] as const) {
    it(`finds the legal basis without JavaScript (${lang})`, async () => {
      const ctx = await browser.newContext({ locale: lang, javaScriptEnabled: false });
      const page = await ctx.newPage();
      await page.goto(`${server.url}/${lang}/legal-basis`);
      assert.equal(await page.getAttribute('html', 'dir'), lang === 'ar' ? 'rtl' : 'ltr');
      await page.selectOption('#f-from', 'FRA');
      await page.selectOption('#f-to', 'COL');
      await page.selectOption('#f-kind', 'mla');
      await Promise.all([page.waitForURL(/from=FRA/), page.click('form.legal-basis-form button[type=submit]')]);
      const answer = await page.textContent('section.legal-basis');
      assert.ok(answer?.includes(NOTE[lang]), `${lang}: depositary note`);
      assert.ok(answer?.includes(STEP[lang]), `${lang}: art. 18(7) step`);
      for (const name of NAMES[lang]) assert.ok(answer?.includes(name), `${lang}: instrument ${name}`);
      if (lang !== 'en') assert.ok(!answer?.includes('UNTOC') && !answer?.includes('UNCAC'), `${lang}: no English short name`);
      const answerUrl = page.url();
      // A wrong State: 400, the form back with the error next to the field.
      const res = await page.goto(`${server.url}/${lang}/legal-basis?from=FRA&to=XYZ&kind=mla`);
      assert.equal(res?.status(), 400);
      assert.ok(await page.isVisible('#e-to'));
      assert.equal(await page.getAttribute('#f-to', 'aria-invalid'), 'true');
      await ctx.close();
      // axe-core runs as a script: on the same answer, with JavaScript on.
      const withJs = await browser.newContext({ locale: lang });
      const axePage = await withJs.newPage();
      await axePage.goto(answerUrl);
      assert.deepEqual(await seriousAxeViolations(axePage), [], `${lang}: axe`);
      await withJs.close();
    });
  }
});
