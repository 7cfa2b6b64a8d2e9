import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { createTestRuntime, type TestRuntime } from '../helpers/db.js';
import { ensureTestReference } from '../factories/reference.js';
import { aLaw, anExtract } from '../factories/knowledge.js';
import { tempDir, writeFile } from '../factories/bulk.js';
import { importFile } from '../../src/modules/bulk/import/service.js';
import { lawAsAkn } from '../../src/modules/bulk/export/akn.js';
import { getLaw, loadEntryDocuments, saveRecords } from '../../src/modules/knowledge/service.js';
import type { LegislationDocument } from '../../src/modules/knowledge/domain/schemas.js';

const ZA = path.resolve(import.meta.dirname, '../../resources/akn/za-act-1996-constitution.akn.xml');
const LAW = 'za-act-1996-constitution';
const sectionIds = Array.from({ length: 250 }, (_, i) => `${LAW}.sec-${i + 1}`);
const untimed = <T extends { created_at?: string; updated_at?: string }>(d: T) => {
  const { created_at: _c, updated_at: _u, ...rest } = d;
  return rest;
};

describe('Akoma Ntoso import and export', () => {
  let rt: TestRuntime;
  const tmp = tempDir();
  before(async () => {
    rt = await createTestRuntime();
    await ensureTestReference(rt.db);
  });
  after(async () => {
    await rt?.close();
    tmp.remove();
  });

  const extracts = async (db = rt.db) => (await loadEntryDocuments(db, sectionIds, { publishedOnly: true })) as LegislationDocument[];

  it('imports the South African Constitution: the act as a law, its 243 sections as extracts', async () => {
    const report = await importFile(rt.db, ZA);
    assert.equal(report.outcome, 'succeeded', JSON.stringify(report.issues));
    assert.equal(report.format, 'akn');
    assert.deepEqual([report.records, report.created], [244, 244]);

    const law = await getLaw(rt.db, LAW);
    assert.ok(law);
    assert.equal(law.country, 'ZAF', 'FRBRcountry "za" through the alpha-2 code');
    assert.equal(law.original_lang, 'en', 'FRBRlanguage "eng" as BCP 47');
    assert.equal(law.adopted_on, undefined, 'the work date is only a year (1996): no adoption date is invented');
    assert.equal(law.amended_on, '2021-09-15', 'the expression date');
    assert.equal(law.texts.en?.title, 'To introduce a new Constitution for the Republic of South Africa and to provide for matters incidental thereto.');
    const full = law.texts.en?.full_text ?? '';
    assert.match(full, /^We, the people of South Africa,$/m);
    assert.match(full, /^Chapter 2 Bill of Rights$/m);
    assert.match(full, /^35\. Arrested, detained and accused persons$/m);
    assert.match(full, /^Schedule 7$/m, 'schedules (attachments) are part of the full text');

    const docs = await extracts();
    assert.equal(docs.length, 243);
    assert.deepEqual(docs.map((d) => d.position), Array.from({ length: 243 }, (_, i) => i));
    const s35 = docs.find((d) => d.id === `${LAW}.sec-35`)!;
    assert.equal(s35.article_ref, 'Section 35');
    assert.equal(s35.country, 'ZAF');
    assert.equal(s35.law_id, LAW);
    assert.equal(s35.texts.en?.title, 'Arrested, detained and accused persons');
    const body = s35.texts.en?.body?.split('\n') ?? [];
    assert.equal(body[0], '(1) Everyone who is arrested for allegedly committing an offence has the right -');
    assert.equal(body[1], '(a) to remain silent;');
    assert.equal(docs.find((d) => d.id === `${LAW}.sec-231`)?.texts.en?.title, 'International agreements');
    // Subsections (6) and (7) of section 37 stand outside the section in the mark-up: they are kept with it.
    assert.match(docs.find((d) => d.id === `${LAW}.sec-37`)?.texts.en?.body ?? '', /^\(7\) If a court releases a detainee/m);
    assert.deepEqual(report.warnings.map((w) => w.field), ['hcontainer hcontainer_1', 'subsection subsec_6', 'subsection subsec_7']);

    const again = await importFile(rt.db, ZA);
    assert.deepEqual([again.created, again.updated, again.unchanged], [0, 0, 244]);
  });

  it('exports the law as Akoma Ntoso that imports into a fresh database as the same law and extracts', async () => {
    const xml = await lawAsAkn(rt.db, LAW);
    assert.ok(xml);
    assert.match(xml, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<akomaNtoso xmlns="http:\/\/docs.oasis-open.org\/legaldocml\/ns\/akn\/3.0"/);
    assert.match(xml, /<FRBRuri value="\/akn\/za\/act\/1996\/constitution"\/>/);
    assert.match(xml, /<FRBRlanguage language="eng"\/>/);
    assert.match(xml, /<section eId="sec_35" GUID="palermo:za-act-1996-constitution.sec-35">\n\s*<num>35<\/num>\n\s*<heading>Arrested, detained and accused persons<\/heading>/);
    const file = writeFile(tmp.dir, 'za.xml', xml);

    const fresh = await createTestRuntime();
    try {
      await ensureTestReference(fresh.db);
      const report = await importFile(fresh.db, file);
      assert.equal(report.outcome, 'succeeded', JSON.stringify(report.issues));
      assert.equal(report.created, 244);
      assert.deepEqual(untimed((await getLaw(fresh.db, LAW))!), untimed((await getLaw(rt.db, LAW))!));
      assert.deepEqual((await extracts(fresh.db)).map(untimed), (await extracts()).map(untimed));
    } finally {
      await fresh.close();
    }
  });

  it('keeps any law and its extracts, escaped, through an Akoma Ntoso export and import', async () => {
    const law = aLaw({
      country: 'FRA',
      adopted_on: '2004-03-09',
      citation: 'Loi n° 2004-204 <du> 9 "mars" & 2004',
      source_url: 'https://www.legifrance.gouv.fr/?a=1&b=2',
      texts: { fr: { title: 'Loi <portant> adaptation & "évolutions"', full_text: 'Premier alinéa\r\nDeuxième  alinéa\twith tab\n\n<script>alert(1)</script>' } },
    });
    const items = [
      anExtract(law.id, { article_ref: 'Art. 694', position: 0, texts: { fr: { title: 'Entraide <judiciaire>', body: 'Ligne 1 & 2\nLigne "3"' } } }),
      anExtract(law.id, { article_ref: 'Article 12', position: 1, texts: { fr: { title: 'Douze' } } }),
    ];
    await saveRecords(rt.db, [law, ...items], { origin: 'import' });
    const xml = (await lawAsAkn(rt.db, law.id))!;
    assert.doesNotMatch(xml, /<script>/);
    const fresh = await createTestRuntime();
    try {
      await ensureTestReference(fresh.db);
      const report = await importFile(fresh.db, writeFile(tmp.dir, 'fr.akn.xml', xml));
      assert.equal(report.outcome, 'succeeded', JSON.stringify(report.issues));
      assert.deepEqual(untimed((await getLaw(fresh.db, law.id))!), untimed((await getLaw(rt.db, law.id))!));
      const ids = items.map((i) => i.id);
      const back = (await loadEntryDocuments(fresh.db, ids, { publishedOnly: true })) as LegislationDocument[];
      assert.deepEqual(back.map((d) => [d.id, d.article_ref, d.texts.fr?.title, d.texts.fr?.body]), [
        [items[0]!.id, 'Art. 694', 'Entraide <judiciaire>', 'Ligne 1 & 2\nLigne "3"'],
        [items[1]!.id, 'Article 12', 'Douze', undefined],
      ]);
    } finally {
      await fresh.close();
    }
  });

  it('reports what is wrong with a document, by line and element, and writes nothing', async () => {
    const doc = (meta: string, body: string) =>
      `<?xml version="1.0" encoding="UTF-8"?>\n<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">\n<act name="act">\n<meta><identification source="#x">${meta}</identification></meta>\n<body>\n${body}\n</body>\n</act>\n</akomaNtoso>\n`;
    const work = (country: string) => `<FRBRWork><FRBRthis value="/akn/${country}/act/2020/5/!main"/><FRBRuri value="/akn/${country}/act/2020/5"/><FRBRdate date="2020-01-02" name="enactment"/><FRBRcountry value="${country}"/></FRBRWork><FRBRExpression><FRBRuri value="/akn/${country}/act/2020/5/fra"/><FRBRlanguage language="fra"/></FRBRExpression>`;
    const section = '<section eId="sec_1"><num>1.</num><heading>Scope</heading><content><p>Text.</p></content></section>';
    const cases: [string, string, [number, string, RegExp]][] = [
      ['broken.xml', doc(work('fr'), `${section}\n<section><num>2</num>\n<p>unclosed</section>`), [8, '(xml)', /not well-formed at column \d+: unexpected close tag/]],
      ['root.xml', '<?xml version="1.0"?>\n<html><body/></html>', [2, 'akomaNtoso', /root element is <html>/]],
      ['ns.xml', '<akomaNtoso xmlns="http://www.akomantoso.org/2.0"><act/></akomaNtoso>', [1, 'akomaNtoso', /expected Akoma Ntoso 3.0/]],
      ['xxe.xml', '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n<akomaNtoso/>', [2, '(xml)', /DOCTYPE declarations are not accepted/]],
      ['latin.xml', '<?xml version="1.0" encoding="ISO-8859-1"?>\n<akomaNtoso/>', [1, '(xml)', /only UTF-8/]],
      ['country.xml', doc(work('xx'), section), [3, 'FRBRWork.FRBRcountry', /"xx" is not a known country/]],
      ['nouri.xml', doc('<FRBRWork><FRBRcountry value="fr"/></FRBRWork><FRBRExpression><FRBRlanguage language="fra"/></FRBRExpression>', section), [3, 'FRBRWork.FRBRuri', /is missing/]],
      ['longnum.xml', doc(work('fr'), `<article eId="art_1"><num>${'9'.repeat(300)}</num><content><p>x</p></content></article>`), [6, 'article[art_1].article_ref', /200/]],
    ];
    for (const [name, content, [line, field, message]] of cases) {
      const report = await importFile(rt.db, writeFile(tmp.dir, name, content), { format: 'akn' });
      assert.equal(report.outcome, 'invalid', name);
      assert.deepEqual([report.issues[0]?.line, report.issues[0]?.field], [line, field], `${name}: ${JSON.stringify(report.issues)}`);
      assert.match(report.issues[0]!.message, message, name);
    }
    assert.equal(await getLaw(rt.db, 'fr-act-2020-5'), undefined);
    // The same document with a known country is fine.
    const ok = await importFile(rt.db, writeFile(tmp.dir, 'ok.xml', doc(work('fr'), section)));
    assert.equal(ok.outcome, 'succeeded', JSON.stringify(ok.issues));
    const law = await getLaw(rt.db, 'fr-act-2020-5');
    assert.deepEqual([law?.country, law?.original_lang, law?.adopted_on], ['FRA', 'fr', '2020-01-02']);
  });
});
