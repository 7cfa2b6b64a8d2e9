/**
 * Readable differences between two versions of a document: which fields changed, and for text
 * fields which words were inserted or deleted (jsdiff's Myers diff on word tokens).
 */
import { diffArrays } from 'diff';

export type TextOp = { op: 'equal' | 'insert' | 'delete'; text: string };

export interface FieldChange {
  /** Dotted path, e.g. "texts.fr.title" or "crime_types". */
  path: string;
  kind: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
  /** Word-level operations when both sides are strings. */
  text?: TextOp[];
}

/** Split into words, whitespace and punctuation, keeping everything (joining gives the input back). */
export function tokenize(s: string): string[] {
  return s.match(/\s+|[\p{L}\p{N}_]+|[^\s\p{L}\p{N}_]/gu) ?? [];
}

function merge(ops: TextOp[]): TextOp[] {
  const out: TextOp[] = [];
  for (const o of ops) {
    const last = out[out.length - 1];
    if (last && last.op === o.op) last.text += o.text;
    else out.push({ ...o });
  }
  return out;
}

/** A word diff taking longer than this (a long text rewritten throughout) falls back too. */
export const DIFF_TIMEOUT_MS = 250;

/**
 * Word diff of two texts: Myers' algorithm from the maintained library jsdiff (`diffArrays`) on our
 * word tokens. Beyond maxEdits changed tokens, or DIFF_TIMEOUT_MS, the changed middle is shown as
 * deleted then inserted whole (bounded cost on the event loop).
 */
export function diffText(a: string, b: string, maxEdits = 4000): TextOp[] {
  if (a === b) return a ? [{ op: 'equal', text: a }] : [];
  const x = tokenize(a);
  const y = tokenize(b);
  // The common prefix and suffix stay "equal" even when the middle falls back.
  let start = 0;
  while (start < x.length && start < y.length && x[start] === y[start]) start++;
  let endX = x.length;
  let endY = y.length;
  while (endX > start && endY > start && x[endX - 1] === y[endY - 1]) {
    endX--;
    endY--;
  }
  const xs = x.slice(start, endX);
  const ys = y.slice(start, endY);
  const head: TextOp[] = [{ op: 'equal', text: x.slice(0, start).join('') }];
  const tail: TextOp[] = [{ op: 'equal', text: x.slice(endX).join('') }];
  const parts = diffArrays(xs, ys, { maxEditLength: maxEdits, timeout: DIFF_TIMEOUT_MS });
  const middle: TextOp[] = parts
    ? parts.map((p) => ({ op: p.added ? 'insert' : p.removed ? 'delete' : 'equal', text: p.value.join('') }))
    : [
        { op: 'delete', text: xs.join('') },
        { op: 'insert', text: ys.join('') },
      ];
  return merge([...head, ...middle, ...tail].filter((o) => o.text));
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

/** Field-level changes from `before` to `after` (nested objects are walked; arrays compared whole). */
export function diffDocuments(before: unknown, after: unknown, path = ''): FieldChange[] {
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k) => diffDocuments(before[k], after[k], path ? `${path}.${k}` : k));
  }
  const isEmpty = (v: unknown) => v === undefined || v === null || (Array.isArray(v) && v.length === 0) || v === '';
  if (isEmpty(before)) return [{ path, kind: 'added', after }];
  if (isEmpty(after)) return [{ path, kind: 'removed', before }];
  const change: FieldChange = { path, kind: 'changed', before, after };
  if (typeof before === 'string' && typeof after === 'string') change.text = diffText(before, after);
  return [change];
}
