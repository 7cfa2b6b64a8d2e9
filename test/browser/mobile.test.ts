/**
 * Phones and accessibility (issue 13 §5): a 390 x 844 screen in all six languages, the search
 * results before the filters (behind a disclosure that works without JavaScript), targets of at
 * least 24 x 24 px, focus indicators of at least 3:1, every part of the page in a landmark.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { LANGS } from '../../src/platform/i18n/languages.js';
import { launchBrowser, seriousAxeViolations } from '../helpers/browser.js';
import { axeRuleViolations, horizontalOverflow, smallTargets, weakFocusIndicators } from '../helpers/a11y.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { seedPortal, type PortalFixture } from '../http/portal-fixture.js';

const SHOTS = process.env.SHOTS_DIR ?? 'test-results';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

describe('phones and accessibility in a real browser', () => {
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

  /** The main pages, without the language prefix. */
  const mainPages = () => ({
    home: '/',
    search: '/search?q=extradition',
    cases: '/cases',
    case: `/cases/${f.multilingualCase.id}`,
    demo: `/cases/${f.frenchDemoCase.id}`,
    treaty: `/treaties/${f.instrument.id}`,
    article: `/instruments/${f.instrument.id}/articles/18`,
    countries: '/countries',
    profile: '/countries/EGY',
    'open-data': '/open-data',
    directory: '/directory',
  });

  const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/mobile-${name}.png`, fullPage: true });

  it('fits the header, the menu and every main page on a 390 px screen in all six languages', async () => {
    const page = await browser.newPage({ viewport: PHONE });
    try {
      for (const lang of LANGS) {
        for (const [name, path] of Object.entries(mainPages())) {
          const res = await page.goto(`${server.url}/${lang}${path}`);
          assert.equal(res?.status(), 200, `${lang}${path}`);
          assert.ok((await horizontalOverflow(page)) <= 0, `${lang} ${name}: no horizontal scroll at 390 px (${await horizontalOverflow(page)} px)`);
          const header = await page.locator('.site-header').boundingBox();
          assert.ok(header && header.x >= 0 && header.x + header.width <= PHONE.width, `${lang} ${name}: the header fits`);
          const outside = await page.evaluate((w) => [...document.querySelectorAll('.site-header a, .site-header button')].filter((e) => { const r = e.getBoundingClientRect(); return r.left < 0 || r.right > w; }).map((e) => e.textContent), PHONE.width);
          assert.deepEqual(outside, [], `${lang} ${name}: every header link on screen`);
          if (lang === 'en' || lang === 'ar' || lang === 'zh') await shot(page, `${name}-${lang}-390`);
        }
      }
    } finally {
      await page.close();
    }
  });

  it('puts the results before the filters on a phone, the filters behind a disclosure, without JavaScript too', async () => {
    for (const javaScriptEnabled of [true, false]) {
      const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled });
      const page = await context.newPage();
      try {
        for (const lang of ['en', 'ar', 'zh'] as const) {
          await page.goto(`${server.url}/${lang}/cases`);
          const results = await page.locator('.search-results').boundingBox();
          const summary = await page.locator('.facets__summary').boundingBox();
          assert.ok(results && summary && summary.y > results.y, `${lang}: results above the filters`);
          assert.equal(await page.locator('.facet--country').isVisible(), false, `${lang}: filters closed`);
          await page.click('.facets__summary');
          assert.equal(await page.locator('.facet--country').isVisible(), true, `${lang}: the disclosure opens (JS ${javaScriptEnabled})`);
          if (!javaScriptEnabled) {
            await page.locator('.facet--country input').first().check();
            await Promise.all([page.waitForURL(/country=/), page.click('button.facets__apply')]);
            assert.match(await page.locator('.facets__summary .badge').innerText(), /1|١/, `${lang}: the closed disclosure shows one filter chosen`);
          }
        }
      } finally {
        await context.close();
      }
    }
    // On a wide screen the filters are always shown beside the results, with no disclosure button.
    const page = await browser.newPage({ viewport: DESKTOP });
    try {
      for (const lang of ['en', 'ar', 'zh'] as const) {
        await page.goto(`${server.url}/${lang}/cases`);
        assert.equal(await page.locator('.facet--country').isVisible(), true, `${lang}: filters shown`);
        assert.equal(await page.locator('.facets__summary').isVisible(), false, `${lang}: no disclosure button`);
        const aside = await page.locator('aside.facets').boundingBox();
        const results = await page.locator('.search-results').boundingBox();
        assert.ok(aside && results && (lang === 'ar' ? aside.x > results.x : aside.x < results.x), `${lang}: filters at the start side`);
        await shot(page, `cases-${lang}-desktop`);
      }
      // The script restores focus to a ticked box, opening the disclosure on a phone.
      await page.setViewportSize(PHONE);
      await page.goto(`${server.url}/en/cases`);
      await page.click('.facets__summary');
      await Promise.all([page.waitForURL(/country=/), page.locator('.facet--country input').first().check()]);
      assert.equal(await page.evaluate(() => document.activeElement?.closest('.facet--country') !== null), true, 'focus back on the box');
      await shot(page, 'cases-en-390-filter');
    } finally {
      await page.close();
    }
  });

  it('has targets of at least 24 x 24 px, focus indicators of at least 3:1 and no content outside landmarks (en, ar, zh; phone and desktop)', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    try {
      for (const viewport of [PHONE, DESKTOP]) {
        await page.setViewportSize(viewport);
        for (const lang of ['en', 'ar', 'zh'] as const) {
          for (const [name, path] of Object.entries(mainPages())) {
            await page.goto(`${server.url}/${lang}${path}`);
            const where = `${lang} ${name} ${viewport.width}px`;
            if (viewport === PHONE && (await page.locator('.facets__summary').count())) await page.click('.facets__summary');
            for (const small of await smallTargets(page)) problems.push(`${where}: target ${small}`);
            for (const weak of await weakFocusIndicators(page)) problems.push(`${where}: focus ${weak}`);
            for (const v of await axeRuleViolations(page, ['region', 'landmark-one-main', 'target-size'])) problems.push(`${where}: ${v}`);
            for (const v of await seriousAxeViolations(page)) problems.push(`${where}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
            if (viewport === DESKTOP && name !== 'cases') await shot(page, `${name}-${lang}-desktop`);
          }
        }
      }
      // Every problem at once, with where it is.
      assert.equal(problems.length, 0, [...new Set(problems)].join('\n'));
      // The treaty's status toggles (the parties' declarations) are large enough in every language.
      await page.setViewportSize(PHONE);
      await page.goto(`${server.url}/ar/treaties/${f.instrument.id}`);
      for (const b of await page.locator('.parties summary, .sort-links a').all()) {
        const r = await b.evaluate((e) => e.getBoundingClientRect().toJSON() as DOMRect);
        assert.ok(r.width >= 24 && r.height >= 24, `status toggle ${Math.round(r.width)}x${Math.round(r.height)}`);
      }
    } finally {
      await page.close();
    }
  });
});
