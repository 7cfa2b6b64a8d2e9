/**
 * The vocabulary of the request writer (pure): answers, questions, steps, kinds, and what the
 * requested State's directory entry asks (RequestedState). Definitions are in kinds.ts and
 * measures.ts; the completeness rules in completeness.ts.
 */

/** A draft's answers: question id → text (or the ids chosen for a multiple choice). */
export type Answers = Record<string, string | string[]>;

export type QuestionType = 'text' | 'area' | 'date' | 'yesno' | 'choice' | 'multi';

export interface Question {
  id: string;
  type: QuestionType;
  /** Required when shown (default true). A function decides from the answers. */
  required?: boolean | ((a: Answers) => boolean);
  /** Shown (and checked) only when this holds. */
  when?: (a: Answers) => boolean;
  /** Choices (ids; labels are catalogue keys opt_<id>) for choice and multi. */
  options?: readonly string[];
  /** The art. 18(15) element (a)–(f) or the Budapest art. 29(2) element the question answers. */
  element?: string;
  /** The answer must be "yes" (e.g. a preservation request states that a request for MLA will follow). */
  mustBeYes?: boolean;
}

/** The steps every kind goes through, in order. */
export const STEPS = ['authority', 'investigation', 'facts', 'assistance', 'persons', 'purpose', 'basis', 'requested', 'review'] as const;
export type StepId = (typeof STEPS)[number];

export function isStep(s: unknown): s is StepId {
  return typeof s === 'string' && (STEPS as readonly string[]).includes(s);
}

/** The six UN languages, in which the fixed parts of a document exist. */
export const DOC_LANGS = ['ar', 'zh', 'en', 'fr', 'es', 'ru'] as const;
export type DocLang = (typeof DOC_LANGS)[number];

/** What the requested State's directory entry says that matters for a draft (read through the directory's public entry). */
export interface RequestedState {
  country: string;
  /** An authority of the State was found in the directory (the one the request goes to). */
  authorityId: string | null;
  /** Languages its entry accepts (BCP 47 primary tags), empty when it says nothing. */
  languages: string[];
  channels: string[];
  electronic: string | null;
  urgentProcedure: string | null;
  /** Per measure code: applicable, not_applicable or conditions (with their text). */
  requirements: { measure: string; status: 'applicable' | 'not_applicable' | 'conditions'; conditions: string | null }[];
  eEvidence: { preservation: string | null; disclosure: string | null };
  untocExtradition: 'yes' | 'no' | 'unknown' | null;
  notes: string | null;
}

export const NO_ENTRY = (country: string): RequestedState => ({
  country,
  authorityId: null,
  languages: [],
  channels: [],
  electronic: null,
  urgentProcedure: null,
  requirements: [],
  eEvidence: { preservation: null, disclosure: null },
  untocExtradition: null,
  notes: null,
});

/** One missing or wrong item: the step, the question (field) and why. */
export interface MissingItem {
  step: StepId;
  field: string;
  reason: 'required' | 'must_be_yes' | 'not_accepted' | 'bad_date';
}

export type RiskCode = 'dual_criminality' | 'fiscal_offence' | 'assurances' | 'measure_not_available' | 'language_not_stated' | 'untoc_not_extradition_basis' | 'no_directory_entry' | 'urgent_procedure';

export interface Risk {
  code: RiskCode;
  /** The directory's own words, where the risk comes from its entry. */
  detail?: string;
  measure?: string;
}
