/**
 * A step's submission (form or API body) checked and merged into the saved answers (pure). Only the
 * step's questions are taken; anything malformed is a 400 naming the field and nothing is merged.
 * An empty text clears the answer; a multiple choice absent from the body is left as it was (a form
 * sends an empty value first, so unticking every box clears it).
 */
import type { FieldIssue } from '../../../platform/http/errors.js';
import type { WriterKind } from './kinds.js';
import type { Answers, Question, RequestedState, StepId } from './model.js';
import { questionsOf } from './steps.js';

export const MAX_ANSWER = 20_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function textIssue(v: string): string | null {
  if (v.length > MAX_ANSWER) return `is longer than ${MAX_ANSWER} characters`;
  if (v.includes('\u0000')) return 'contains a NUL character';
  if (LONE_SURROGATE.test(v)) return 'is not well-formed Unicode (lone surrogate)';
  return null;
}

export type Parsed = { ok: true; answers: Answers } | { ok: false; issues: FieldIssue[] };

export function parseStep(kind: WriterKind, step: StepId, body: unknown, current: Answers, requested: RequestedState): Parsed {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return { ok: false, issues: [{ field: 'body', message: 'must be an object of answers' }] };
  const input = body as Record<string, unknown>;
  const flat: Answers = { ...current };
  for (const [k, v] of Object.entries(input)) if (typeof v === 'string') flat[k] = v;
  // The questions of the step with the answers as they would be (a yes may reveal a question).
  const byId = new Map<string, Question>();
  for (const q of [...questionsOf(kind, step, current, requested), ...questionsOf(kind, step, flat, requested)]) byId.set(q.id, q);
  const issues: FieldIssue[] = [];
  const next: Answers = { ...current };
  for (const [id, q] of byId) {
    if (!(id in input)) continue;
    const raw = input[id];
    if (q.type === 'multi') {
      const list = Array.isArray(raw) ? raw : [raw];
      if (list.length > 50 || list.some((x) => typeof x !== 'string')) {
        issues.push({ field: id, message: 'must be a list of choices (strings)' });
        continue;
      }
      const chosen = [...new Set((list as string[]).map((x) => x.trim()).filter(Boolean))];
      const bad = chosen.filter((x) => !q.options?.includes(x));
      if (bad.length) issues.push({ field: id, message: `unknown choice ${bad.map((b) => JSON.stringify(b.slice(0, 40))).join(', ')}; one of ${q.options?.join(', ')}` });
      else next[id] = chosen;
      continue;
    }
    if (typeof raw !== 'string') {
      issues.push({ field: id, message: 'must be a string' });
      continue;
    }
    const problem = textIssue(raw);
    if (problem) {
      issues.push({ field: id, message: problem });
      continue;
    }
    const v = q.type === 'area' ? raw.replace(/\r\n/g, '\n').trim() : raw.trim();
    if (v === '') {
      delete next[id];
      continue;
    }
    if (q.type === 'yesno' && v !== 'yes' && v !== 'no') issues.push({ field: id, message: 'must be yes or no' });
    else if (q.type === 'choice' && !q.options?.includes(v)) issues.push({ field: id, message: `must be one of ${q.options?.join(', ') || '(none available)'}` });
    else if (q.type === 'date' && !DATE.test(v)) issues.push({ field: id, message: 'must be a date YYYY-MM-DD' });
    else next[id] = v;
  }
  return issues.length ? { ok: false, issues } : { ok: true, answers: next };
}
