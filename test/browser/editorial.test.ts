/**
 * The knowledge editor in real Chromium without JavaScript, in English, Arabic and Chinese: a curator
 * edits a language version and submits it, a second curator publishes it, the public page shows it.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext } from 'playwright-core';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { launchBrowser, seriousAxeViolations, signInWithTotp } from '../helpers/browser.js';
import { makeUser } from '../http/accounts-support.js';
import { aCase } from '../factories/knowledge.js';
import { saveRecords } from '../../src/modules/knowledge/service.js';

const NEW_TITLE = { en: 'Extradition granted to Spain', ar: 'الموافقة على التسليم إلى إسبانيا', zh: '准予向西班牙引渡' } as const;

describe('knowledge editor in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  const doc = aCase({ id: 'case-browser', texts: { en: { title: 'Old title' }, ar: { title: 'عنوان قديم' }, zh: { title: '旧标题' } } });

  async function signedIn(name: string, javaScriptEnabled = false): Promise<BrowserContext> {
    const user = await makeUser(server, { roles: [{ role: 'curator' }], totp: true, name });
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    await signInWithTotp(page, server.url, user);
    await page.close();
    return context;
  }

  before(async () => {
    server = await startTestServer();
    await saveRecords(server.runtime.db, [doc], { origin: 'import' });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('edits and submits, publishes with a second curator, and shows the new text, in en, ar and zh', async () => {
    const author = await (await signedIn('Author Curator')).newPage();
    const reviewer = await (await signedIn('Reviewer Curator')).newPage();
    const reader = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    for (const lang of ['en', 'ar', 'zh'] as const) {
      await author.goto(`${server.url}/${lang}/editor/entries/${doc.id}/parts/${lang}/edit`);
      assert.equal(await author.getAttribute('html', 'dir'), lang === 'ar' ? 'rtl' : 'ltr');
      assert.equal(await author.getAttribute('#f-title', 'dir'), 'auto');
      await author.fill('#f-title', NEW_TITLE[lang]);
      await Promise.all([author.waitForURL(/done=saved/), author.click('form.editor-form button[type=submit]')]);
      await Promise.all([author.waitForURL(/done=submit/), author.click('form:has(input[name=transition][value=submit]) button')]);
      assert.equal(await author.locator('input[name=transition][value=publish]').count(), 0, 'the author has no publish button');

      await reviewer.goto(`${server.url}/${lang}/editor/entries/${doc.id}`);
      await Promise.all([reviewer.waitForURL(/done=publish/), reviewer.click('form:has(input[name=transition][value=publish]) button')]);

      await reader.goto(`${server.url}/${lang}/cases/${doc.id}?version=${lang}`);
      assert.equal((await reader.textContent('h1'))?.trim(), NEW_TITLE[lang]);
    }
  });

  it('has no serious or critical accessibility violations on the editor pages (English and Arabic)', async () => {
    // axe runs as a script in the page: this context has JavaScript on.
    const curator = await (await signedIn('Axe Curator', true)).newPage();
    for (const lang of ['en', 'ar'] as const) {
      for (const path of ['editor', `editor/entries/${doc.id}`, `editor/entries/${doc.id}/parts/${lang}/edit`, `editor/entries/${doc.id}/history`, 'editor/new/case', 'editor/terms']) {
        const res = await curator.goto(`${server.url}/${lang}/${path}`);
        assert.equal(res?.status(), 200, path);
        assert.deepEqual(await seriousAxeViolations(curator), [], `${lang}/${path}`);
      }
    }
  });
});
