/**
 * Completeness (pure): per step, the questions shown and not answered as they must be; for the whole
 * draft, every step's. A document is produced only from a draft with nothing missing. Known refusal
 * risks come from the answers and the requested State's entry.
 */
import { KINDS, type WriterKind } from './kinds.js';
import { STEPS, type Answers, type MissingItem, type Question, type RequestedState, type Risk, type StepId } from './model.js';
import { asksAssurances, questionsOf } from './steps.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function realDate(s: string): boolean {
  if (!DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export const shown = (q: Question, a: Answers) => (q.when ? q.when(a) : true);
const required = (q: Question, a: Answers) => (typeof q.required === 'function' ? q.required(a) : q.required !== false);

/** The answer of a question as text ("" when none); a multiple choice as its ids. */
export function answerOf(a: Answers, id: string): string | string[] {
  const v = a[id];
  return Array.isArray(v) ? v : typeof v === 'string' ? v : '';
}

export function checkStep(kind: WriterKind, step: StepId, a: Answers, requested: RequestedState): MissingItem[] {
  const out: MissingItem[] = [];
  for (const q of questionsOf(kind, step, a, requested)) {
    if (!shown(q, a)) continue;
    const v = answerOf(a, q.id);
    const empty = Array.isArray(v) ? v.length === 0 : v.trim() === '';
    if (empty) {
      if (required(q, a)) out.push({ step, field: q.id, reason: 'required' });
      continue;
    }
    if (q.options && (Array.isArray(v) ? v : [v]).some((x) => !q.options!.includes(x))) out.push({ step, field: q.id, reason: 'not_accepted' });
    else if (q.type === 'yesno' && v !== 'yes' && v !== 'no') out.push({ step, field: q.id, reason: 'not_accepted' });
    else if (q.mustBeYes && v !== 'yes') out.push({ step, field: q.id, reason: 'must_be_yes' });
    else if (q.type === 'date' && !realDate(String(v))) out.push({ step, field: q.id, reason: 'bad_date' });
  }
  if (step === 'assistance') {
    const from = answerOf(a, 'period_from');
    const to = answerOf(a, 'period_to');
    if (typeof from === 'string' && typeof to === 'string' && realDate(from) && realDate(to) && from > to) out.push({ step, field: 'period_to', reason: 'bad_date' });
  }
  return out;
}

export function checkDraft(kind: WriterKind, a: Answers, requested: RequestedState): MissingItem[] {
  return STEPS.flatMap((s) => checkStep(kind, s, a, requested));
}

export function risksOf(kind: WriterKind, a: Answers, requested: RequestedState): Risk[] {
  const def = KINDS[kind];
  const codes = def.codes(a);
  const risks: Risk[] = [];
  if (!requested.authorityId) risks.push({ code: 'no_directory_entry' });
  if (!requested.languages.length) risks.push({ code: 'language_not_stated' });
  if (def.coercive(a)) risks.push({ code: 'dual_criminality' });
  if (a.fiscal === 'yes') risks.push({ code: 'fiscal_offence' });
  const assurances = asksAssurances(requested, codes);
  if (assurances) risks.push({ code: 'assurances', detail: assurances });
  for (const r of requested.requirements) if (codes.includes(r.measure) && r.status === 'not_applicable') risks.push({ code: 'measure_not_available', measure: r.measure });
  if (kind === 'extradition' && requested.untocExtradition === 'no') risks.push({ code: 'untoc_not_extradition_basis' });
  if (a.urgent === 'yes' && requested.urgentProcedure) risks.push({ code: 'urgent_procedure', detail: requested.urgentProcedure });
  return risks;
}

/** The fields a step accepts (every question it may show), to keep unknown form fields out. */
export function fieldsOf(kind: WriterKind, step: StepId, a: Answers, requested: RequestedState): Question[] {
  return questionsOf(kind, step, a, requested);
}
