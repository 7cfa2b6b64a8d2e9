/**
 * The networks' figures page and a secretariat's log in real Chromium, in English, Arabic and
 * Chinese: a case logged through the form appears in the chart and the table; language, direction
 * and axe (no serious violation).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { launchBrowser, seriousAxeViolations, signInWithTotp } from '../helpers/browser.js';
import { makeUser } from '../http/accounts-support.js';

describe('networks in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;

  async function noAxe(page: Page, where: string) {
    const violations = await seriousAxeViolations(page);
    assert.deepEqual(violations, [], `${where}: ${JSON.stringify(violations, null, 1)}`);
  }

  before(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('logs a case and shows the figures (en, ar, zh)', async () => {
    const user = await makeUser(server, { roles: [{ role: 'network_secretariat', authority_id: 'casc' }], totp: true, name: 'CASC Secretariat' });
    context = await browser.newContext();
    const page = await context.newPage();
    await signInWithTotp(page, server.url, user);
    for (const [i, lang] of (['en', 'ar', 'zh'] as const).entries()) {
      await page.goto(`${server.url}/${lang}/networks/casc/log`);
      assert.equal(await page.getAttribute('html', 'dir'), lang === 'ar' ? 'rtl' : 'ltr');
      await page.selectOption('#n-requesting', 'KAZ');
      await page.selectOption('#n-requested', 'UZB');
      await page.selectOption('#n-kind', 'extradition');
      await page.selectOption('#n-offence', 'trafficking-in-persons');
      await page.fill('#n-facilitated', `2021-0${i + 1}-15`);
      await Promise.all([page.waitForURL(/\/log$/), page.click('form[action$="/log"] button[type=submit]')]);
      assert.equal(await page.locator('#net-log tbody tr').count(), i + 1);
      await noAxe(page, `${lang} log`);
      await page.goto(`${server.url}/${lang}/networks`);
      assert.equal(await page.getAttribute('html', 'lang'), lang);
      assert.ok(await page.locator('svg[role="img"]').isVisible());
      assert.equal((await page.locator('#net-figures tbody tr th').first().textContent())?.trim(), '2021');
      assert.equal(await page.locator('#net-by-kind tbody tr').count(), 1, 'one kind logged so far');
      assert.ok((await page.locator('#net-by-offence tbody tr').count()) >= 1);
      await noAxe(page, `${lang} figures`);
    }
  });
});
