/**
 * Casework pages in real Chromium, in English, Arabic and Chinese: an officer signs in, registers an
 * incoming request, takes it through the formal check to registered (the reference appears), finds it
 * in the worklist; axe finds no serious violation; the forms work without JavaScript.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { launchBrowser, seriousAxeViolations, signInWithTotp } from '../helpers/browser.js';
import { makeUser } from '../http/accounts-support.js';
import { aCaseworkAuthority } from '../factories/casework.js';

const TITLE = { en: 'Bank records of Orchid Ltd', ar: 'سجلات مصرفية لشركة الأوركيد', zh: '兰花公司的银行记录' } as const;
const REGISTER = { en: 'Register', ar: 'تسجيل', zh: '登记' } as const;
const START = { en: 'Start the formal check', ar: 'بدء الفحص الشكلي', zh: '开始形式审查' } as const;

describe('casework pages in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  let officer: { email: string; secret: string | null };

  before(async () => {
    server = await startTestServer();
    const auth = await aCaseworkAuthority(server.runtime.db, { incoming_pattern: 'MLI/{YYYY}/{NNNNN}' });
    officer = await makeUser(server, { roles: [{ role: 'authority_officer', authority_id: auth.id }], totp: true, name: 'Olga Officer' });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function signIn(page: Page) {
    await signInWithTotp(page, server.url, officer);
  }

  async function noAxe(page: Page, where: string) {
    const violations = await seriousAxeViolations(page);
    assert.deepEqual(violations, [], `${where}: ${JSON.stringify(violations, null, 1)}`);
  }

  it('registers an incoming request and moves it to registered, in en, ar and zh', async () => {
    // axe runs as page script; the site's pages use none, and a second context checks the forms without JavaScript.
    const context: BrowserContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    try {
      await signIn(page);
      // TOTP codes are single-use per time step: the JavaScript-less context reuses the session cookie.
      const noJs = await browser.newContext({ javaScriptEnabled: false });
      await noJs.addCookies(await context.cookies());
      const plain = await noJs.newPage();
      for (const lang of ['en', 'ar', 'zh'] as const) {
        const p = lang === 'en' ? plain : page;
        await page.goto(`${server.url}/${lang}/casework`);
        assert.equal(await page.getAttribute('html', 'dir'), lang === 'ar' ? 'rtl' : 'ltr');
        assert.ok(await page.isVisible(`header a[href="/${lang}/casework"]`), 'navigation link to casework');
        await noAxe(page, `${lang} worklist`);
        await p.goto(`${server.url}/${lang}/casework/new?direction=incoming`);
        if (p === page) await noAxe(page, `${lang} new form`);
        await p.fill('#f-title', TITLE[lang]);
        await p.selectOption('#f-partner_country', 'ITA');
        await p.selectOption('#f-measures', ['taking-evidence']);
        await p.fill('#f-persons-0-family_name', 'Rossi');
        await p.selectOption('#f-legal_bases-0-basis', 'untoc');
        await Promise.all([p.waitForURL(/\/casework\/cases\/[0-9a-f-]{36}$/), p.click('main form button[type=submit]')]);
        const caseUrl = p.url();
        assert.match((await p.textContent('h1')) ?? '', new RegExp(TITLE[lang]));
        if (p === page) await noAxe(page, `${lang} case page`);
        await Promise.all([p.waitForURL(/done=1/), p.click(`.cw-transitions button:text-is("${START[lang]}")`)]);
        await Promise.all([p.waitForNavigation(), p.click(`.cw-transitions button:text-is("${REGISTER[lang]}")`)]);
        const reference = ((await p.textContent('.cw-ref', { timeout: 5000 }).catch(async () => assert.fail(`${lang}: ${p.url()} ${(await p.content()).slice(0, 4000)}`))) ?? '').trim();
        assert.match(reference, /^MLI\/\d{4}\/\d{5}$/, `${lang}: reference after registration`);
        assert.ok(await p.isVisible('.cw-verified'), 'history verified mark');
        if (p === page) await noAxe(page, `${lang} registered case`);
        await p.goto(`${server.url}/${lang}/casework?q=${encodeURIComponent(reference)}`);
        const rows = await p.$$eval('table.cw-table tbody tr a', (as) => as.map((a) => [a.textContent, (a as HTMLAnchorElement).href]));
        assert.deepEqual(rows, [[reference, caseUrl]], `${lang}: found in the worklist by reference`);
      }
      await noJs.close();
    } finally {
      await context.close();
    }
  });
});
