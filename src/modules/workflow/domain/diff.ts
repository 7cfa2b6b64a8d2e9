/**
 * Readable differences between two versions of a document: which fields changed, and for text
 * fields which words were inserted or deleted (Myers' O(ND) algorithm on word tokens).
 */

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

/** Word diff of two texts. Falls back to delete-all/insert-all beyond maxEdits to bound the cost. */
export function diffText(a: string, b: string, maxEdits = 4000): TextOp[] {
  if (a === b) return a ? [{ op: 'equal', text: a }] : [];
  const x = tokenize(a);
  const y = tokenize(b);
  // Trim the common prefix and suffix first (the usual case for edits).
  let start = 0;
  while (start < x.length && start < y.length && x[start] === y[start]) start++;
  let endX = x.length;
  let endY = y.length;
  while (endX > start && endY > start && x[endX - 1] === y[endY - 1]) {
    endX--;
    endY--;
  }
  const head: TextOp[] = start ? [{ op: 'equal', text: x.slice(0, start).join('') }] : [];
  const tail: TextOp[] = endX < x.length ? [{ op: 'equal', text: x.slice(endX).join('') }] : [];
  const xs = x.slice(start, endX);
  const ys = y.slice(start, endY);
  const n = xs.length;
  const m = ys.length;
  const max = Math.min(n + m, maxEdits);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = n === 0 && m === 0;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let px: number;
      if (k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!)) px = v[offset + k + 1]!;
      else px = v[offset + k - 1]! + 1;
      let py = px - k;
      while (px < n && py < m && xs[px] === ys[py]) {
        px++;
        py++;
      }
      v[offset + k] = px;
      if (px >= n && py >= m) {
        found = true;
        break;
      }
    }
  }
  if (!found) {
    const ops: TextOp[] = [...head, { op: 'delete', text: xs.join('') }, { op: 'insert', text: ys.join('') }, ...tail];
    return merge(ops.filter((o) => o.text));
  }
  // Backtrack through the saved frontiers.
  const ops: TextOp[] = [];
  let px = n;
  let py = m;
  for (let d = trace.length - 1; d >= 0 && (px > 0 || py > 0); d--) {
    const vd = trace[d]!;
    const k = px - py;
    let prevK: number;
    if (k === -d || (k !== d && vd[offset + k - 1]! < vd[offset + k + 1]!)) prevK = k + 1;
    else prevK = k - 1;
    const prevX = vd[offset + prevK]!;
    const prevY = prevX - prevK;
    while (px > prevX && py > prevY) {
      ops.push({ op: 'equal', text: xs[--px]! });
      py--;
    }
    if (d > 0) {
      if (px === prevX) ops.push({ op: 'insert', text: ys[--py]! });
      else ops.push({ op: 'delete', text: xs[--px]! });
    }
  }
  ops.reverse();
  return merge([...head, ...ops, ...tail]);
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
