/**
 * The questions of each step (pure). Every kind asks what UNTOC art. 18(15) requires — (a) the
 * requesting authority, (b) subject, nature and authority of the investigation, (c) the facts (not
 * for service of documents alone), (d) the assistance sought and procedure, (e) the persons, (f) the
 * purpose — then the legal basis, and what the requested State's directory entry requires.
 */
import { KINDS, type WriterKind } from './kinds.js';
import { chosenMeasures } from './measures.js';
import { DOC_LANGS, type Answers, type Question, type RequestedState, type StepId } from './model.js';

/** Casework's legal basis vocabulary (casework/domain/vocabulary.ts LEGAL_BASIS_TYPES). */
export const LEGAL_BASES = ['untoc', 'untoc_protocol', 'uncac', 'treaty', 'reciprocity', 'domestic_law', 'other'] as const;

/** The requested State's answers need "conditions" on a measure to be met: one question per such measure. */
export const conditionField = (code: string) => `cond_${code.replace(/[^a-z0-9]/g, '_')}`;

const ASSURANCE = /assurance|guarantee|garantie|garantía|гарант|保证|担保|ضمان/i;

/** The requested State's entry asks for assurances (in its conditions or notes). */
export function asksAssurances(requested: RequestedState, codes: readonly string[]): string | null {
  for (const r of requested.requirements) if (codes.includes(r.measure) && r.conditions && ASSURANCE.test(r.conditions)) return r.conditions;
  return requested.notes && ASSURANCE.test(requested.notes) ? requested.notes : null;
}

/** Languages the draft may be written in: those the requested State accepts among the six, else the six. */
export function documentLanguages(requested: RequestedState): string[] {
  const accepted = DOC_LANGS.filter((l) => requested.languages.some((x) => x.toLowerCase().split('-')[0] === l));
  return accepted.length ? accepted : [...DOC_LANGS];
}

const onlyService = (a: Answers, kind: WriterKind) => {
  if (kind !== 'mla') return false;
  const m = chosenMeasures(a);
  return m.length > 0 && m.every((x) => x.id === 'service_documents');
};

export function questionsOf(kind: WriterKind, step: StepId, a: Answers, requested: RequestedState): Question[] {
  const def = KINDS[kind];
  switch (step) {
    case 'authority':
      return [
        { id: 'requesting_authority', type: 'text', element: '18(15)(a)' },
        { id: 'authority_contact', type: 'area', element: '18(15)(a)' },
        { id: 'officer_name', type: 'text' },
      ];
    case 'investigation':
      return [
        { id: 'subject_nature', type: 'area', element: '18(15)(b)' },
        { id: 'conducting_authority', type: 'text', element: '18(15)(b)' },
        { id: 'proceeding_number', type: 'text', required: false },
        { id: 'offences', type: 'area', element: '18(15)(b)' },
        { id: 'fiscal', type: 'yesno' },
      ];
    case 'facts':
      return [{ id: 'facts_summary', type: 'area', element: '18(15)(c)', required: (x) => !onlyService(x, kind) }];
    case 'assistance':
      return [...def.assistance, { id: 'procedure', type: 'area', required: false, element: '18(15)(d)' }];
    case 'persons':
      return [
        { id: 'persons_known', type: 'yesno', element: '18(15)(e)' },
        { id: 'person_identity', type: 'area', when: (x) => x.persons_known === 'yes', element: '18(15)(e)' },
        { id: 'person_location', type: 'area', when: (x) => x.persons_known === 'yes', required: false, element: '18(15)(e)' },
        { id: 'person_nationality', type: 'text', when: (x) => x.persons_known === 'yes', required: false, element: '18(15)(e)' },
      ];
    case 'purpose':
      return [
        { id: 'purpose', type: 'area', element: '18(15)(f)' },
        { id: 'urgent', type: 'yesno' },
        { id: 'urgency_reason', type: 'area', when: (x) => x.urgent === 'yes' },
        { id: 'confidential', type: 'yesno', required: false },
      ];
    case 'basis':
      return [
        { id: 'legal_basis', type: 'choice', options: LEGAL_BASES },
        { id: 'legal_basis_instrument', type: 'text', when: (x) => x.legal_basis === 'treaty' || x.legal_basis === 'untoc_protocol' || x.legal_basis === 'other' },
        { id: 'legal_basis_article', type: 'text', required: false },
      ];
    case 'requested': {
      const codes = def.codes(a);
      const qs: Question[] = [{ id: 'doc_language', type: 'choice', options: documentLanguages(requested) }];
      if (requested.channels.length) qs.push({ id: 'channel', type: 'choice', options: requested.channels });
      for (const r of requested.requirements) if (codes.includes(r.measure) && r.status === 'conditions') qs.push({ id: conditionField(r.measure), type: 'area' });
      if (def.eEvidence && requested.eEvidence[def.eEvidence]) qs.push({ id: 'eevidence_met', type: 'area' });
      if (def.coercive(a)) qs.push({ id: 'dual_criminality', type: 'area' });
      if (a.fiscal === 'yes') qs.push({ id: 'fiscal_explanation', type: 'area' });
      if (asksAssurances(requested, codes)) qs.push({ id: 'assurances', type: 'area' });
      return qs;
    }
    case 'review':
      return [];
  }
}
