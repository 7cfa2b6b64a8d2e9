/** The directory books: a real PDF printed by Chromium and a valid DOCX, with what the reader may see only. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bookBuildCount } from '../../src/modules/directory/export/book-cache.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { Client, makeUser, signInAs } from './accounts-support.js';
import { anAuthority, SECRET } from '../factories/directory.js';
import { assertNoSecret, publishAuthorities } from './directory-support.js';
import { pdfPageCount, pdfText, unzip } from './directory-files.js';
import { pdfPageTexts } from '../helpers/pdf-text.js';

const HOSTILE = '<script>alert(1)</script>';

describe('directory books (PDF and DOCX)', () => {
  let server: TestServer;
  let prac: Client;
  let focal: Client;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'palermo-book-test-'));
  const fra = anAuthority({ country: 'FRA', notes: { en: `Notes ${HOSTILE}` } });
  const egy = anAuthority({ country: 'EGY', names: { ar: 'وزارة العدل المصرية', en: 'Ministry of Justice of Egypt' } });
  const chn = anAuthority({ country: 'CHN', names: { zh: '中华人民共和国司法部', en: 'Ministry of Justice of China' } });

  before(async () => {
    server = await startTestServer({ dataDir });
    await publishAuthorities(server.runtime.db, [fra, egy, chn]);
    const u = await makeUser(server, { roles: [{ role: 'practitioner' }] });
    prac = new Client(server);
    await signInAs(prac, u);
    focal = new Client(server);
    await signInAs(focal, await makeUser(server, { roles: [{ role: 'focal_point', country: 'FRA' }], totp: true }));
  });
  after(async () => {
    await server?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints a real PDF with a page per country section and the country names in its text', async () => {
    const res = await server.get('/en/directory/book.pdf');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/pdf');
    const pdf = Buffer.from(await res.arrayBuffer());
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.ok(pdfPageCount(pdf) >= 5, `cover, contents and three countries: ${pdfPageCount(pdf)} pages`);
    const text = pdfText(pdf);
    for (const name of ['France', 'Egypt', 'China', 'Directory']) assert.ok(text.includes(name), `${name} in the text layer`);
    assertNoSecret(text, SECRET, 'public PDF');
    const zhPdf = Buffer.from(await (await server.get('/zh/directory/book.pdf')).arrayBuffer());
    // The Chinese book embeds a CJK font (its glyphs are not mapped by this simple extractor) and has the same pages.
    assert.equal(zhPdf.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.match(zhPdf.toString('latin1'), /CJK/, 'a CJK font is embedded');
    assert.ok(pdfPageCount(zhPdf) >= 5);
  });

  it('answers 503 problem+json naming CHROMIUM_PATH when Chromium is missing', async () => {
    const saved = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    try {
      const res = await server.get('/fr/directory/book.pdf');
      assert.equal(res.status, 503);
      assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
      assert.match(((await res.json()) as { detail: string }).detail, /CHROMIUM_PATH/);
    } finally {
      if (saved === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = saved;
    }
  });

  it('writes a DOCX whose document.xml holds the content, escaped, right-to-left for Arabic, restricted fields only in the restricted edition', async () => {
    for (const lang of ['en', 'ar'] as const) {
      const res = await server.get(`/${lang}/directory/book.docx`);
      assert.equal(res.status, 200);
      const files = unzip(Buffer.from(await res.arrayBuffer()));
      const xml = files.get('word/document.xml')?.toString('utf8') ?? '';
      assert.ok(files.has('[Content_Types].xml') && xml.length > 0);
      assert.ok(xml.includes('Ministry of Justice of China') || xml.includes('中华人民共和国司法部'));
      assert.ok(xml.includes('&lt;script&gt;'), 'escaped');
      assert.ok(!xml.includes('<script>'));
      assertNoSecret(xml, SECRET, `public DOCX ${lang}`);
      if (lang === 'ar') {
        assert.ok(xml.includes('وزارة العدل المصرية'));
        assert.match(xml, /<w:bidi\/>|<w:bidi w:val="(true|1)"\/>/, 'right-to-left paragraphs');
        assert.match(xml, /<w:rtl\/>|<w:rtl w:val="(true|1)"\/>/);
      }
    }
    // A practitioner reads restricted fields on the pages, but the books they download are the public edition.
    const pracDocx = unzip(Buffer.from(await (await prac.get('/en/directory/book.docx')).arrayBuffer())).get('word/document.xml')!.toString('utf8');
    assertNoSecret(pracDocx, SECRET, 'practitioner DOCX');
    const restricted = await focal.get('/en/directory/book.docx?edition=restricted');
    assert.equal(restricted.headers.get('cache-control'), 'private, no-store');
    const focalDocx = unzip(Buffer.from(await restricted.arrayBuffer())).get('word/document.xml')!.toString('utf8');
    assert.ok(focalDocx.includes(SECRET.contact));
    const audited = await server.runtime.db.selectFrom('audit_events').select('changes').where('action', '=', 'directory.export').execute();
    assert.ok(audited.some((a) => (a.changes as { format?: string } | null)?.format === 'docx'));
  });

  it('builds each book once per directory version under DATA_DIR, however many ask at once', async () => {
    for (const format of ['docx', 'pdf'] as const) {
      const url = `/es/directory/book.${format}`;
      const before = bookBuildCount();
      const responses = await Promise.all([server.get(url), server.get(url), server.get(url)]);
      const bodies = await Promise.all(responses.map(async (r) => Buffer.from(await r.arrayBuffer())));
      assert.deepEqual(responses.map((r) => r.status), [200, 200, 200], format);
      assert.equal(bookBuildCount() - before, 1, `three concurrent requests for the ${format} book, one build`);
      assert.ok(bodies.every((b) => b.equals(bodies[0]!)), 'the same book for everyone');
      assert.equal((await (await server.get(url)).arrayBuffer()).byteLength, bodies[0]!.length);
      assert.equal(bookBuildCount() - before, 1, 'served from the cache afterwards');
    }
    const cached = fs.readdirSync(path.join(dataDir, 'cache', 'books'));
    assert.ok(cached.some((f) => f.endsWith('.docx')) && cached.some((f) => f.endsWith('.pdf')), `books cached under DATA_DIR: ${cached.join(', ')}`);
    assert.ok(!cached.some((f) => f.startsWith('build-')), 'no scratch directory left behind');
    // A change to the directory makes a new book.
    const before = bookBuildCount();
    await publishAuthorities(server.runtime.db, [anAuthority({ country: 'ESP' })]);
    await (await server.get('/es/directory/book.docx')).arrayBuffer();
    assert.equal(bookBuildCount() - before, 1, 'rebuilt after a change');
  });

  it('prints the contents with the page on which each country starts (en, ar, zh), and numbers every page', async () => {
    // Italy's section runs over several pages, so the numbers after it are not consecutive.
    const long = 'A long note on the conditions for requests. '.repeat(60);
    await publishAuthorities(server.runtime.db, Array.from({ length: 6 }, () => anAuthority({ country: 'ITA', notes: { en: long, ar: long, zh: long } })));
    for (const lang of ['en', 'ar', 'zh'] as const) {
      const pdf = Buffer.from(await (await server.get(`/${lang}/directory/book.pdf`)).arrayBuffer());
      // Each page's text: its number (the foot, extracted first), then what it begins with.
      const pages = (await pdfPageTexts(pdf)).map((text) => digits(text).split('\n').map((l) => l.trim()).filter(Boolean));
      // Every page but the cover carries its number.
      for (let p = 2; p <= pages.length; p++) assert.equal(pages[p - 1]![0], String(p), `${lang}: page ${p} numbered`);
      assert.notEqual(pages[0]![0], '1', 'no number on the cover');
      const entries = tocEntries(pages[1]!);
      assert.equal(entries.length, 5, `${lang}: five countries in the contents: ${JSON.stringify(pages[1])}`);
      for (const { label, page } of entries) {
        assert.ok(page > 2 && page <= pages.length, `${lang} ${label}: page ${page} of ${pages.length}`);
        assert.equal(pages[page - 1]![1], label, `${lang}: the section ${label} begins on page ${page}`);
        assert.notEqual(pages[page - 2]![1], label, `${lang}: and not on the page before`);
      }
      const numbers = entries.map((e) => e.page);
      assert.deepEqual([...numbers].sort((a, b) => a - b), numbers, `${lang}: in page order`);
      assert.ok(numbers.some((n, i) => i > 0 && n - numbers[i - 1]! > 1), `${lang}: a section longer than a page (${numbers.join(', ')})`);
    }
  });
});

/** Western digits for the Arabic-Indic ones the Arabic book uses. */
function digits(text: string): string {
  return text.replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660));
}

/** The contents' lines "Label (authorities) page" as extracted from the contents page. */
function tocEntries(lines: string[]): { label: string; page: number }[] {
  const out: { label: string; page: number }[] = [];
  for (const line of lines) {
    const m = /^\s*(.+?)\s*\((\d+)\)\s*(\d+)\s*$/.exec(line);
    if (m) out.push({ label: m[1]!, page: Number(m[3]) });
  }
  return out;
}
