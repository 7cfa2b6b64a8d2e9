/**
 * The in-memory facet index: every search document's facet ids and date order, read from the
 * database once per generation of the search documents (packed, one statement), so that facet
 * counts, the total, filters and the order of a page are computed in memory from the packed list
 * of matching document numbers. Counting 90,000 matches is a few milliseconds of typed-array
 * work; in SQL it was an unnest of every match's facet keys (hundreds of milliseconds).
 *
 * Semantics are those of the SQL it replaces: values of a facet are alternatives, facets combine
 * with AND, each facet is counted with every filter except its own, the total with all of them.
 */
import { Bits } from './domain/bits.js';
import { FACETS, type FacetName, type Filters } from './domain/params.js';
import { TOTAL_KEY, facetKey } from './domain/document.js';
import type { FacetCount } from './repository/search.js';
import type { PackedDocuments, TitleRanks } from './repository/matches.js';

const FACET_NO = new Map<string, number>(FACETS.map((f, i) => [f, i]));

/** The facet values known to an index: database id → dense id, and each dense id's facet and value. */
export interface FacetDictionary {
  /** Dense id of each database id (search_facet_values.id; -1: not counted). */
  dense: Int32Array;
  /** Of each dense facet id: its facet's number in FACETS (-1 for the total key) and its value. */
  facetOf: Int8Array;
  values: string[];
  idOfKey: Map<string, number>;
}

/** The facet values (search_facet_values ids and keys) added to `base` (or to nothing). */
export function extendDictionary(ids: readonly number[], keys: readonly string[], base?: FacetDictionary): FacetDictionary {
  let max = base ? base.dense.length - 1 : 0;
  for (const id of ids) max = Math.max(max, id);
  const dense = new Int32Array(max + 1).fill(-1);
  if (base) dense.set(base.dense);
  const values = base ? [...base.values] : [];
  const idOfKey = new Map(base?.idOfKey);
  const facetOf: number[] = base ? Array.from(base.facetOf) : [];
  ids.forEach((id, i) => {
    const key = keys[i]!;
    if (dense[id] !== -1) return; // known
    const colon = key.indexOf(':');
    const facet = key === TOTAL_KEY || colon < 0 ? -1 : (FACET_NO.get(key.slice(0, colon)) ?? -2);
    if (facet === -2) return; // a facet no longer known: never counted
    dense[id] = values.length;
    idOfKey.set(key, values.length);
    facetOf.push(facet);
    values.push(colon < 0 ? '' : key.slice(colon + 1));
  });
  return { dense, facetOf: Int8Array.from(facetOf), values, idOfKey };
}

/** What an index is made of: documents in date order with their dense facet ids. */
export interface FacetIndexParts {
  generation: string;
  dictionary: FacetDictionary;
  /** doc_no of each index (date order). */
  docNos: Int32Array;
  /** Facet ids (dense) of document i: ids[offsets[i] .. offsets[i + 1]). */
  offsets: Int32Array;
  ids: Int32Array;
}

/** Decode the packed read: doc_no, then array_send(int4[]) of its facet ids, each document in date order. */
export function decodePacked(packed: PackedDocuments): FacetIndexParts {
  const dictionary = extendDictionary(packed.facetIds, packed.facetKeys);
  const { dense } = dictionary;
  const buf = packed.docs;
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const docNos: number[] = [];
  const offsets: number[] = [0];
  const ids: number[] = [];
  let p = 0;
  while (p < buf.byteLength) {
    docNos.push(view.getInt32(p));
    const ndim = view.getInt32(p + 4);
    p += 16; // doc_no, ndim, flags, element type
    let n = 0;
    if (ndim > 0) {
      n = view.getInt32(p);
      p += 8; // size, lower bound
    }
    for (let k = 0; k < n; k++, p += 8) {
      const id = view.getInt32(p + 4);
      const d = id < dense.length ? dense[id]! : -1;
      if (d >= 0) ids.push(d);
    }
    offsets.push(ids.length);
  }
  return { generation: packed.generation, dictionary, docNos: Int32Array.from(docNos), offsets: Int32Array.from(offsets), ids: Int32Array.from(ids) };
}

export class FacetIndex {
  readonly generation: string;
  /** Number of documents; a document's index is its position in date order. */
  readonly size: number;
  /** doc_no of each index. */
  private readonly docNos: Int32Array;
  /** index + 1 of each doc_no (0: no such document). */
  private readonly slotOf: Int32Array;
  /** Facet ids (dense) of document i: ids[offsets[i] .. offsets[i + 1]). */
  private readonly offsets: Int32Array;
  private readonly ids: Int32Array;
  private readonly dictionary: FacetDictionary;
  private readonly facetOf: Int8Array;
  private readonly values: string[];
  private readonly idOfKey: Map<string, number>;

  /** From the packed read of every document, or from parts (a patched index). */
  constructor(source: PackedDocuments | FacetIndexParts) {
    const parts = 'docs' in source ? decodePacked(source) : source;
    this.generation = parts.generation;
    this.dictionary = parts.dictionary;
    ({ facetOf: this.facetOf, values: this.values, idOfKey: this.idOfKey } = parts.dictionary);
    this.docNos = parts.docNos;
    this.offsets = parts.offsets;
    this.ids = parts.ids;
    this.size = this.docNos.length;
    let max = 0;
    for (const n of this.docNos) if (n > max) max = n;
    this.slotOf = new Int32Array(max + 1);
    for (let i = 0; i < this.docNos.length; i++) this.slotOf[this.docNos[i]!] = i + 1;
  }

  /** The parts of this index (shared, never to be modified): a patch builds the next index from them. */
  parts(): FacetIndexParts {
    return { generation: this.generation, dictionary: this.dictionary, docNos: this.docNos, offsets: this.offsets, ids: this.ids };
  }

  /** Index + 1 of a doc_no (0: not in the index). */
  slot(docNo: number): number {
    return docNo >= 0 && docNo < this.slotOf.length ? this.slotOf[docNo]! : 0;
  }

  /** Indexes of the packed doc_no list (int4 each), or undefined when one is unknown (another generation). */
  indexesOf(packed: Buffer, stride = 4): Int32Array | undefined {
    const view = new DataView(packed.buffer, packed.byteOffset, packed.byteLength);
    const out = new Int32Array(packed.byteLength / stride);
    for (let i = 0, p = 0; p < packed.byteLength; i++, p += stride) {
      const n = view.getInt32(p);
      const slot = this.slot(n);
      if (!slot) return undefined;
      out[i] = slot - 1;
    }
    return out;
  }

  /** The doc_no of each of `indexes`. */
  docNumbers(indexes: Int32Array): Int32Array {
    const out = new Int32Array(indexes.length);
    for (let i = 0; i < indexes.length; i++) out[i] = this.docNos[indexes[i]!]!;
    return out;
  }

  private universeBits?: Bits;

  /** The numbers of every document, as a set. */
  get universe(): Bits {
    return (this.universeBits ??= Bits.of(this.docNos));
  }

  /** Every document (a search without query text). */
  all(): Int32Array {
    const out = new Int32Array(this.size);
    for (let i = 0; i < this.size; i++) out[i] = i;
    return out;
  }

  /**
   * Facet counts of the matches under the filters, and the matches passing every filter (in the
   * order given). Selected values that no document has are simply absent (labelled with count 0).
   */
  count(matches: Int32Array, filters: Filters): { counts: FacetCount[]; eligible: Int32Array } {
    const active = FACETS.map((f, i) => ({ f, i })).filter(({ f }) => filters[f].length);
    // selectedBit[id]: the bit of the active filter this value satisfies (0 if none).
    const selectedBit = new Int32Array(this.values.length);
    active.forEach(({ f }, a) => {
      for (const v of filters[f]) {
        const id = this.idOfKey.get(facetKey(f, v));
        if (id !== undefined) selectedBit[id] = 1 << a;
      }
    });
    const all = (1 << active.length) - 1;
    const facetBit = new Int32Array(FACETS.length); // bit of each facet's filter (0: not filtered)
    active.forEach(({ i }, a) => (facetBit[i] = 1 << a));

    const counts = new Int32Array(this.values.length);
    const eligible = new Int32Array(matches.length);
    let nEligible = 0;
    const { offsets, ids, facetOf } = this;
    for (let m = 0; m < matches.length; m++) {
      const doc = matches[m]!;
      const start = offsets[doc]!;
      const end = offsets[doc + 1]!;
      let passed = 0;
      if (active.length) for (let k = start; k < end; k++) passed |= selectedBit[ids[k]!]!;
      const failed = all & ~passed;
      if (failed === 0) {
        for (let k = start; k < end; k++) counts[ids[k]!]!++;
        eligible[nEligible++] = doc;
      } else if ((failed & (failed - 1)) === 0) {
        // Fails exactly one filter: counts in that facet only.
        for (let k = start; k < end; k++) {
          const id = ids[k]!;
          const facet = facetOf[id]!;
          if (facet >= 0 && facetBit[facet] === failed) counts[id]!++;
        }
      }
    }
    const out: FacetCount[] = [];
    for (let id = 0; id < counts.length; id++) {
      const c = counts[id]!;
      if (!c) continue;
      const facet = facetOf[id]!;
      out.push(facet < 0 ? { facet: '', value: '', count: c } : { facet: FACETS[facet] as FacetName, value: this.values[id]!, count: c });
    }
    if (!out.some((c) => c.facet === '')) out.push({ facet: '', value: '', count: 0 });
    return { counts: out, eligible: eligible.subarray(0, nEligible) };
  }

  /**
   * The doc_no of the documents at [offset, offset + limit) of `eligible` ordered by date
   * (date descending, nulls last, entry id), or by relevance: rank descending, then date. With
   * `rescored` (whole-entry ranks of the first documents of that order, the head), the head is
   * ordered by those ranks (then date) and the others follow in their order.
   */
  page(eligible: Int32Array, options: { offset: number; limit: number; ranks?: TitleRanks; rescored?: TitleRanks }): number[] {
    const ordered = this.ordered(eligible, options.offset + options.limit, options.ranks, options.rescored);
    const out: number[] = [];
    for (let i = options.offset; i < ordered.length; i++) out.push(this.docNos[ordered[i]!]!);
    return out;
  }

  /** The first `want` of `eligible` (indexes) in the order of page(). */
  private ordered(eligible: Int32Array, want: number, ranks?: TitleRanks, rescored?: TitleRanks): number[] {
    if (rescored && ranks) {
      const size = rescored.ranked.byteLength / 8;
      const first = this.ordered(eligible, Math.max(want, size), ranks);
      const rank = new Map<number, number>();
      for (let p = 0; p < rescored.ranked.byteLength; p += 8) {
        const slot = this.slot(rescored.ranked.readInt32BE(p));
        if (slot) rank.set(slot - 1, rescored.ranked.readFloatBE(p + 4));
      }
      const head = first.slice(0, size).sort((a, b) => rank.get(b)! - rank.get(a)! || a - b);
      return [...head, ...first.slice(size)].slice(0, want);
    }
    let ordered: number[];
    if (!ranks) ordered = firstBy(eligible, want, byDate);
    else {
      const match = ranks;
      const base = match.baseRank;
      // Ranks of the matches whose title holds a query lexeme; every other match ranks `base`.
      const rank = new Float32Array(this.size);
      const ranked = new Uint8Array(this.size);
      const view = new DataView(match.ranked.buffer, match.ranked.byteOffset, match.ranked.byteLength);
      for (let p = 0; p < match.ranked.byteLength; p += 8) {
        const r = view.getFloat32(p + 4);
        const n = view.getInt32(p);
        const slot = this.slot(n);
        if (slot && r !== base) {
          rank[slot - 1] = r;
          ranked[slot - 1] = 1;
        }
      }
      const above: number[] = [];
      const below: number[] = [];
      const rest: number[] = [];
      for (let m = 0; m < eligible.length; m++) {
        const doc = eligible[m]!;
        if (!ranked[doc]) rest.push(doc);
        else (rank[doc]! > base ? above : below).push(doc);
      }
      const byRank = (a: number, b: number) => rank[a]! > rank[b]! || (rank[a] === rank[b] && a < b);
      const head = firstBy(above, want, byRank);
      const middle = head.length < want ? firstBy(rest, want - head.length, byDate) : [];
      ordered = [...head, ...middle, ...(head.length + middle.length < want ? firstBy(below, want - head.length - middle.length, byRank) : [])];
    }
    return ordered.slice(0, want);
  }
}

const byDate = (a: number, b: number) => a < b;

/**
 * The first `n` of `docs` by `before` (a strict order), in order: a bounded max-heap, O(length ×
 * log n), so a page of 20 out of 90,000 matches costs no full sort.
 */
export function firstBy(docs: ArrayLike<number>, n: number, before: (a: number, b: number) => boolean): number[] {
  const k = Math.min(n, docs.length);
  if (k <= 0) return [];
  const heap: number[] = []; // heap[0] is the last of the k kept so far
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && before(heap[m]!, heap[l]!)) m = l;
      if (r < heap.length && before(heap[m]!, heap[r]!)) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m]!, heap[i]!];
      i = m;
    }
  };
  for (let j = 0; j < docs.length; j++) {
    const d = docs[j]!;
    if (heap.length < k) {
      heap.push(d);
      for (let i = heap.length - 1; i > 0; ) {
        const p = (i - 1) >> 1;
        if (!before(heap[p]!, heap[i]!)) break;
        [heap[i], heap[p]] = [heap[p]!, heap[i]!];
        i = p;
      }
    } else if (before(d, heap[0]!)) {
      heap[0] = d;
      down(0);
    }
  }
  return heap.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
}
