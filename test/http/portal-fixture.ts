/**
 * Content for the portal tests: an instrument with articles and parties, a protocol, a law with
 * extracts and a file, cases (one with hostile markup, one only in French and demo, one in
 * Arabic and Chinese), a strategy and an unpublished extract. Ids are unique per call.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../src/platform/db/schema.js';
import { saveRecords } from '../../src/modules/knowledge/service.js';
import type { KnowledgeRecord } from '../../src/modules/knowledge/domain/schemas.js';
import { aCase, aLaw, aStrategy, aTreaty, anExtract } from '../factories/knowledge.js';
import { ensureTestPlaces } from '../factories/reference.js';

export const HOSTILE = '<script>alert(1)</script> "quotes" & <b>bold</b>';
export const PDF_BYTES = Buffer.from('%PDF-1.4\n% test file\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

let n = 0;

export async function seedPortal(db: Kysely<DB>) {
  await ensureTestPlaces(db);
  const s = `${Date.now().toString(36)}${(n++).toString(36)}`;
  const instrumentId = `tst-toc-${s}`;
  const protocolId = `tst-prot-${s}`;
  const instrument = aTreaty({
    id: instrumentId,
    kind: 'universal',
    short_name: `TOC-${s}`,
    organization: 'United Nations',
    adopted_on: '2000-11-15',
    adopted_at: 'New York',
    entry_into_force_on: '2003-09-29',
    depositary: 'Secretary-General of the United Nations',
    texts: {
      en: { title: `Test Convention against Transnational Organized Crime ${s}`, summary: 'A test instrument.' },
      fr: { title: `Convention d’essai contre la criminalité transnationale organisée ${s}` },
    },
    provisions: [
      { number: '1', titles: { en: 'Statement of purpose', fr: 'Objet' }, texts: { en: 'The purpose of this Convention is to promote cooperation.', fr: 'La présente Convention a pour objet de promouvoir la coopération.' } },
      { number: '2', titles: { en: 'Use of terms' }, texts: { en: 'For the purposes of this Convention:\n(a) "Organized criminal group" shall mean…\n\n(b) "Serious crime" shall mean…' } },
      { number: '18', titles: { en: 'Mutual legal assistance' }, texts: { en: '1. States Parties shall afford one another the widest measure of mutual legal assistance.', nl: '1. De Staten die partij zijn verlenen elkaar de ruimst mogelijke wederzijdse rechtshulp.' }, terms: ['cooperation:mla'] },
      { number: '19', titles: { en: `Joint investigations ${HOSTILE}` }, texts: { en: `States Parties shall consider concluding agreements. ${HOSTILE}` } },
    ],
    parties: [
      { country: 'FRA', signed_on: '2000-12-12', consent_kind: 'ratification', consent_on: '2002-10-29', entry_into_force_on: '2003-09-29' },
      { country: 'ITA', signed_on: '2000-12-12', consent_kind: 'ratification', consent_on: '2006-08-02', entry_into_force_on: '2006-09-01', declarations: 'Declaration under article 18(13).' },
      { country: 'CHN', signed_on: '2000-12-12', consent_kind: 'ratification', consent_on: '2003-09-23', reservations: `Reservation to article 35(2). ${HOSTILE}` },
      { country: 'EGY', signed_on: '2000-12-13' },
      { country: 'COL', consent_kind: 'accession', consent_on: '2004-08-04' },
    ],
  });
  const protocol = aTreaty({
    id: protocolId,
    kind: 'universal',
    short_name: `PROT-${s}`,
    parent_id: instrumentId,
    texts: { en: { title: `Test Protocol supplementing the Convention ${s}` } },
    provisions: [{ number: '1', titles: { en: 'Relation with the Convention' }, texts: { en: 'This Protocol supplements the Convention.' } }],
    parties: [],
  });
  const bilateral = aTreaty({ id: `tst-bilat-${s}` });
  const law = aLaw({
    id: `tst-law-${s}`,
    source_url: 'https://www.legifrance.gouv.fr/',
    texts: {
      fr: { title: `Code de procédure pénale ${s}`, full_text: `Article 694\nLes demandes d’entraide…\n\nArticle 695\nL’extradition…\n\n${HOSTILE}` },
      en: { title: `Code of Criminal Procedure ${s}`, machine_translated: true, translated_from: 'fr' },
    },
    attachment: { filename: 'code pénal é.pdf', media_type: 'application/pdf', content_base64: PDF_BYTES.toString('base64') },
  });
  const extract1 = anExtract(law.id, { id: `tst-leg1-${s}`, position: 1, article_ref: 'Art. 694', articles: [`${instrumentId}:18`], cooperation_types: ['mla'] });
  const extract2 = anExtract(law.id, {
    id: `tst-leg2-${s}`,
    position: 2,
    article_ref: 'Art. 695',
    texts: { fr: { title: `Extradition ${HOSTILE}`, body: `Première ligne.\nDeuxième ligne.\n\nNouveau paragraphe. ${HOSTILE}` } },
  });
  const unpublished = anExtract(law.id, { id: `tst-draft-${s}`, position: 3, texts: { en: { title: 'Draft extract', status: 'draft' } } });
  const hostileCase = aCase({
    id: `tst-case-${s}`,
    ecli: 'ECLI:IT:CASS:2019:12345',
    articles: [`${instrumentId}:18`],
    crime_types: ['drug-offences'],
    cooperation_types: ['extradition'],
    cooperating_states: ['ESP', 'COL'],
    texts: {
      en: {
        title: `Case ${s} ${HOSTILE}`,
        summary: `Summary with ${HOSTILE}`,
        facts: 'First paragraph of the facts.\n\nSecond paragraph of the facts.',
        decision: 'Extradition granted.',
      },
    },
    sources: [{ title: `Judgment ${HOSTILE}`, url: 'https://www.cortedicassazione.it/' }],
  });
  const frenchDemoCase = aCase({
    id: `tst-frcase-${s}`,
    country: 'FRA',
    demo: true,
    original_lang: 'fr',
    cooperating_states: ['ITA'],
    texts: { fr: { title: `Affaire d’entraide ${s}`, summary: 'La chambre de l’instruction a ordonné l’exécution de la demande.' } },
  });
  const multilingualCase = aCase({
    id: `tst-mlcase-${s}`,
    country: 'EGY',
    original_lang: 'ar',
    cooperating_states: ['CHN', 'ITA'],
    articles: [`${instrumentId}:18`],
    cooperation_types: ['mla'],
    texts: {
      ar: { title: `قضية تعاون قضائي ${s}`, summary: 'قررت المحكمة تنفيذ طلب المساعدة القانونية المتبادلة.', facts: 'طلبت السلطات المختصة تجميد الأموال.' },
      zh: { title: `司法协助案例 ${s}`, summary: '法院决定执行司法协助请求。', machine_translated: true, translated_from: 'ar' },
      en: { title: `Judicial cooperation case ${s}`, summary: 'The court decided to execute the request for mutual legal assistance.', facts: 'The competent authorities asked for the freezing of funds.' },
    },
  });
  const strategy = aStrategy({
    id: `tst-strat-${s}`,
    source_url: 'https://www.interior.gob.es/',
    texts: { es: { title: 'Estrategia Nacional contra el Crimen Organizado y la Delincuencia Grave', summary: `Estrategia nacional. ${HOSTILE}` } },
  });
  // Instruments first: article tags must refer to existing articles.
  await saveRecords(db, [instrument, protocol, bilateral], { origin: 'import' });
  const records: KnowledgeRecord[] = [law, extract1, extract2, unpublished, hostileCase, frenchDemoCase, multilingualCase, strategy];
  await saveRecords(db, records, { origin: 'import' });
  return { s, instrument, protocol, bilateral, law, extract1, extract2, unpublished, hostileCase, frenchDemoCase, multilingualCase, strategy };
}

export type PortalFixture = Awaited<ReturnType<typeof seedPortal>>;
