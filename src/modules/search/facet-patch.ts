/**
 * The facet index brought to a new generation from the documents changed since (read in one
 * statement, repository/matches.ts documentChangesSince) instead of reading every document
 * again: changed documents leave their place and the ones still there are put back where the
 * database's date order puts them (before the document that now follows each). Linear in the
 * number of documents, in memory; the old index is left as it was (searches may still use it).
 */
import { FacetIndex, extendDictionary } from './facet-index.js';
import type { DocumentChanges } from './repository/matches.js';

/** The index at `changes.generation`, or undefined when the changes do not fit it (read it whole). */
export function patchFacetIndex(index: FacetIndex, changes: DocumentChanges): FacetIndex | undefined {
  if (changes.truncated || !changes.changed) return undefined;
  const old = index.parts();
  const dictionary = changes.facets.length
    ? extendDictionary(
        changes.facets.map((f) => f.id),
        changes.facets.map((f) => f.key),
        old.dictionary,
      )
    : old.dictionary;

  const changed = new Set(changes.changed.map((c) => c.docNo));
  const present = changes.changed.filter((c) => c.present);
  const byNo = new Map(present.map((c) => [c.docNo, c]));
  // Chains of changed documents: each ends before an unchanged document (or at the end).
  const previous = new Map<number, number>();
  for (const c of present) if (c.next !== null && byNo.has(c.next)) previous.set(c.next, c.docNo);
  const before = new Map<number, number[]>(); // unchanged doc_no (-1: the end) → changed documents just before it, in order
  for (const c of present) {
    if (c.next !== null && byNo.has(c.next)) continue; // not the last of its chain
    const anchor = c.next ?? -1;
    if (anchor !== -1 && (changed.has(anchor) || !index.slot(anchor))) return undefined; // follows a document this index does not know
    const chain = [c.docNo];
    for (let p = previous.get(c.docNo); p !== undefined; p = previous.get(p)) chain.push(p);
    before.set(anchor, chain.reverse());
  }

  // Old positions: removed (changed) ones, and those with changed documents to put before them.
  const removed = new Uint8Array(old.docNos.length);
  for (const docNo of changed) {
    const slot = index.slot(docNo);
    if (slot) removed[slot - 1] = 1;
  }
  const chainAt = new Map<number, number[]>(); // old position (old size: the end) → chain
  for (const [anchor, chain] of before) chainAt.set(anchor === -1 ? old.docNos.length : index.slot(anchor) - 1, chain);

  let kept = 0;
  for (let i = 0; i < removed.length; i++) if (!removed[i]) kept++;
  const size = kept + present.length;
  let idCount = old.ids.length;
  for (const c of present) idCount += c.facetIds.length;
  const docNos = new Int32Array(size);
  const offsets = new Int32Array(size + 1);
  const ids = new Int32Array(idCount);
  let n = 0;
  let m = 0; // ids written
  const putChanged = (docNo: number) => {
    docNos[n++] = docNo;
    for (const id of byNo.get(docNo)!.facetIds) {
      const d = id < dictionary.dense.length ? dictionary.dense[id]! : -1;
      if (d >= 0) ids[m++] = d;
    }
    offsets[n] = m;
  };
  // Unchanged documents are copied in runs (typed-array copies); changed ones go in between.
  let run = 0;
  const flush = (end: number) => {
    if (end <= run) return;
    docNos.set(old.docNos.subarray(run, end), n);
    const from = old.offsets[run]!;
    ids.set(old.ids.subarray(from, old.offsets[end]!), m);
    const shift = m - from;
    for (let i = run; i < end; i++) offsets[++n] = old.offsets[i + 1]! + shift;
    m += old.offsets[end]! - from;
  };
  for (let i = 0; i <= old.docNos.length; i++) {
    const chain = chainAt.get(i);
    if (i < old.docNos.length && !removed[i] && !chain) continue;
    flush(i);
    for (const c of chain ?? []) putChanged(c);
    run = removed[i] ? i + 1 : i;
  }
  if (n !== size) return undefined; // a chain that never closed: the changes do not describe this index
  return new FacetIndex({ generation: changes.generation, dictionary, docNos, offsets, ids: ids.subarray(0, m) });
}
