/**
 * The content of the final document (pure): the fixed parts (title, headings, labels, standard
 * clauses) in the document's language through `t`, the drafter's text as written. Its structure
 * follows UNTOC art. 18(15) (a)–(f), then the legal basis, what the requested State's entry asks,
 * and the standard clauses. Rendered as HTML (PDF) and DOCX by document/.
 */
import { shown } from './completeness.js';
import { KINDS, type WriterKind } from './kinds.js';
import { chosenMeasures } from './measures.js';
import type { Answers, Question, RequestedState, StepId } from './model.js';
import { questionsOf } from './steps.js';

export type Translate = (key: string, values?: Record<string, string | number>) => string;

export interface DocItem {
  label: string;
  /** The drafter's text, or the label of a choice. */
  value: string;
  /** The drafter's own words (direction follows the text: dir="auto"). */
  userText: boolean;
}

export interface DocSection {
  heading: string;
  items: DocItem[];
  sub?: { heading: string; items: DocItem[] }[];
}

export interface DocModel {
  lang: string;
  rtl: boolean;
  title: string;
  meta: DocItem[];
  sections: DocSection[];
  clauses: string[];
}

export interface DocInput {
  kind: WriterKind;
  answers: Answers;
  requested: RequestedState;
  lang: string;
  /** Fixed parts in the document's language. */
  t: Translate;
  /** Questions and options labels in the document's language. */
  q: Translate;
  countryName: string;
  receivingName: string | null;
  reference: string | null;
  date: string;
}

function item(input: DocInput, question: Question): DocItem | null {
  const { answers: a, t, q } = input;
  if (!shown(question, a)) return null;
  const v = a[question.id];
  if (v === undefined || v === '' || (Array.isArray(v) && !v.length)) return null;
  const label = q(`q_${question.id}`);
  if (question.type === 'yesno') return { label, value: v === 'yes' ? t('yes') : t('no'), userText: false };
  if (question.type === 'choice' || question.type === 'multi') {
    const list = Array.isArray(v) ? v : [v];
    const value = list.map((x) => (question.id === 'doc_language' ? x : q(`opt_${x}`))).join('; ');
    return { label, value, userText: false };
  }
  return { label, value: String(v), userText: true };
}

const items = (input: DocInput, step: StepId, only?: (q: Question) => boolean) =>
  questionsOf(input.kind, step, input.answers, input.requested)
    .filter((x) => (only ? only(x) : true))
    .map((x) => item(input, x))
    .filter((x): x is DocItem => !!x);

export function documentModel(input: DocInput): DocModel {
  const { t, q, answers: a, kind } = input;
  const def = KINDS[kind];
  const assistance: DocSection = { heading: t('sec_assistance'), items: [] };
  if (kind === 'mla') {
    assistance.sub = chosenMeasures(a).map((m) => ({ heading: `${q(`opt_${m.id}`)} (UNTOC art. ${m.article})`, items: m.questions.map((x) => item(input, x)).filter((x): x is DocItem => !!x) }));
    assistance.items = items(input, 'assistance', (x) => x.id === 'procedure');
  } else assistance.items = items(input, 'assistance');
  const clauses: string[] = [];
  if (a.urgent === 'yes') clauses.push(t('clause_urgent'));
  if (a.confidential === 'yes') clauses.push(t('clause_confidential'));
  if (a.fiscal === 'yes') clauses.push(t('clause_fiscal'));
  if (kind === 'preservation') clauses.push(t('clause_mla_follows'));
  clauses.push(t('clause_consultation'), t('clause_closing'));
  return {
    lang: input.lang,
    rtl: input.lang === 'ar',
    title: t(`title_${kind}`),
    meta: [
      { label: t('meta_to'), value: [input.receivingName, input.countryName].filter(Boolean).join(' — '), userText: true },
      { label: t('meta_reference'), value: input.reference ?? '', userText: false },
      { label: t('meta_date'), value: input.date, userText: false },
      { label: t('meta_instrument'), value: def.article, userText: false },
    ].filter((m) => m.value),
    sections: [
      { heading: t('sec_authority'), items: items(input, 'authority') },
      { heading: t('sec_investigation'), items: items(input, 'investigation', (x) => x.id !== 'fiscal') },
      { heading: t('sec_facts'), items: items(input, 'facts') },
      assistance,
      { heading: t('sec_persons'), items: items(input, 'persons', (x) => x.id !== 'persons_known') },
      { heading: t('sec_purpose'), items: items(input, 'purpose', (x) => x.id !== 'urgent' && x.id !== 'confidential') },
      { heading: t('sec_basis'), items: items(input, 'basis') },
      { heading: t('sec_requested'), items: items(input, 'requested', (x) => x.id !== 'doc_language') },
    ].filter((s) => s.items.length || s.sub?.length),
    clauses,
  };
}
