/**
 * A joint investigation team workspace in real Chromium, in English, Arabic and Chinese: a supervisor
 * opens a team through the form, adds a member of another State, a task, shares a document (file
 * input, no JavaScript needed) and sees it in the evidence log; an officer of the member authority
 * views the document. The pages' language and direction are right and axe finds no serious violation.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { launchBrowser, seriousAxeViolations, signInWithTotp } from '../helpers/browser.js';
import { makeUser } from '../http/accounts-support.js';

const LANGS = ['en', 'ar', 'zh'] as const;
const TITLE = { en: 'JIT Aurora — trafficking in persons', ar: 'فريق التحقيق المشترك أورورا', zh: '极光联合调查组' } as const;
const DOC = { en: 'Witness statement', ar: 'إفادة الشاهد', zh: '证人陈述' } as const;

describe('joint investigation team workspace in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  async function signIn(user: { email: string; secret: string | null }): Promise<Page> {
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    await signInWithTotp(page, server.url, user);
    return page;
  }

  async function noAxe(page: Page, where: string) {
    const violations = await seriousAxeViolations(page);
    assert.deepEqual(violations, [], `${where}: ${JSON.stringify(violations, null, 1)}`);
  }

  before(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  });
  after(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.close();
  });

  it('opens a team, adds a member, a task and a document; the member sees it logged (en, ar, zh)', async () => {
    for (const lang of LANGS) {
      const lead = `ita-pg-${lang}`;
      const member = `fra-moj-${lang}`;
      const supervisor = await makeUser(server, { roles: [{ role: 'authority_supervisor', authority_id: lead }], totp: true, name: `Giulia ${lang}` });
      const officer = await makeUser(server, { roles: [{ role: 'authority_officer', authority_id: member }], totp: true, name: `Claire ${lang}` });
      const page = await signIn(supervisor);
      await page.goto(`${server.url}/${lang}/jit`);
      assert.equal(await page.getAttribute('html', 'lang'), lang);
      assert.equal(await page.getAttribute('html', 'dir'), lang === 'ar' ? 'rtl' : 'ltr');
      await noAxe(page, `${lang} list`);
      await page.fill('#f-title', TITLE[lang]);
      await page.fill('#f-lead-name', 'Procura della Repubblica di Roma');
      await page.selectOption('#f-lead-country', 'ITA');
      await page.fill('#f-starts', '2026-01-01');
      await page.fill('#f-ends', '2099-12-31');
      await Promise.all([page.waitForURL(/\/jit\/[0-9a-f-]{36}$/), page.click('form[action$="/jit"] button[type=submit]')]);
      const workspace = page.url();
      assert.equal((await page.textContent('h1'))?.trim(), TITLE[lang]);

      await page.fill('#m-authority', member);
      await page.fill('#m-name', 'Bureau de l’entraide pénale');
      await page.selectOption('#m-country', 'FRA');
      await Promise.all([page.waitForURL(/#members$/), page.click('form[action$="/members"] button[type=submit]')]);

      await page.fill('#t-title', 'Hear the witness');
      await page.selectOption('#t-assignee', member);
      await page.fill('#t-due', '2027-01-15');
      await Promise.all([page.waitForURL(/#tasks$/), page.click('form[action$="/tasks"] button[type=submit]')]);

      await page.fill('#d-title', DOC[lang]);
      await page.setInputFiles('#d-file', { name: 'statement.txt', mimeType: 'text/plain', buffer: Buffer.from(`statement ${lang}`) });
      await Promise.all([page.waitForURL(/#documents$/), page.click('form[action$="/documents"] button[type=submit]')]);
      assert.ok((await page.textContent('#jit-documents'))?.includes(DOC[lang]));
      assert.ok((await page.textContent('#jit-evidence'))?.includes(`Giulia ${lang}`));
      await noAxe(page, `${lang} workspace`);

      const other = await signIn(officer);
      await other.goto(workspace);
      await Promise.all([other.waitForURL(/\/jit\/documents\//), other.click(`#jit-documents a[href*="/jit/documents/"]`)]);
      assert.ok((await other.textContent('#jit-doc-evidence'))?.includes(`Claire ${lang}`), 'the view is logged');
      await noAxe(other, `${lang} document`);

      // A new version from the document page: both versions listed, the old one kept.
      await other.setInputFiles('#v-file', { name: 'statement-2.txt', mimeType: 'text/plain', buffer: Buffer.from(`statement ${lang} v2`) });
      await Promise.all([other.waitForURL(/#documents$/), other.click('form[action$="/documents"] button[type=submit]')]);
      await Promise.all([other.waitForURL(/\/jit\/documents\//), other.click(`#jit-documents th a >> nth=-1`)]);
      assert.equal(await other.locator('.jit-versions > li').count(), 2);
      await noAxe(other, `${lang} versions`);
    }
  });
});
