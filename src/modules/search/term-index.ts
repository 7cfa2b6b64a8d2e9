/**
 * Postings of frequent words held in memory, per application database handle: for each lexeme of
 * the full-text vectors that a search needed and that many documents hold, the set of documents
 * holding it. A broad query ("assistance", found in 86% of the documents) is then matched by
 * combining sets in memory instead of reading tens of thousands of rows from the database.
 *
 * The postings describe the documents at one generation. When the documents change, the index is
 * brought to the new generation by re-reading only the changed documents (search_changes,
 * migrations 0048 and 0051); when too many changed, or the log no longer reaches back, it starts empty.
 * Rare lexemes are not kept: the database's GIN index finds them fast.
 *
 * Frequent phrases are held the same way, under their tsquery text (phraseKey): the database
 * finds their documents once (word positions are not held here), and checks only the changed
 * documents afterwards. So are the title ranks of broad queries (rankKey): ts_rank of every title
 * holding a query word, ranked again for the changed documents only.
 */
import { Bits } from './domain/bits.js';
import { HeldRanks } from './domain/ranked.js';

/** Changed documents re-read at most to bring the index to a new generation (beyond: start empty). */
export const PATCH_LIMIT = 5000;

export interface ChangedDocument {
  docNo: number;
  /** Held keys (lexemes, phrase keys) the document matches now (empty: none, or the document is gone). */
  keys: readonly string[];
  /** Its title rank for each held rankKey whose query it is ranked for now. */
  ranks?: readonly (readonly [key: string, rank: number])[];
}

/** The key of a phrase (tsquery text): NUL first, which no lexeme holds (PostgreSQL text cannot). */
export const phraseKey = (tsquery: string) => `\u0000${tsquery}`;

/** The key of a query's title ranks (tsquery text): U+0001 first, which no lexeme holds either. */
export const rankKey = (tsquery: string) => `\u0001${tsquery}`;

/** Held keys split into lexemes, phrases and ranked queries (tsquery texts). */
export function splitKeys(keys: readonly string[]): { lexemes: string[]; phrases: string[]; ranked: string[] } {
  const lexemes: string[] = [];
  const phrases: string[] = [];
  const ranked: string[] = [];
  for (const k of keys) {
    if (k.startsWith('\u0000')) phrases.push(k.slice(1));
    else if (k.startsWith('\u0001')) ranked.push(k.slice(1));
    else lexemes.push(k);
  }
  return { lexemes, phrases, ranked };
}

type Held = Bits | HeldRanks;

export class TermIndex {
  private readonly postings = new Map<string, Held>();
  private bytes = 0;

  constructor(
    public generation: string,
    private readonly budget: number,
  ) {}

  /** The documents holding `key` (a lexeme, or a phraseKey), if held (and marks it recently used). */
  get(key: string): Bits | undefined {
    const held = this.touch(key);
    return held instanceof Bits ? held : undefined;
  }

  /** The title ranks of a rankKey, if held (and marks them recently used). */
  ranks(key: string): HeldRanks | undefined {
    const held = this.touch(key);
    return held instanceof HeldRanks ? held : undefined;
  }

  private touch(key: string): Held | undefined {
    const held = this.postings.get(key);
    if (held) {
      this.postings.delete(key);
      this.postings.set(key, held);
    }
    return held;
  }

  /** The held keys. */
  held(): string[] {
    return [...this.postings.keys()];
  }

  get size(): number {
    return this.postings.size;
  }

  get byteLength(): number {
    return this.bytes;
  }

  /**
   * Keep the documents of `key` read at `generation` if worth it: at least `minDocs` of them, the
   * index still at that generation, and within the memory budget (least recently used keys out).
   */
  keep(key: string, bits: Held, generation: string, minDocs: number): void {
    if (generation !== this.generation || bits.byteLength > this.budget || bits.size < minDocs) return;
    const old = this.postings.get(key);
    if (old) this.bytes -= old.byteLength;
    this.postings.delete(key);
    this.postings.set(key, bits);
    this.bytes += bits.byteLength;
    for (const [key, v] of this.postings) {
      if (this.bytes <= this.budget) break;
      this.postings.delete(key);
      this.bytes -= v.byteLength;
    }
  }

  /**
   * Bring the postings to `generation`, given every document changed since and which of the
   * keys `asked` (those held when the changes were read) it now matches. A key kept after that
   * read is dropped: its changed documents were not asked about.
   */
  patch(generation: string, asked: ReadonlySet<string>, changed: readonly ChangedDocument[]): void {
    const add = new Map<string, number[]>();
    const rerank = new Map<string, [number, number][]>();
    for (const { docNo, keys, ranks } of changed) {
      for (const k of keys) (add.get(k) ?? add.set(k, []).get(k)!).push(docNo);
      for (const [k, rank] of ranks ?? []) (rerank.get(k) ?? rerank.set(k, []).get(k)!).push([docNo, rank]);
    }
    const all = changed.map((c) => c.docNo);
    this.bytes = 0;
    for (const [key, held] of this.postings) {
      if (!asked.has(key)) {
        this.postings.delete(key);
        continue;
      }
      const next = held instanceof Bits ? held.patched(add.get(key) ?? [], all) : held.patched(rerank.get(key) ?? [], all);
      this.postings.set(key, next);
      this.bytes += next.byteLength;
    }
    this.generation = generation;
  }
}

/** Documents a fetched lexeme must hold to be kept: 1% of the documents, at most 1,000 (so small collections keep every word). */
export const keepThreshold = (documents: number) => Math.max(1, Math.min(1000, Math.floor(documents / 100)));

export { Bits, HeldRanks };
