/**
 * Real Chromium: register → verify (link read from the outbox) → sign in → enrol TOTP (code computed
 * here) → sign out → sign in with a recovery code, in English, Arabic and Chinese; axe-core finds no
 * serious or critical violation on any account or administration page.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, seriousAxeViolations } from '../helpers/browser.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { ensureTestReference } from '../factories/reference.js';
import { PASSWORD, lastMail, linkIn, makeUser, totpCode, uniqueEmail } from '../http/accounts-support.js';

describe('accounts in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  const checked: string[] = [];

  before(async () => {
    server = await startTestServer();
    await ensureTestReference(server.runtime.db);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function axe(page: Page, label: string) {
    const violations = await seriousAxeViolations(page);
    assert.deepEqual(violations, [], `${label} (${page.url()}): ${JSON.stringify(violations, null, 1)}`);
    checked.push(new URL(page.url()).pathname);
  }

  for (const lang of ['en', 'ar', 'zh'] as const) {
    it(`registers, verifies, signs in, enrols TOTP and signs out (${lang})`, async () => {
      const ctx = await browser.newContext({ locale: lang });
      const page = await ctx.newPage();
      const email = uniqueEmail(`browser-${lang}`);
      await page.goto(`${server.url}/${lang}/register`);
      assert.equal(await page.getAttribute('html', 'dir'), lang === 'ar' ? 'rtl' : 'ltr');
      await axe(page, 'register');
      // A mistake first: errors next to the fields and in a summary.
      await page.fill('#f-name', 'Amina');
      await page.fill('#f-email', email);
      await page.fill('#f-password', 'password1234');
      await page.fill('#f-password_confirm', 'password1234');
      await page.click('form.account-form button[type=submit]');
      assert.ok(await page.isVisible('.error-summary'));
      assert.equal(await page.getAttribute('#f-password', 'aria-invalid'), 'true');
      await axe(page, 'register with errors');
      await page.fill('#f-password', PASSWORD);
      await page.fill('#f-password_confirm', PASSWORD);
      await page.selectOption('#f-lang', lang);
      await page.click('form.account-form button[type=submit]');
      await page.waitForSelector('.notice--ok');
      await axe(page, 'register done');

      const mail = await lastMail(server.runtime.db, email);
      await page.goto(`${server.url}${linkIn(mail!.body, '/account/verify')}`);
      await axe(page, 'verify');
      await page.click('form.account-form button[type=submit]');
      await page.waitForSelector('.notice--ok');
      await axe(page, 'verified');

      await page.goto(`${server.url}/${lang}/sign-in`);
      await axe(page, 'sign-in');
      await page.fill('#f-email', email);
      await page.fill('#f-password', PASSWORD);
      await Promise.all([page.waitForURL(`**/${lang}/account`), page.click('form.account-form button[type=submit]')]);
      assert.match((await page.textContent('.account-nav')) ?? '', /Amina/);
      await axe(page, 'account');

      await page.goto(`${server.url}/${lang}/account/security`);
      await axe(page, 'security (enrol)');
      const secret = ((await page.textContent('[data-testid=totp-secret]')) ?? '').replace(/\s/g, '');
      assert.match(secret, /^[A-Z2-7]{32}$/);
      await page.fill('#f-code', totpCode(secret));
      await page.click('form[action$="/account/security/enable"] button[type=submit]');
      await page.waitForSelector('.code-list');
      const codes = await page.$$eval('.code-list code', (els) => els.map((e) => e.textContent ?? ''));
      assert.equal(codes.length, 10);
      await axe(page, 'security (recovery codes)');

      for (const p of ['/account/sessions', '/account/tokens', '/account/practitioner']) {
        await page.goto(`${server.url}/${lang}${p}`);
        await axe(page, p);
      }

      await page.click('.account-nav button[type=submit]');
      await page.waitForSelector(`.account-nav a[href^="/${lang}/sign-in"]`);

      // Back in with the password and a recovery code (the TOTP code of enrolment cannot be reused).
      await page.goto(`${server.url}/${lang}/sign-in`);
      await page.fill('#f-email', email);
      await page.fill('#f-password', PASSWORD);
      await Promise.all([page.waitForURL('**/sign-in/second-factor'), page.click('form.account-form button[type=submit]')]);
      await axe(page, 'second factor');
      await page.fill('#f-code', codes[0]!);
      await Promise.all([page.waitForURL(`**/${lang}/account`), page.click('form.account-form button[type=submit]')]);
      await ctx.close();
    });
  }

  it('administration pages and form errors pass axe', async () => {
    const admin = await makeUser(server, { totp: true, name: 'Admin Istrator', roles: [{ role: 'administrator' }] });
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.goto(`${server.url}/en/sign-in`);
    await page.fill('#f-email', admin.email);
    await page.fill('#f-password', 'not the password at all');
    await page.click('form.account-form button[type=submit]');
    await page.waitForSelector('.error-summary');
    await axe(page, 'sign-in failed');
    await page.fill('#f-password', PASSWORD);
    await Promise.all([page.waitForURL('**/sign-in/second-factor'), page.click('form.account-form button[type=submit]')]);
    await page.fill('#f-code', totpCode(admin.secret!));
    await Promise.all([page.waitForURL('**/en/account'), page.click('form.account-form button[type=submit]')]);
    const someone = await makeUser(server, { name: 'Requesting Practitioner' });
    await server.runtime.db.insertInto('practitioner_requests').values({ user_id: someone.id, authority_name: 'Ministère de la Justice', function: 'Magistrat', country: 'FRA' }).execute();
    for (const p of ['/admin', '/admin/users', `/admin/users/${someone.id}`, '/admin/practitioner-requests', '/admin/audit', '/admin/audit?action=auth.', '/admin/outbox', '/account/forgot']) {
      await page.goto(`${server.url}/en${p}`);
      await axe(page, p);
    }
    await page.goto(`${server.url}/ar/admin/audit?from=not-a-date`);
    await axe(page, 'audit with errors (ar)');
    await ctx.close();
    assert.ok(new Set(checked).size >= 20, `axe ran on ${new Set(checked).size} distinct pages`);
  });
});
