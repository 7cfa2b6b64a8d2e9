/** Directory pages in real Chromium with JavaScript disabled: English, Arabic and Chinese, axe without serious violations. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { launchBrowser, seriousAxeViolations } from '../helpers/browser.js';
import { anAuthority } from '../factories/directory.js';
import { publishAuthorities } from '../http/directory-support.js';

describe('directory pages in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  const a = anAuthority({ country: 'EGY', names: { ar: 'وزارة العدل', en: 'Ministry of Justice', zh: '司法部' } });

  before(async () => {
    server = await startTestServer();
    await publishAuthorities(server.runtime.db, [a, anAuthority({ country: 'CHN' })]);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('renders list, authority, lookup and figures accessibly without JavaScript, in en, ar and zh', async () => {
    // axe runs as page script: this context keeps JavaScript (the pages load none of their own).
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    try {
      for (const lang of ['en', 'ar', 'zh'] as const) {
        for (const path of ['/directory', `/directory/authorities/${a.id}`, '/directory/lookup?state=EGY&request=taking-evidence', '/directory/figures', '/countries/EGY']) {
          const res = await page.goto(`${server.url}/${lang}${path}`);
          assert.equal(res?.status(), 200, `${lang}${path}`);
          assert.equal(await page.getAttribute('html', 'dir'), lang === 'ar' ? 'rtl' : 'ltr');
          const violations = await seriousAxeViolations(page);
          assert.deepEqual(violations, [], `${lang}${path}: ${JSON.stringify(violations, null, 1)}`);
        }
      }
      // The lookup form works by GET without JavaScript.
      const plain = await noJs.newPage();
      await plain.goto(`${server.url}/ar/directory/authorities/${a.id}`);
      assert.match((await plain.textContent('h1')) ?? '', /وزارة العدل/);
      await page.goto(`${server.url}/en/directory/lookup`);
      await page.selectOption('#f-state', 'EGY');
      await page.selectOption('#f-request', 'extradition');
      await Promise.all([page.waitForURL(/request=extradition/), page.click('form.dir-lookup-form button[type=submit]')]);
      assert.match((await page.textContent('#answer-heading')) ?? '', /Egypt/);
    } finally {
      await context.close();
      await noJs.close();
    }
  });
});
