import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { AknReader, type AknDocument } from './akn-read.js';
import { mapAkn } from './akn-map.js';
import { writeAkn } from './akn-write.js';
import { bcp47FromIso639, iso639FromBcp47, lawIdFromWorkUri } from './akn-ids.js';
import type { LawDocument, LegislationDocument } from '../../knowledge/index.js';

function read(xml: string, chunk = 7): AknDocument {
  const r = new AknReader();
  for (let i = 0; i < xml.length; i += chunk) r.write(xml.slice(i, i + chunk));
  return r.end();
}

const countries = (iso2: string) => ({ ZA: 'ZAF', FR: 'FRA', KE: 'KEN' })[iso2];

const SAMPLE = `<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">
  <act name="act">
    <meta><identification source="#x">
      <FRBRWork><FRBRthis value="/akn/ke/act/2010-08-27/constitution/!main"/><FRBRuri value="/akn/ke/act/2010-08-27/constitution"/>
        <FRBRalias value="Constitution of Kenya, 2010" name="title"/><FRBRdate date="2010-08-27" name="Generation"/><FRBRcountry value="ke"/></FRBRWork>
      <FRBRExpression><FRBRuri value="/akn/ke/act/2010-08-27/constitution/eng@2010-08-27"/><FRBRdate date="2010-08-27" name="Generation"/><FRBRlanguage language="eng"/></FRBRExpression>
    </identification></meta>
    <preamble><p>We, the people of Kenya</p></preamble>
    <body>
      <chapter eId="chp_1"><num>ONE</num><heading>Sovereignty</heading>
        <article eId="chp_1__art_1"><num>1.</num><heading>Sovereignty of the people</heading>
          <clause eId="chp_1__art_1__cls_1"><num>(1)</num><content><p>All sovereign power belongs to the <term refersTo="#people">people</term> of Kenya.</p></content></clause>
          <clause eId="chp_1__art_1__cls_2"><num>(2)</num><content><blockList eId="l"><listIntroduction>The people may exercise it —</listIntroduction>
            <item eId="a"><num>(a)</num><p>directly; or</p></item><item eId="b"><num>(b)</num><p>through representatives.</p></item></blockList></content></clause>
        </article>
      </chapter>
      <clause eId="cls_3"><num>(3)</num><content><p>An orphan clause.</p></content></clause>
      <chapter eId="chp_2"><num>TWO</num><heading>The Republic</heading>
        <clause eId="cls_x"><num>(9)</num><content><p>Not adjacent: a new chapter began.</p></content></clause>
        <article eId="chp_2__art_4"><num>4.</num><content><p>Kenya is a sovereign Republic.</p></content></article>
      </chapter>
    </body>
    <attachments><attachment eId="att_1"><doc name="schedule"><meta/><mainBody><article eId="att_1__art_1"><num>1.</num><heading>Not an extract</heading></article></mainBody></doc></attachment></attachments>
  </act>
</akomaNtoso>`;

describe('Akoma Ntoso reader', () => {
  it('reads the articles of the main body, their numbers, headings and text as lines', () => {
    const doc = read(SAMPLE);
    assert.deepEqual(doc.issues, []);
    assert.deepEqual(doc.units.map((u) => [u.kind, u.eId, u.num, u.heading]), [
      ['article', 'chp_1__art_1', '1.', 'Sovereignty of the people'],
      ['article', 'chp_2__art_4', '4.', undefined],
    ]);
    assert.equal(
      doc.units[0]!.body,
      ['(1) All sovereign power belongs to the people of Kenya.', '(2) The people may exercise it —', '(a) directly; or', '(b) through representatives.', '(3) An orphan clause.'].join('\n'),
    );
    assert.deepEqual(doc.warnings.map((w) => w.field), ['clause cls_3']);
    assert.equal(doc.units[1]!.body, 'Kenya is a sovereign Republic.');
    const lines = doc.fullText.split('\n');
    assert.deepEqual(lines.slice(0, 3), ['We, the people of Kenya', 'Chapter ONE Sovereignty', '1. Sovereignty of the people']);
    assert.ok(lines.includes('(9) Not adjacent: a new chapter began.'));
    assert.ok(lines.includes('1. Not an extract'), 'attachments are in the full text');
  });

  it('maps the act to a law and its articles to extracts', () => {
    const { records, issues } = mapAkn(read(SAMPLE), countries);
    assert.deepEqual(issues, []);
    const [law, ...extracts] = records.map((r) => r.value);
    assert.deepEqual(law, {
      type: 'law',
      id: 'ke-act-2010-08-27-constitution',
      country: 'KEN',
      original_lang: 'en',
      adopted_on: '2010-08-27',
      texts: { en: { title: 'Constitution of Kenya, 2010', full_text: read(SAMPLE).fullText } },
    });
    assert.deepEqual(extracts.map((e) => [e.id, (e as LegislationDocument).article_ref, e.texts.en?.title, (e as LegislationDocument).position]), [
      ['ke-act-2010-08-27-constitution.art-1', 'Article 1', 'Sovereignty of the people', 0],
      ['ke-act-2010-08-27-constitution.art-4', 'Article 4', 'Article 4', 1],
    ]);
  });

  it('derives ids and codes deterministically', () => {
    assert.equal(lawIdFromWorkUri('/akn/za/act/1996/constitution'), 'za-act-1996-constitution');
    assert.equal(lawIdFromWorkUri('/akn/za-wc/act/by-law/2003/Öffentliche_Ordnung/!main'), 'za-wc-act-by-law-2003-offentliche-ordnung');
    const long = lawIdFromWorkUri(`/akn/fr/act/2020/${'x'.repeat(300)}`)!;
    assert.ok(long.length <= 100 && /^[a-z0-9][a-z0-9._-]*$/.test(long));
    assert.deepEqual(['eng', 'fra', 'fre', 'zho', 'ara', 'rus', 'spa', 'nso'].map((c) => bcp47FromIso639(c)), ['en', 'fr', 'fr', 'zh', 'ar', 'ru', 'es', 'nso']);
    assert.equal(bcp47FromIso639('not a code'), undefined);
    assert.deepEqual(['en', 'fr', 'zh', 'ar', 'ru', 'es', 'pt-BR', 'nso'].map(iso639FromBcp47), ['eng', 'fra', 'zho', 'ara', 'rus', 'spa', 'por', 'nso']);
  });
});

describe('Akoma Ntoso writer', () => {
  // Text XML 1.0 can carry (control characters other than tab, LF and CR cannot be written at all).
  // eslint-disable-next-line no-control-regex
  const xmlText = fc.string({ unit: 'binary', minLength: 1, maxLength: 80 }).filter((s) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/.test(s) && s.trim().length > 0);
  const inline = (s: string) => s.replace(/[\s\u00a0]+/g, ' ').trim();

  it('writes well-formed documents that read back to the same law, whatever the text', () => {
    fc.assert(
      fc.property(xmlText, xmlText, fc.option(xmlText, { nil: undefined }), fc.array(fc.tuple(xmlText, xmlText), { maxLength: 4 }), (title, fullText, citation, items) => {
        const law: LawDocument = { type: 'law', id: 'law-x', country: 'FRA', original_lang: 'fr', texts: { fr: { title, full_text: fullText } }, ...(citation ? { citation } : {}) };
        const extracts: LegislationDocument[] = items.map(([heading, body], i) => ({
          type: 'legislation',
          id: `law-x.e${i}`,
          country: 'FRA',
          law_id: 'law-x',
          article_ref: `Article ${i + 1}`,
          position: i,
          texts: { fr: { title: heading, body } },
        }));
        const xml = writeAkn({ law, extracts, iso2: 'FR', generatedOn: '2024-01-01' });
        const doc = read(xml, 13);
        assert.deepEqual(doc.issues, []);
        const { records, issues } = mapAkn(doc, countries);
        assert.deepEqual(issues, []);
        const back = records[0]!.value as LawDocument;
        assert.equal(back.id, 'law-x');
        assert.equal(back.texts.fr?.title, title.trim(), 'titles are stored trimmed');
        assert.equal(back.texts.fr?.full_text, fullText);
        assert.equal(back.citation, citation);
        assert.deepEqual(
          records.slice(1).map((r) => [r.value.id, r.value.texts.fr?.title, (r.value as LegislationDocument).texts.fr?.body]),
          extracts.map((e) => {
            const body = e.texts.fr!.body!.split('\n').map(inline).filter(Boolean).join('\n');
            return [e.id, inline(e.texts.fr!.title), body || undefined];
          }),
        );
      }),
      { numRuns: 200 },
    );
  });
});
