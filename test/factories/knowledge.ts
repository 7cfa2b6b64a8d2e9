/** Factories for knowledge records: valid by default, override what the test is about. */
import type { CaseDocument, LawDocument, LegislationDocument, StrategyDocument, TreatyDocument } from '../../src/modules/knowledge/domain/schemas.js';

let n = 0;
const next = () => `${Date.now().toString(36)}-${(n++).toString(36)}`;

export function aLaw(over: Partial<LawDocument> = {}): LawDocument {
  return {
    type: 'law',
    id: `law-${next()}`,
    country: 'FRA',
    citation: 'Loi n° 2004-204 du 9 mars 2004',
    adopted_on: '2004-03-09',
    original_lang: 'fr',
    texts: { fr: { title: 'Loi portant adaptation de la justice aux évolutions de la criminalité' } },
    ...over,
  };
}

export function anExtract(lawId: string, over: Partial<LegislationDocument> = {}): LegislationDocument {
  return {
    type: 'legislation',
    id: `leg-${next()}`,
    country: 'FRA',
    law_id: lawId,
    article_ref: 'Art. 694',
    original_lang: 'fr',
    texts: {
      fr: { title: 'Entraide judiciaire internationale', body: 'Les demandes d’entraide émanant des autorités judiciaires étrangères sont exécutées…' },
      en: { title: 'International mutual legal assistance', body: 'Requests for assistance from foreign judicial authorities are executed…', machine_translated: true, translated_from: 'fr' },
    },
    ...over,
  };
}

export function aCase(over: Partial<CaseDocument> = {}): CaseDocument {
  return {
    type: 'case',
    id: `case-${next()}`,
    country: 'ITA',
    court: 'Corte Suprema di Cassazione',
    case_number: '12345/2019',
    decision_date: '2019-05-14',
    untoc_legal_basis: true,
    cooperating_states: ['ESP'],
    original_lang: 'it',
    texts: {
      en: {
        title: 'Extradition for participation in an organized criminal group',
        summary: 'The Court granted extradition on the basis of the Convention.',
        facts: 'The person sought was a member of a group trafficking cocaine between Colombia and Spain.',
        decision: 'Extradition granted.',
      },
    },
    sources: [{ title: 'Court website', url: 'https://www.cortedicassazione.it/' }],
    ...over,
  };
}

export function aTreaty(over: Partial<TreatyDocument> = {}): TreatyDocument {
  return {
    type: 'treaty',
    id: `treaty-${next()}`,
    kind: 'bilateral',
    adopted_on: '2001-06-01',
    texts: { en: { title: 'Treaty on Mutual Legal Assistance in Criminal Matters between France and Italy' } },
    parties: [
      { country: 'FRA', signed_on: '2001-06-01', consent_kind: 'ratification', consent_on: '2002-01-10' },
      { country: 'ITA', signed_on: '2001-06-01', consent_kind: 'ratification', consent_on: '2002-03-15' },
    ],
    provisions: [{ number: '1', titles: { en: 'Obligation to provide assistance' }, texts: { en: 'The Parties shall afford each other assistance.' } }],
    ...over,
  };
}

export function aStrategy(over: Partial<StrategyDocument> = {}): StrategyDocument {
  return {
    type: 'strategy',
    id: `strategy-${next()}`,
    country: 'ESP',
    period_start: 2019,
    period_end: 2023,
    adopted_by: 'Consejo de Ministros',
    original_lang: 'es',
    texts: { es: { title: 'Estrategia Nacional contra el Crimen Organizado y la Delincuencia Grave', summary: 'Estrategia nacional.' } },
    ...over,
  };
}
