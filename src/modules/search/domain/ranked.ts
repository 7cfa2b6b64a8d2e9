/**
 * Relevance (docs/SEARCH.md, "Ranking"): the whole entry, with field weights. `whole`: the eligible
 * matches (after the filters) are all ranked with the whole-entry rank when at most this many;
 * with more, they are ordered by title rank and the first `head` of that order are ranked again
 * with the whole-entry rank (a rescoring window). `byNumber`: how title ranks are read (by number
 * when at most this many, else through the title-vector index); it never changes the order.
 */
export const rankLimits = { byNumber: 5_000, whole: 2_000, head: 100 };

/**
 * ts_rank weights of the whole-entry rank, {D, C, B, A}: A title and short name (1), B summary,
 * law title, citation, court and case number (0.4), C body, facts, decision (0.2), D commentary and
 * labels (0.1). PostgreSQL's defaults, written out so the order never depends on them.
 */
export const WHOLE_RANK_WEIGHTS = '{0.1,0.2,0.4,1.0}';

/**
 * Title ranks of a query held between generations: int4 doc_no + float4 ts_rank pairs (the packing
 * of the database's title ranks, repository/postings.ts titleRanks) of every document whose title
 * holds one of the query's lexemes or is empty, and the rank of any other title. A document's
 * rank depends on its own title only, so a change is patched by ranking the changed documents
 * again. Pure.
 */
export class HeldRanks {
  constructor(
    readonly ranked: Buffer,
    readonly baseRank: number,
  ) {}

  get byteLength(): number {
    return this.ranked.byteLength;
  }

  /** Documents ranked (not at the base rank by absence). */
  get size(): number {
    return this.ranked.byteLength / 8;
  }

  /** A copy without the documents `remove`, then with the ranks `add` ([doc_no, rank]). */
  patched(add: readonly (readonly [number, number])[], remove: readonly number[]): HeldRanks {
    const gone = new Set(remove);
    for (const [docNo] of add) gone.add(docNo);
    const out = Buffer.alloc(this.ranked.byteLength + add.length * 8);
    let p = 0;
    for (let q = 0; q < this.ranked.byteLength; q += 8) {
      if (gone.has(this.ranked.readInt32BE(q))) continue;
      this.ranked.copy(out, p, q, q + 8);
      p += 8;
    }
    for (const [docNo, rank] of add) {
      out.writeInt32BE(docNo, p);
      out.writeFloatBE(rank, p + 4);
      p += 8;
    }
    return new HeldRanks(out.subarray(0, p), this.baseRank);
  }

  /** The ranks as a map (for tests and comparisons). */
  toMap(): Map<number, number> {
    const out = new Map<number, number>();
    for (let q = 0; q < this.ranked.byteLength; q += 8) out.set(this.ranked.readInt32BE(q), this.ranked.readFloatBE(q + 4));
    return out;
  }
}
