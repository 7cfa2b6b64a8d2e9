/**
 * Forwarding in real Chromium, in English, Arabic and Chinese: a central authority officer forwards an
 * incoming request to an executing authority from the case page (picker of the State's authorities);
 * an officer of that executing authority signs in, finds it, records progress, adds the result and
 * reports it executed; the central authority sees the result on the case page. axe finds no serious
 * violation on the case pages.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { launchBrowser, seriousAxeViolations, signInWithTotp } from '../helpers/browser.js';
import { makeUser } from '../http/accounts-support.js';
import { executionWorld, insertCase, type ExecutionWorld } from '../service/casework-execution-support.js';

const LANGS = ['en', 'ar', 'zh'] as const;
const TITLE = { en: 'Bank records of Orchid Ltd', ar: 'سجلات مصرفية لشركة الأوركيد', zh: '兰花公司的银行记录' } as const;

describe('forwarding a request to an executing authority, in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  let w: ExecutionWorld;
  let central: BrowserContext;
  let executing: BrowserContext;

  async function signIn(context: BrowserContext, user: { email: string; secret: string | null }): Promise<Page> {
    const page = await context.newPage();
    await signInWithTotp(page, server.url, user);
    return page;
  }

  async function noAxe(page: Page, where: string) {
    const violations = await seriousAxeViolations(page);
    assert.deepEqual(violations, [], `${where}: ${JSON.stringify(violations, null, 1)}`);
  }

  /** Submit a form by its button and wait for the redirect after it (303 to ...done=1). */
  async function submit(page: Page, button: string) {
    await Promise.all([page.waitForURL(/done=1/), page.click(button)]);
  }

  before(async () => {
    server = await startTestServer();
    w = await executionWorld(server.runtime.db);
    browser = await launchBrowser();
  });
  after(async () => {
    await central?.close();
    await executing?.close();
    await browser?.close();
    await server?.close();
  });

  it('central authority forwards, the executing authority returns a result, the central authority sees it (en, ar, zh)', async () => {
    const officer = await makeUser(server, { roles: [{ role: 'authority_officer', authority_id: w.central }], totp: true, name: 'Olga Officer' });
    const executor = await makeUser(server, { roles: [{ role: 'authority_officer', authority_id: w.exec1 }], totp: true, name: 'Eve Executor' });
    central = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    executing = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const cp = await signIn(central, officer);
    const ep = await signIn(executing, executor);
    for (const lang of LANGS) {
      const caseId = await insertCase(server.runtime.db, w.central, { title: TITLE[lang] });
      const caseUrl = `${server.url}/${lang}/casework/cases/${caseId}`;

      // The central authority's officer forwards from the case page.
      await cp.goto(caseUrl);
      assert.equal(await cp.getAttribute('html', 'dir'), lang === 'ar' ? 'rtl' : 'ltr');
      await noAxe(cp, `${lang} case page before forwarding`);
      await cp.click(`a[href*="forward=1"]`);
      assert.ok(await cp.isVisible('#fw-id'), `${lang}: the forward form is open`);
      await cp.selectOption('#fw-id', w.exec1);
      await submit(cp, 'details.forward-form button[type=submit]');
      assert.equal(await cp.locator('.tracks-table .track--forwarded').count(), 1, `${lang}: one track, forwarded`);

      // The executing authority's officer finds it among the requests forwarded to them.
      await ep.goto(`${server.url}/${lang}/casework/executions`);
      assert.ok((await ep.textContent('.tracks-table'))?.includes(TITLE[lang]), `${lang}: listed for the executing authority`);
      await ep.goto(caseUrl);
      await noAxe(ep, `${lang} case page of the executing authority`);
      assert.equal(await ep.locator('#fw-id').count(), 0, 'no forwarding for the executing authority');
      await ep.fill('.tracks-table input[name=theirReference]', `PR-${lang}-7`);
      await submit(ep, '.tracks-table button[name=transition][value=acknowledge]');
      await submit(ep, '.tracks-table button[name=transition][value=start]');
      // The result: a document of its own track, then the track executed.
      await ep.fill('#doc-title', `Result ${lang}`);
      await ep.setInputFiles('#doc-file', { name: 'result.txt', mimeType: 'text/plain', buffer: Buffer.from(`Bank statements obtained (${lang}).\n`, 'utf8') });
      await Promise.all([ep.waitForURL((u) => u.pathname.endsWith(`/casework/cases/${caseId}`)), ep.click('form[enctype="multipart/form-data"] button[type=submit]')]);
      await submit(ep, '.tracks-table button[name=transition][value=execute]');
      assert.equal(await ep.locator('.track--executed').count(), 1);

      // The central authority sees the result on its case page.
      await cp.goto(caseUrl);
      assert.equal(await cp.locator('.tracks-table .track--executed').count(), 1, `${lang}: executed`);
      assert.ok((await cp.textContent('.tracks-table'))?.includes(`PR-${lang}-7`), `${lang}: the executing authority's reference`);
      assert.ok(await cp.isVisible('#executions .notice--ok'), `${lang}: ready for results review`);
      assert.ok((await cp.textContent('#documents'))?.includes(`Result ${lang}`), `${lang}: the result document`);
      assert.ok((await cp.textContent('#h-timeline + ol'))?.includes('Eve Executor'), `${lang}: the executing officer's steps in the history`);
      await noAxe(cp, `${lang} case page with the result`);
    }
  });
});
