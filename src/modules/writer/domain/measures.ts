/**
 * The measures of UNTOC art. 18(3), each with its own questions (asked in the assistance step of an
 * MLA request when the drafter chooses the measure), and the directory's measure code (taxonomy
 * "measure") whose requirements the requested State's entry states.
 */
import type { Answers, Question } from './model.js';

export interface MeasureDef {
  id: string;
  /** UNTOC art. 18(3) letter, or 18(18) for the hearing by videoconference. */
  article: string;
  /** Code of the reference taxonomy "measure" (directory requirements). */
  code: string;
  questions: Question[];
}

const chosen = (a: Answers, m: string) => {
  const v = a.measures;
  return Array.isArray(v) ? v.includes(m) : v === m;
};

/** The questions of a measure are shown and required only when the measure is chosen. */
function measure(id: string, article: string, code: string, questions: Question[]): MeasureDef {
  return {
    id,
    article,
    code,
    questions: questions.map((q) => ({ ...q, when: (a: Answers) => chosen(a, id) && (q.when ? q.when(a) : true) })),
  };
}

const yes = (a: Answers, id: string) => a[id] === 'yes';

export const MEASURES: readonly MeasureDef[] = [
  measure('taking_evidence', '18(3)(a)', 'taking-evidence', [
    { id: 'evidence_sought', type: 'area' },
    { id: 'evidence_from', type: 'area' },
  ]),
  measure('service_documents', '18(3)(b)', 'service-of-documents', [
    { id: 'documents_to_serve', type: 'area' },
    { id: 'addressee', type: 'area' },
  ]),
  measure('search_seizure', '18(3)(c)', 'search-seizure-freezing', [
    { id: 'search_place', type: 'area' },
    { id: 'items_sought', type: 'area' },
    { id: 'domestic_order', type: 'area' },
  ]),
  measure('examine_objects', '18(3)(d)', 'examining-objects-sites', [
    { id: 'object_or_site', type: 'area' },
    { id: 'examination_sought', type: 'area' },
  ]),
  measure('information_expert', '18(3)(e)', 'information-expert-evaluations', [{ id: 'information_sought', type: 'area' }]),
  measure('records', '18(3)(f)', 'documents-records', [
    { id: 'records_type', type: 'choice', options: ['bank', 'government', 'corporate', 'other_records'] },
    { id: 'records_description', type: 'area' },
    { id: 'bank_account', type: 'text', when: (a) => a.records_type === 'bank' },
    { id: 'bank_name', type: 'text', when: (a) => a.records_type === 'bank' },
    { id: 'period_from', type: 'date', when: (a) => a.records_type === 'bank' },
    { id: 'period_to', type: 'date', when: (a) => a.records_type === 'bank' },
    { id: 'certified_copies', type: 'yesno', required: false },
  ]),
  measure('tracing_proceeds', '18(3)(g)', 'tracing-proceeds', [
    { id: 'property_description', type: 'area' },
    { id: 'property_location', type: 'area', required: false },
  ]),
  measure('voluntary_appearance', '18(3)(h)', 'voluntary-appearance', [
    { id: 'appearance_person', type: 'area' },
    { id: 'appearance_terms', type: 'area' },
  ]),
  measure('witness_hearing', '18(3)(a), 18(18)', 'video-hearing', [
    { id: 'witness_person', type: 'area' },
    { id: 'witness_questions', type: 'area' },
    { id: 'officials_present', type: 'yesno' },
    { id: 'officials_names', type: 'area', when: (a) => yes(a, 'officials_present') },
    { id: 'videoconference', type: 'yesno' },
    { id: 'videoconference_details', type: 'area', when: (a) => yes(a, 'videoconference') },
  ]),
  measure('other_assistance', '18(3)(i)', 'other-assistance', [{ id: 'other_description', type: 'area' }]),
];

export const MEASURE_IDS = MEASURES.map((m) => m.id);

/** The measures an MLA draft asks for. */
export function chosenMeasures(a: Answers): MeasureDef[] {
  return MEASURES.filter((m) => chosen(a, m.id));
}
