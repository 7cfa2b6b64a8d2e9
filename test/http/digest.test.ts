/** The digest of cases over HTTP: the page in six languages, the PDF (text read by pdf.js) and the DOCX, following the case law. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { pdfFullText } from '../helpers/pdf-text.js';
import { unzip } from './directory-files.js';
import { aCase } from '../factories/knowledge.js';
import { saveRecords } from '../../src/modules/knowledge/index.js';
import { LANGS } from '../../src/platform/i18n/languages.js';
import { digestMessages } from '../../src/modules/digest/digest.messages.js';
import { sql } from 'kysely';
import { JOBS_SCHEMA, findJob, wakeWorkers } from '../../src/platform/jobs/index.js';
import { GENERATE_DOCUMENTS } from '../../src/modules/digest/jobs.js';
import { digestFilesGenerated } from '../../src/modules/digest/document/files.js';

const HOSTILE = '<script>alert(1)</script>';
const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

describe('digest of cases (HTTP)', () => {
  let server: TestServer;
  const ext = aCase({
    id: 'dgh-extradition',
    country: 'ITA',
    cooperation_types: ['extradition'],
    crime_types: ['drug-offences'],
    articles: ['untoc:16', 'uncac:44'],
    texts: {
      en: { title: `Extradition of a cocaine trafficker ${HOSTILE}`, summary: 'Extradition granted on the basis of article 16.' },
      ar: { title: 'تسليم مهرب كوكايين', summary: 'مُنح التسليم استنادا إلى المادة 16.' },
    },
  });
  const mla = aCase({
    id: 'dgh-mla',
    country: 'CHN',
    cooperation_types: ['mla'],
    crime_types: ['money-laundering'],
    cooperating_states: ['FRA'],
    original_lang: 'zh',
    texts: { zh: { title: '洗钱案司法协助', summary: '法院依据公约第十八条提供了协助。' } },
  });

  before(async () => {
    server = await startTestServer();
    await saveRecords(server.runtime.db, [ext, mla], { origin: 'import' });
  });
  after(async () => server?.close());

  it('serves the page in the six languages, with counts, bars beside table figures, and linked cases', async () => {
    for (const lang of LANGS) {
      const res = await server.get(`/${lang}/digest`);
      assert.equal(res.status, 200, lang);
      const html = await res.text();
      assert.match(html, new RegExp(`<html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}"`));
      assert.ok(decode(html).includes(digestMessages[lang].title), `${lang}: title in the reader's language`);
      assert.ok(html.includes(`href="/${lang}/cases/dgh-mla"`), `${lang}: the case is linked`);
      assert.ok(html.includes(`href="/${lang}/digest/digest.pdf"`) && html.includes(`href="/${lang}/digest/digest.docx"`));
      assert.equal((html.match(/<table class="dg-counts"/g) ?? []).length, 4, `${lang}: four tables of counts`);
      assert.match(html, /<svg class="dg-bar"[^>]*aria-hidden="true"/);
      assert.ok(!html.includes(HOSTILE), 'user text is escaped');
    }
    const en = await (await server.get('/en/digest')).text();
    assert.match(en, /2 cases/);
    assert.match(en, /<th scope="row"><a href="#coop-extradition">Extradition<\/a><\/th>/);
    assert.match(en, /United Nations Convention against Corruption/);
    // The Chinese-only case on the English page: in Chinese, marked as such.
    assert.match(en, /<a href="\/en\/cases\/dgh-mla"><span dir="auto" lang="zh">洗钱案司法协助<\/span>/);
    assert.match(en, /Shown in Chinese/);
    const ar = await (await server.get('/ar/digest')).text();
    assert.ok(ar.includes('تسليم مهرب كوكايين'), 'the Arabic version of the case on the Arabic page');
    assert.match(ar, /أوروبا/);
    const home = await (await server.get('/fr/')).text();
    assert.ok(home.includes('href="/fr/digest"'), 'linked from the home page');
  });

  it('prints the same content as a PDF in the reader’s language (en, ar, zh)', async () => {
    const expect: Record<string, string[]> = {
      en: [digestMessages.en.title, 'Extradition of a cocaine trafficker', '洗钱案司法协助', 'Cases by region'],
      ar: ['تسليم مهرب كوكايين', 'القضايا حسب المنطقة'],
      zh: ['洗钱案司法协助', '按区域分列的案例'],
    };
    for (const [lang, needles] of Object.entries(expect)) {
      const res = await server.get(`/${lang}/digest/digest.pdf`);
      assert.equal(res.status, 200, lang);
      assert.equal(res.headers.get('content-type'), 'application/pdf');
      const pdf = Buffer.from(await res.arrayBuffer());
      assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
      const text = (await pdfFullText(pdf)).replace(/\s+/g, ' ');
      for (const n of needles) {
        const folded = n.normalize('NFKC');
        // Arabic comes out of pdf.js in visual order: accept the words reversed.
        const words = folded.split(' ');
        assert.ok(text.includes(folded) || words.every((w) => text.includes(w) || text.includes([...w].reverse().join(''))), `${lang}: "${n}" in the PDF text`);
      }
    }
  });

  it('writes the same content as a DOCX, right to left in Arabic', async () => {
    const en = unzip(Buffer.from(await (await server.get('/en/digest/digest.docx')).arrayBuffer()));
    const xml = en.get('word/document.xml')?.toString('utf8') ?? '';
    for (const n of ['Cases by type of cooperation', 'Extradition of a cocaine trafficker &lt;script&gt;', '洗钱案司法协助', 'United Nations Convention against Corruption']) assert.ok(xml.includes(n), `"${n}" in the DOCX`);
    assert.ok(en.get('word/_rels/document.xml.rels')?.toString('utf8').includes('/en/cases/dgh-mla'), 'the case linked to its page');
    const ar = unzip(Buffer.from(await (await server.get('/ar/digest/digest.docx')).arrayBuffer()));
    const arXml = ar.get('word/document.xml')?.toString('utf8') ?? '';
    assert.ok(arXml.includes('القضايا حسب نوع التعاون'));
    assert.match(arXml, /<w:bidi\/>/);
  });

  it('follows the case law: a newly published case is in the next page, and the queued job makes the PDF and DOCX served at once', async () => {
    const before = Buffer.from(await (await server.get('/en/digest/digest.docx')).arrayBuffer());
    const made = digestFilesGenerated();
    const again = Buffer.from(await (await server.get('/en/digest/digest.docx')).arrayBuffer());
    assert.ok(before.equals(again), 'unchanged case law: the stored file');
    assert.equal(digestFilesGenerated(), made, 'served from the database, not generated again');
    const jit = aCase({ id: 'dgh-jit', country: 'FRA', cooperating_states: ['ESP'], cooperation_types: ['joint-investigations'], articles: ['untoc:19'], texts: { en: { title: 'Joint investigation team on migrant smuggling' } } });
    const jobs = async () => (await sql<{ id: string }>`SELECT id FROM ${sql.table(`${JOBS_SCHEMA}.job`)} WHERE name = ${GENERATE_DOCUMENTS}`.execute(server.runtime.db)).rows.map((r) => r.id);
    const earlier = new Set(await jobs());
    await saveRecords(server.runtime.db, [jit], { origin: 'import' });
    const queued = { rows: (await jobs()).filter((id) => !earlier.has(id)).map((id) => ({ id })) };
    assert.equal(queued.rows.length, 1, 'one generation queued by the transaction that published the case');
    assert.match(await (await server.get('/en/digest')).text(), /3 cases/, 'the page at once');
    // The job waits a minute to gather a burst of edits: make it due now and wake the workers.
    await sql`UPDATE ${sql.table(`${JOBS_SCHEMA}.job`)} SET start_after = now() WHERE id = ${queued.rows[0]!.id}::uuid`.execute(server.runtime.db);
    wakeWorkers(GENERATE_DOCUMENTS);
    for (let state = ''; state !== 'completed'; ) {
      state = (await findJob(server.runtime.db, queued.rows[0]!.id))?.state ?? 'completed';
      assert.notEqual(state, 'failed', 'the generation job failed');
      if (state !== 'completed') await new Promise((r) => setTimeout(r, 250));
    }
    const stored = await sql<{ n: number }>`SELECT count(*)::int AS n FROM digest_documents`.execute(server.runtime.db);
    assert.equal(stored.rows[0]!.n, 12, 'the six languages in two formats, older files removed');
    const generatedByJob = digestFilesGenerated();
    const docx = unzip(Buffer.from(await (await server.get('/en/digest/digest.docx')).arrayBuffer()));
    assert.ok(docx.get('word/document.xml')?.toString('utf8').includes('Joint investigation team on migrant smuggling'));
    const pdf = await pdfFullText(Buffer.from(await (await server.get('/en/digest/digest.pdf')).arrayBuffer()));
    assert.ok(pdf.includes('Joint investigation team on migrant smuggling'));
    const zh = unzip(Buffer.from(await (await server.get('/zh/digest/digest.docx')).arrayBuffer()));
    assert.ok(zh.get('word/document.xml')?.toString('utf8').includes('Joint investigation team on migrant smuggling'));
    assert.equal(digestFilesGenerated(), generatedByJob, 'the files made by the job were served, none generated on demand');
  });

  it('shows the newest cases of each type and lists all of them on the type\'s own pages', async () => {
    const many = Array.from({ length: 11 }, (_, i) =>
      aCase({ id: `dgh-many-${i}`, country: 'FRA', cooperating_states: ['ITA'], decision_date: `2010-01-${String(i + 1).padStart(2, '0')}`, cooperation_types: ['extradition'], texts: { en: { title: `Older extradition ${i}` } } }),
    );
    await saveRecords(server.runtime.db, many, { origin: 'import' });
    const page = await (await server.get('/en/digest')).text();
    assert.ok(page.includes('href="/en/digest/cooperation/extradition"'), 'a link to all the extradition cases');
    assert.match(page, /All cases of this type \(12\)/);
    assert.ok(!page.includes('Older extradition 0<'), 'the oldest is only on the type\'s page');
    const all = await server.get('/en/digest/cooperation/extradition');
    assert.equal(all.status, 200);
    const html = await all.text();
    for (let i = 0; i < 11; i++) assert.ok(html.includes(`Older extradition ${i}<`), `case ${i} listed`);
    assert.equal((await server.get('/en/digest/cooperation/no-such-type')).status, 404);
    const bad = await server.get('/ar/digest/cooperation/extradition?page=2');
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /page/);
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 12 }), async (value) => {
        const res = await server.get(`/en/digest/cooperation/extradition?page=${encodeURIComponent(value)}`);
        assert.ok(res.status === 200 || res.status === 400, `page=${JSON.stringify(value)} gave ${res.status}`);
        await res.arrayBuffer();
      }),
      { numRuns: 40 },
    );
  });

  it('answers 503 problem+json when Chromium is missing', async () => {
    const saved = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    try {
      await saveRecords(server.runtime.db, [aCase({ id: 'dgh-new', country: 'DEU', texts: { en: { title: 'Another case' } } })], { origin: 'import' });
      const res = await server.get('/fr/digest/digest.pdf');
      assert.equal(res.status, 503);
      assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
    } finally {
      if (saved === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = saved;
    }
  });
});
