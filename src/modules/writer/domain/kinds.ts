/**
 * One declarative definition per kind of request the writer drafts: the casework kind it becomes,
 * the directory function that receives it and the measure codes whose requirements the requested
 * State states, whether it is coercive (dual criminality), and the questions of its assistance step.
 * The steps common to every kind (art. 18(15)) are in steps.ts.
 */
import { MEASURES, MEASURE_IDS, chosenMeasures } from './measures.js';
import type { Answers, Question } from './model.js';

export const WRITER_KINDS = [
  'mla',
  'preservation',
  'subscriber_information',
  'traffic_data',
  'content_data',
  'realtime_collection',
  'extradition',
  'transfer_sentenced',
  'transfer_proceedings',
  'confiscation',
  'jit_agreement',
  'spontaneous_information',
  'voluntary_disclosure',
  'emergency_disclosure',
  'stored_data_mla',
] as const;
export type WriterKind = (typeof WRITER_KINDS)[number];

/** The e-evidence model forms (linked from the e-evidence hub as /{lang}/writer/new?kind=<id>). */
export const MODEL_FORMS: readonly WriterKind[] = ['preservation', 'voluntary_disclosure', 'emergency_disclosure', 'stored_data_mla', 'realtime_collection'];

export function isWriterKind(s: unknown): s is WriterKind {
  return typeof s === 'string' && (WRITER_KINDS as readonly string[]).includes(s);
}

/** Casework's kinds (casework/domain/vocabulary.ts), as the writer files its drafts. */
export type CaseKindOf = 'mla' | 'extradition' | 'transfer_sentenced' | 'transfer_proceedings' | 'confiscation' | 'joint_investigation' | 'spontaneous_information' | 'other';

export interface KindDef {
  id: WriterKind;
  caseKind: CaseKindOf;
  /** The directory function that receives it (the requested State's authority). */
  fn: 'mla' | 'extradition' | 'transfer-sentenced-persons' | 'confiscation' | 'cyber-24-7';
  /** Directory measure codes whose requirements apply (for MLA: those of the chosen measures). */
  codes: (a: Answers) => string[];
  /** Directory e-evidence requirements that apply. */
  eEvidence?: 'preservation' | 'disclosure';
  /** Coercive: dual criminality is a known refusal risk, and the drafter must address it. */
  coercive: (a: Answers) => boolean;
  /** The art. 18(3) / instrument reference shown on the document. */
  article: string;
  assistance: Question[];
}

const fixed = (...codes: string[]) => () => codes;
const never = () => false;
const always = () => true;

const provider: Question = { id: 'provider', type: 'area', element: '29(2)(d)' };
const identifiers: Question = { id: 'identifiers', type: 'area' };
const period: Question[] = [
  { id: 'period_from', type: 'date' },
  { id: 'period_to', type: 'date' },
];
const order: Question = { id: 'domestic_order', type: 'area' };

export const KINDS: Record<WriterKind, KindDef> = {
  mla: {
    id: 'mla',
    caseKind: 'mla',
    fn: 'mla',
    codes: (a) => chosenMeasures(a).map((m) => m.code),
    coercive: (a) => chosenMeasures(a).some((m) => m.id === 'search_seizure' || m.id === 'tracing_proceeds'),
    article: 'UNTOC art. 18(3)',
    assistance: [{ id: 'measures', type: 'multi', options: MEASURE_IDS, element: '18(15)(d)' }, ...MEASURES.flatMap((m) => m.questions)],
  },
  preservation: {
    id: 'preservation',
    caseKind: 'mla',
    fn: 'cyber-24-7',
    codes: fixed('data-preservation'),
    eEvidence: 'preservation',
    coercive: never,
    article: 'Budapest Convention art. 29',
    assistance: [
      { id: 'data_to_preserve', type: 'area', element: '29(2)(c)' },
      { id: 'data_relation', type: 'area', element: '29(2)(c)' },
      provider,
      identifiers,
      { id: 'necessity', type: 'area', element: '29(2)(e)' },
      { id: 'mla_to_follow', type: 'yesno', mustBeYes: true, element: '29(2)(f)' },
    ],
  },
  subscriber_information: {
    id: 'subscriber_information',
    caseKind: 'mla',
    fn: 'mla',
    codes: fixed('subscriber-information'),
    eEvidence: 'disclosure',
    coercive: never,
    article: 'UNTOC art. 18(3)(f); Budapest Convention art. 31',
    assistance: [provider, identifiers, ...period],
  },
  traffic_data: {
    id: 'traffic_data',
    caseKind: 'mla',
    fn: 'mla',
    codes: fixed('traffic-data-disclosure'),
    eEvidence: 'disclosure',
    coercive: never,
    article: 'UNTOC art. 18(3)(f); Budapest Convention art. 31',
    assistance: [provider, identifiers, ...period, { id: 'data_categories', type: 'area' }],
  },
  content_data: {
    id: 'content_data',
    caseKind: 'mla',
    fn: 'mla',
    codes: fixed('stored-data-access'),
    eEvidence: 'disclosure',
    coercive: always,
    article: 'UNTOC art. 18(3)(c), (f); Budapest Convention art. 31',
    assistance: [provider, identifiers, ...period, { id: 'content_description', type: 'area' }, order],
  },
  realtime_collection: {
    id: 'realtime_collection',
    caseKind: 'mla',
    fn: 'mla',
    codes: (a) => (a.realtime_type === 'content' ? ['interception-content-data'] : ['real-time-traffic-data']),
    eEvidence: 'disclosure',
    coercive: always,
    article: 'Budapest Convention arts. 33, 34',
    assistance: [{ id: 'realtime_type', type: 'choice', options: ['traffic', 'content'] }, identifiers, provider, { id: 'duration', type: 'text' }, order],
  },
  extradition: {
    id: 'extradition',
    caseKind: 'extradition',
    fn: 'extradition',
    codes: fixed(),
    coercive: always,
    article: 'UNTOC art. 16',
    assistance: [
      { id: 'warrant_details', type: 'area' },
      { id: 'penalty', type: 'area' },
      { id: 'person_whereabouts', type: 'area' },
      { id: 'provisional_arrest', type: 'yesno' },
      { id: 'arrest_urgency', type: 'area', when: (a) => a.provisional_arrest === 'yes' },
    ],
  },
  transfer_sentenced: {
    id: 'transfer_sentenced',
    caseKind: 'transfer_sentenced',
    fn: 'transfer-sentenced-persons',
    codes: fixed(),
    coercive: never,
    article: 'UNTOC art. 17',
    assistance: [
      { id: 'sentence_details', type: 'area' },
      { id: 'sentence_remaining', type: 'text' },
      { id: 'person_consent', type: 'yesno' },
    ],
  },
  transfer_proceedings: {
    id: 'transfer_proceedings',
    caseKind: 'transfer_proceedings',
    fn: 'mla',
    codes: fixed(),
    coercive: always,
    article: 'UNTOC art. 21',
    assistance: [
      { id: 'transfer_reasons', type: 'area' },
      { id: 'file_contents', type: 'area' },
    ],
  },
  confiscation: {
    id: 'confiscation',
    caseKind: 'confiscation',
    fn: 'confiscation',
    codes: fixed('tracing-proceeds'),
    coercive: always,
    article: 'UNTOC art. 13',
    assistance: [
      { id: 'confiscation_type', type: 'choice', options: ['enforce_order', 'obtain_order'] },
      { id: 'property_description', type: 'area' },
      { id: 'property_location', type: 'area' },
      { id: 'order_details', type: 'area', when: (a) => a.confiscation_type === 'enforce_order' },
    ],
  },
  jit_agreement: {
    id: 'jit_agreement',
    caseKind: 'joint_investigation',
    fn: 'mla',
    codes: fixed(),
    coercive: never,
    article: 'UNTOC art. 19',
    assistance: [
      { id: 'jit_parties', type: 'area' },
      { id: 'jit_composition', type: 'area' },
      { id: 'jit_duration', type: 'text' },
    ],
  },
  spontaneous_information: {
    id: 'spontaneous_information',
    caseKind: 'spontaneous_information',
    fn: 'mla',
    codes: fixed(),
    coercive: never,
    article: 'UNTOC art. 18(4)',
    assistance: [
      { id: 'information_transmitted', type: 'area' },
      { id: 'use_conditions', type: 'area', required: false },
    ],
  },
  voluntary_disclosure: {
    id: 'voluntary_disclosure',
    caseKind: 'other',
    fn: 'mla',
    codes: fixed('subscriber-information'),
    eEvidence: 'disclosure',
    coercive: never,
    article: 'Budapest Convention art. 32(b); Second Additional Protocol art. 7',
    assistance: [provider, identifiers, { id: 'data_sought', type: 'area' }, ...period, { id: 'non_disclosure', type: 'yesno' }],
  },
  emergency_disclosure: {
    id: 'emergency_disclosure',
    caseKind: 'other',
    fn: 'cyber-24-7',
    codes: fixed('emergency-disclosure'),
    eEvidence: 'disclosure',
    coercive: never,
    article: 'Budapest Convention Second Additional Protocol arts. 9, 10',
    assistance: [provider, identifiers, { id: 'data_sought', type: 'area' }, { id: 'emergency_description', type: 'area' }, { id: 'why_urgent', type: 'area' }],
  },
  stored_data_mla: {
    id: 'stored_data_mla',
    caseKind: 'mla',
    fn: 'mla',
    codes: fixed('stored-data-access'),
    eEvidence: 'disclosure',
    coercive: always,
    article: 'UNTOC art. 18(3)(f); Budapest Convention art. 31',
    assistance: [{ id: 'preservation_reference', type: 'text' }, provider, identifiers, { id: 'data_sought', type: 'area' }, ...period, order],
  },
};
