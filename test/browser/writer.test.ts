/**
 * A complete drafting session in real Chromium, in English (without JavaScript), Arabic and Chinese:
 * an officer starts a draft, answers every step (questions revealed by earlier answers included),
 * sees it complete on the review step, downloads the DOCX (word/document.xml read) and the PDF (its
 * text extracted with pdf.js) and checks the language and the art. 18(15) parts, then attaches the
 * document to the case. axe finds no serious violation on the steps.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { launchBrowser, seriousAxeViolations, signInWithTotp } from '../helpers/browser.js';
import { pdfFullText } from '../helpers/pdf-text.js';
import { unzip } from '../http/directory-files.js';
import { makeUser } from '../http/accounts-support.js';
import { aWriterDirectory } from '../factories/writer.js';
import { STEPS } from '../../src/modules/writer/domain/model.js';

const LANGS = ['en', 'ar', 'zh'] as const;
type L = (typeof LANGS)[number];
const KIND: Record<L, string> = { en: 'mla', ar: 'preservation', zh: 'extradition' };
const TEXT: Record<L, string> = { en: 'Transfers through Orchid Ltd', ar: 'تحويلات عبر شركة الأوركيد', zh: '通过兰花公司转账' };
const TITLE: Record<L, string> = { en: 'Request for mutual legal assistance in criminal matters', ar: 'طلب التحفظ العاجل على بيانات حاسوبية مخزنة', zh: '引渡请求' };
/** Headings of art. 18(15) (a) and (f), as they read in the document. */
const PARTS: Record<L, [string, string]> = { en: ['(a) Requesting authority', '(f) Purpose of the request'], ar: ['(أ) السلطة الطالبة', '(و) الغرض من الطلب'], zh: ['(a) 请求机关', '(f) 请求的目的'] };
/** In the PDF text, Arabic lines come in visual order: these are the headings without their letter, reversed. */
const PDF_PARTS: Record<L, [string, string]> = {
  en: PARTS.en,
  ar: [[...'السلطة الطالبة'].reverse().join(''), [...'الغرض من الطلب'].reverse().join('')],
  zh: PARTS.zh,
};

describe('request writer in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  let officer: { email: string; secret: string | null };
  let requested: string;

  before(async () => {
    server = await startTestServer();
    const world = await aWriterDirectory(server.runtime.db);
    requested = world.requestedCountry;
    officer = await makeUser(server, { roles: [{ role: 'authority_officer', authority_id: world.authorityId }], totp: true, name: 'Olga Officer' });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function signIn(page: Page) {
    await signInWithTotp(page, server.url, officer);
  }

  /** Answer every empty question of the step shown, as a drafter would, and save. */
  async function answerStep(p: Page, lang: L) {
    const form = 'main form[method=post]:has(input[name=version])';
    for (const el of await p.$$(`${form} textarea`)) if (!(await el.inputValue())) await el.fill(`${TEXT[lang]} (${await el.getAttribute('name')})`);
    for (const el of await p.$$(`${form} input[type=text]`)) if (!(await el.inputValue())) await el.fill(TEXT[lang]);
    for (const el of await p.$$(`${form} input[type=date]`)) if (!(await el.inputValue())) await el.fill('2025-01-01');
    for (const el of await p.$$(`${form} select`)) {
      if (await el.inputValue()) continue;
      const name = await el.getAttribute('name');
      const values = (await el.$$eval('option', (os) => os.map((o) => (o as HTMLOptionElement).value))).filter(Boolean);
      await el.selectOption(name === 'doc_language' ? lang : values[0]!);
    }
    const radios = new Set(await p.$$eval(`${form} input[type=radio]`, (rs) => rs.map((r) => (r as HTMLInputElement).name)));
    for (const name of radios) if (!(await p.$(`${form} input[name="${name}"]:checked`))) await p.check(`${form} input[name="${name}"][value=yes]`);
    const boxes = await p.$$(`${form} input[type=checkbox]`);
    if (boxes.length && !(await p.$(`${form} input[type=checkbox]:checked`))) {
      for (const v of ['records', 'witness_hearing']) if (await p.$(`${form} input[type=checkbox][value=${v}]`)) await p.check(`${form} input[type=checkbox][value=${v}]`);
      if (!(await p.$(`${form} input[type=checkbox]:checked`))) await boxes[0]!.check();
    }
    await Promise.all([p.waitForNavigation(), p.click(`${form} button[type=submit]`)]);
  }

  it('drafts a complete request in en (no JavaScript), ar and zh, and reads the DOCX and PDF it produces', async () => {
    const context: BrowserContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    try {
      await signIn(page);
      const noJs = await browser.newContext({ javaScriptEnabled: false });
      await noJs.addCookies(await context.cookies());
      const plain = await noJs.newPage();
      for (const lang of LANGS) {
        const p = lang === 'en' ? plain : page;
        await p.goto(`${server.url}/${lang}/writer`);
        assert.equal(await p.getAttribute('html', 'dir'), lang === 'ar' ? 'rtl' : 'ltr');
        if (p === page) assert.deepEqual(await seriousAxeViolations(page), [], `${lang} start page`);
        await p.selectOption('#f-kind', KIND[lang]);
        await p.selectOption('#f-requested_country', requested);
        await Promise.all([p.waitForURL(/\/writer\/[0-9a-f-]{36}\/authority$/), p.click('main form button[type=submit]')]);
        const caseId = /\/writer\/([0-9a-f-]{36})\//.exec(p.url())![1]!;
        // The requesting authority's details come from the directory.
        assert.match(await p.inputValue('#f-requesting_authority'), /Ministry of Justice/);
        if (p === page) assert.deepEqual(await seriousAxeViolations(page), [], `${lang} first step`);
        for (let pass = 0; pass < 3; pass++) {
          await p.goto(`${server.url}/${lang}/writer/${caseId}/review`);
          if (await p.$('.writer-documents')) break;
          for (const step of STEPS.filter((s) => s !== 'review')) {
            await p.goto(`${server.url}/${lang}/writer/${caseId}/${step}`);
            await answerStep(p, lang);
          }
        }
        await p.goto(`${server.url}/${lang}/writer/${caseId}/review`);
        assert.ok(await p.$('.writer-documents'), `${lang}: complete: ${await p.textContent('main')}`);
        if (p === page) assert.deepEqual(await seriousAxeViolations(page), [], `${lang} review`);

        const get = async (format: string) => {
          const href = await p.getAttribute(`.writer-documents a[href$="/document/${format}"]`, 'href');
          const res = await (lang === 'en' ? noJs : context).request.get(`${server.url}${href}`);
          assert.equal(res.status(), 200, `${lang} ${format}`);
          return Buffer.from(await res.body());
        };
        const xml = unzip(await get('docx')).get('word/document.xml')!.toString('utf8');
        for (const s of [TITLE[lang], ...PARTS[lang], TEXT[lang]]) assert.ok(xml.includes(s), `${lang} DOCX: ${s}`);
        const text = await pdfFullText(await get('pdf'));
        for (const s of PDF_PARTS[lang]) assert.ok(text.includes(s), `${lang} PDF: ${s} in ${text.slice(0, 300)}`);
        if (lang === 'zh') assert.ok(text.includes(TITLE.zh) && text.includes(TEXT.zh));
        if (lang === 'en') assert.ok(text.includes(TITLE.en) && text.includes(TEXT.en));

        await Promise.all([p.waitForURL(/attached=1/), p.click('.writer-documents form button[type=submit]')]);
        await p.goto(`${server.url}/${lang}/casework/cases/${caseId}/documents`);
        assert.ok((await p.content()).includes(`-${lang}.pdf`), `${lang}: the document is attached to the case`);
      }
      await noJs.close();
    } finally {
      await context.close();
    }
  });
});
