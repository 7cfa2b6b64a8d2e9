/**
 * Instruments in six languages in a real browser (Latin, Arabic, Chinese): the treaty page and an
 * article page; every piece of English shown on an Arabic or Chinese page sits in an element tagged
 * lang="en" (or inside one); Palermo translations carry their badge; axe-clean; screenshots in
 * test-results/.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { launchBrowser, seriousAxeViolations } from '../helpers/browser.js';

const SHOTS = 'test-results';

/**
 * Text nodes in <main> with English words (4+ Latin letters, not an acronym, a host name, a URL, an
 * identifier in <code> or the product's name) whose nearest lang is not English.
 */
async function untaggedLatin(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.querySelector('main')!, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = (n.textContent ?? '').trim();
      if (!/[A-Za-z]{4,}/.test(text)) continue;
      const el = n.parentElement!;
      if (el.closest('script, style, code, .visually-hidden')) continue;
      const lang = el.closest('[lang]')?.getAttribute('lang') ?? '';
      const words = text
        .replace(/\S*(:\/\/|\.[a-z]{2,}\b)\S*/g, ' ')
        .split(/[^A-Za-z]+/)
        .filter((w) => w.length >= 4 && w !== 'Palermo' && w !== w.toUpperCase());
      if (!lang.startsWith('en') && words.length) out.push(text.slice(0, 80));
    }
    return out;
  });
}

describe('instruments in six languages in a real browser', () => {
  let server: TestServer;
  let browser: Browser;

  before(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    fs.mkdirSync(SHOTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const HEADING = { en: 'Mutual legal assistance', ar: 'المساعدة القانونية المتبادلة', zh: '司法协助' } as const;

  it('shows treaty and article pages in en, ar and zh with English tagged lang="en", axe-clean', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      for (const lang of ['en', 'ar', 'zh'] as const) {
        await page.goto(`${server.url}/${lang}/treaties/untoc`);
        assert.equal(await page.getAttribute('html', 'lang'), lang);
        assert.ok((await page.textContent('.article-list'))?.includes(HEADING[lang]), `${lang}: heading of art. 18`);
        assert.equal(await page.locator('main .notice--translation').count(), lang === 'en' ? 0 : 1, `${lang}: translation notice`);
        if (lang !== 'en') assert.deepEqual(await untaggedLatin(page), [], `${lang}: treaty page has no untagged English`);
        assert.deepEqual(await seriousAxeViolations(page), [], `${lang} treaty page`);
        await page.screenshot({ path: `${SHOTS}/instruments-treaty-${lang}.png`, fullPage: false });

        await page.goto(`${server.url}/${lang}/instruments/untoc/articles/18`);
        assert.ok((await page.textContent('main h1'))?.includes(HEADING[lang]), `${lang}: article heading`);
        assert.equal(await page.getAttribute('.article-text', 'lang'), lang === 'en' ? null : 'en', `${lang}: the English text is tagged`);
        assert.equal(await page.locator('main h1 .badge--translation').count(), lang === 'en' ? 0 : 1);
        if (lang !== 'en') assert.deepEqual(await untaggedLatin(page), [], `${lang}: article page has no untagged English`);
        assert.deepEqual(await seriousAxeViolations(page), [], `${lang} article page`);
        await page.screenshot({ path: `${SHOTS}/instruments-article-${lang}.png`, fullPage: false });

        await page.goto(`${server.url}/${lang}/treaties/coe-extradition`);
        if (lang !== 'en') assert.deepEqual(await untaggedLatin(page), [], `${lang}: Council of Europe treaty page has no untagged English`);
        assert.deepEqual(await seriousAxeViolations(page), [], `${lang} Council of Europe treaty page`);
        await page.screenshot({ path: `${SHOTS}/instruments-coe-${lang}.png`, fullPage: false });

        for (const path of ['/', '/treaties', '/search?instrument=coe-extradition']) {
          await page.goto(`${server.url}/${lang}${path}`);
          if (lang !== 'en') assert.deepEqual(await untaggedLatin(page), [], `${lang}${path}: no untagged English`);
        }
        await page.screenshot({ path: `${SHOTS}/instruments-search-${lang}.png`, fullPage: false });
      }
    } finally {
      await page.close();
    }
  });
});
