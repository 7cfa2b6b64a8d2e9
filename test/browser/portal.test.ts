import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { launchBrowser, seriousAxeViolations } from '../helpers/browser.js';
import { seedPortal, type PortalFixture } from '../http/portal-fixture.js';

const SHOTS = 'test-results';

describe('portal pages in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  let f: PortalFixture;

  before(async () => {
    server = await startTestServer();
    f = await seedPortal(server.runtime.db);
    browser = await launchBrowser();
    fs.mkdirSync(SHOTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Every page type the portal owns, without the language prefix. */
  const pageTypes = () => ({
    home: '/',
    legislation: `/legislation/${f.extract1.id}`,
    case: `/cases/${f.multilingualCase.id}`,
    treaty: `/treaties/${f.instrument.id}`,
    strategy: `/strategies/${f.strategy.id}`,
    law: `/laws/${f.law.id}`,
    article: `/instruments/${f.instrument.id}/articles/18`,
    countries: '/countries',
    profile: '/countries/EGY',
    'open-data': '/open-data',
  });

  async function box(page: Page, selector: string) {
    const b = await page.locator(selector).first().boundingBox();
    assert.ok(b, `${selector} is visible`);
    return b;
  }

  it('shows an entry page and a country profile in English, Arabic and Chinese with the right direction and layout', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      for (const lang of ['en', 'ar', 'zh'] as const) {
        for (const [name, path] of [
          ['case', `/cases/${f.multilingualCase.id}`],
          ['profile', '/countries/EGY'],
        ] as const) {
          await page.goto(`${server.url}/${lang}${path}`);
          const rtl = lang === 'ar';
          assert.equal(await page.getAttribute('html', 'lang'), lang);
          assert.equal(await page.getAttribute('html', 'dir'), rtl ? 'rtl' : 'ltr');
          assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('main')!).direction), rtl ? 'rtl' : 'ltr');
          const main = await box(page, 'main');
          const h1 = await box(page, 'main h1');
          // The heading starts at the start edge: the right in Arabic, the left otherwise.
          if (rtl) assert.ok(Math.abs(main.x + main.width - (h1.x + h1.width)) < 40, `${name}: heading on the right in Arabic`);
          else assert.ok(Math.abs(h1.x - main.x) < 40, `${name}: heading on the left`);
          if (name === 'case') {
            const body = await box(page, '.entry__body');
            const aside = await box(page, '.entry__aside');
            assert.ok(rtl ? aside.x < body.x : aside.x > body.x, 'details beside the text, on the end side');
            // The version in the reader's language is shown (the case is held in ar, zh and en).
            assert.equal(await page.locator('.versions a[aria-current]').getAttribute('hreflang'), lang);
          }
          await page.screenshot({ path: `${SHOTS}/portal-${name}-${lang}.png`, fullPage: true });
          assert.deepEqual(await seriousAxeViolations(page), [], `${lang}${path}`);
          // The language switcher keeps the page.
          const other = lang === 'ar' ? 'zh' : 'ar';
          await Promise.all([page.waitForURL(`**/${other}${path}`), page.click(`.lang-switcher a[hreflang="${other}"]`)]);
          assert.equal(new URL(page.url()).pathname, `/${other}${path}`);
          assert.equal(await page.getAttribute('html', 'lang'), other);
        }
      }
      // Chinese text is shown as Chinese (lang marked, no tofu from a wrong font stack is testable only by eye: see the screenshots).
      await page.goto(`${server.url}/zh/cases/${f.multilingualCase.id}`);
      assert.match(await page.locator('main h1').innerText(), /司法协助案例/);
    } finally {
      await page.close();
    }
  });

  it('works with JavaScript disabled: links, server-side sorting and the search form', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      await page.goto(`${server.url}/en/treaties/${f.instrument.id}`);
      assert.equal(await page.locator('script').count(), 0, 'the portal pages need no script');
      const firstRow = () => page.locator('table.parties tbody tr th').first().innerText();
      assert.equal(await firstRow(), 'China');
      await Promise.all([page.waitForURL(/sort=consent/), page.click('.sort-links a')]);
      assert.equal((await firstRow()).trim(), 'France');
      await Promise.all([page.waitForURL(/\/articles\/18$/), page.click(`a[href="/en/instruments/${f.instrument.id}/articles/18"]`)]);
      assert.match(await page.locator('main h1').innerText(), /Article 18/);
      await Promise.all([page.waitForURL(/\/articles\/19$/), page.click('a[rel="next"]')]);
      await page.goto(`${server.url}/en/`);
      await page.fill('#home-q', 'extradition');
      await Promise.all([page.waitForURL(/\/en\/search\?q=extradition/), page.press('#home-q', 'Enter')]);
      await page.goto(`${server.url}/en/cases/${f.multilingualCase.id}`);
      await Promise.all([page.waitForURL(/version=ar/), page.click('.versions a[hreflang="ar"]')]);
      assert.equal(await page.locator('main h1').getAttribute('lang'), 'ar');
      await page.screenshot({ path: `${SHOTS}/portal-nojs-case-version-ar.png`, fullPage: true });
    } finally {
      await context.close();
    }
  });

  it('has no serious or critical accessibility violations on any page type (English and Arabic)', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      for (const lang of ['en', 'ar'] as const) {
        for (const [name, path] of Object.entries(pageTypes())) {
          const res = await page.goto(`${server.url}/${lang}${path}`);
          assert.equal(res?.status(), 200, `${lang}${path}`);
          assert.deepEqual(await seriousAxeViolations(page), [], `${name} (${lang})`);
          if (lang === 'en' || name === 'treaty' || name === 'article') await page.screenshot({ path: `${SHOTS}/portal-${name}-${lang}.png`, fullPage: true });
        }
      }
      // A narrow (phone) viewport: nothing overflows the page horizontally.
      await page.setViewportSize({ width: 375, height: 800 });
      for (const [name, path] of Object.entries(pageTypes())) {
        await page.goto(`${server.url}/ar${path}`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 1, `${name}: no horizontal scroll on a phone (${overflow}px)`);
        assert.deepEqual(await seriousAxeViolations(page), [], `${name} (ar, phone)`);
      }
      await page.goto(`${server.url}/ar/treaties/${f.instrument.id}`);
      await page.screenshot({ path: `${SHOTS}/portal-treaty-ar-phone.png`, fullPage: true });
    } finally {
      await page.close();
    }
  });

  it('loads under 100 KB of compressed CSS and JavaScript on every page type', async () => {
    const page = await browser.newPage();
    try {
      for (const [name, path] of Object.entries(pageTypes())) {
        await page.goto(`${server.url}/en${path}`, { waitUntil: 'load' });
        const sizes = await page.evaluate(() =>
          performance
            .getEntriesByType('resource')
            .map((e) => e as PerformanceResourceTiming)
            .filter((e) => e.initiatorType === 'link' || e.initiatorType === 'script' || /\.(css|js)(\?|$)/.test(e.name))
            .map((e) => ({ name: e.name, encoded: e.encodedBodySize, decoded: e.decodedBodySize })),
        );
        assert.ok(sizes.length >= 1, `${name}: the stylesheet was loaded`);
        const encoded = sizes.reduce((sum, s) => sum + s.encoded, 0);
        assert.ok(encoded > 0 && encoded < 100 * 1024, `${name}: ${encoded} compressed bytes of CSS and JS`);
        assert.ok(sizes.every((s) => s.encoded < s.decoded), `${name}: assets are compressed`);
        const fonts = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => /\.(woff2?|ttf|otf)(\?|$)/.test(e.name)).length);
        assert.equal(fonts, 0, 'no web fonts');
      }
    } finally {
      await page.close();
    }
  });
});
