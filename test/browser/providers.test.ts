/**
 * The e-evidence hub in real Chromium: hub, provider list, a provider page and a checklist in English,
 * Arabic and Chinese, axe without serious violations; the country selector and the filters work by
 * GET without JavaScript; practitioners-only fields absent for a public reader.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { launchBrowser, seriousAxeViolations } from '../helpers/browser.js';
import { aProvider, PROVIDER_SECRET } from '../factories/providers.js';
import { anAuthority } from '../factories/directory.js';
import { publishAuthorities } from '../http/directory-support.js';
import { publishProviders } from '../http/providers-support.js';

describe('e-evidence hub in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  const p = aProvider({ id: 'browser-prov', country: 'EGY', names: { ar: 'راصد للمراسلة', en: 'Rasid Messaging', zh: '拉希德通讯' }, visibility: { data: 'public', legal_entity: 'practitioners' } });
  const cyber = anAuthority({ country: 'EGY', functions: [{ code: 'cyber-24-7' }], e_evidence: { preservation: { en: 'Preservation through the 24/7 point of contact.', ar: 'الحفظ عن طريق جهة الاتصال العاملة على مدار الساعة.' } }, visibility: {} });

  before(async () => {
    server = await startTestServer();
    await publishProviders(server.runtime.db, [p, aProvider({ country: 'CHN', services: ['payments'] })]);
    await publishAuthorities(server.runtime.db, [cyber]);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('renders the hub, the providers, a provider and a checklist accessibly, in en, ar and zh', async () => {
    // axe runs as page script: this context keeps JavaScript (the pages load none of their own).
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    try {
      for (const lang of ['en', 'ar', 'zh'] as const) {
        for (const path of ['/e-evidence?country=EGY', '/e-evidence/providers', `/e-evidence/providers/${p.id}`, '/e-evidence/checklists/emergency', '/countries/EGY']) {
          const res = await page.goto(`${server.url}/${lang}${path}`);
          assert.equal(res?.status(), 200, `${lang}${path}`);
          assert.equal(await page.getAttribute('html', 'dir'), lang === 'ar' ? 'rtl' : 'ltr');
          const violations = await seriousAxeViolations(page);
          assert.deepEqual(violations, [], `${lang}${path}: ${JSON.stringify(violations, null, 1)}`);
          const text = (await page.textContent('body')) ?? '';
          for (const v of Object.values(PROVIDER_SECRET)) assert.ok(!text.includes(v), `${lang}${path} shows ${v}`);
        }
      }
    } finally {
      await context.close();
    }
  });

  it('works without JavaScript: country selector, filters, provider page', async () => {
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await noJs.newPage();
      await page.goto(`${server.url}/ar/e-evidence`);
      await page.selectOption('#hub-country', 'EGY');
      await Promise.all([page.waitForURL(/country=EGY/), page.click('form.inline-form button[type=submit]')]);
      assert.ok((await page.textContent('section.e-evidence-provisions'))?.includes('الحفظ عن طريق جهة الاتصال'));

      await page.goto(`${server.url}/zh/e-evidence/providers`);
      await page.selectOption('#f-service', 'payments');
      await Promise.all([page.waitForURL(/service=payments/), page.click('fieldset.dir-filters button[type=submit]')]);
      assert.equal(await page.locator('ol.results > li').count(), 1);

      await page.goto(`${server.url}/zh/e-evidence/providers/${p.id}`);
      assert.match((await page.textContent('h1')) ?? '', /拉希德通讯/);
      assert.ok(((await page.textContent('#data-heading')) ?? '').length > 0, 'public data held is shown');
      assert.equal(await page.locator('#emergency-heading').count(), 0, 'the emergency contact is for practitioners');
    } finally {
      await noJs.close();
    }
  });
});
