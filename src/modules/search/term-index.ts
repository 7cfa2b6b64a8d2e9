/**
 * Postings of frequent words held in memory, per application database handle: for each lexeme of
 * the full-text vectors that a search needed and that many documents hold, the set of documents
 * holding it. A broad query ("assistance", found in 86% of the documents) is then matched by
 * combining sets in memory instead of reading tens of thousands of rows from the database.
 *
 * The postings describe the documents at one generation. When the documents change, the index is
 * brought to the new generation by re-reading only the changed documents (search_changes,
 * migration 0048); when too many changed, or the log no longer reaches back, it starts empty.
 * Rare lexemes are not kept: the database's GIN index finds them fast.
 */
import { Bits } from './domain/bits.js';

/** Changed documents re-read at most to bring the index to a new generation (beyond: start empty). */
export const PATCH_LIMIT = 5000;
/** Generations kept in search_changes (the trigger's window, migration 0048). */
export const CHANGE_WINDOW = 10_000n;

export interface ChangedDocument {
  docNo: number;
  /** Held lexemes the document holds now (empty: none, or the document is gone). */
  lexemes: readonly string[];
}

export class TermIndex {
  private readonly postings = new Map<string, Bits>();
  private bytes = 0;

  constructor(
    public generation: string,
    private readonly budget: number,
  ) {}

  /** The documents holding `lexeme`, if held (and marks it recently used). */
  get(lexeme: string): Bits | undefined {
    const bits = this.postings.get(lexeme);
    if (bits) {
      this.postings.delete(lexeme);
      this.postings.set(lexeme, bits);
    }
    return bits;
  }

  /** The held lexemes. */
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
   * Keep the postings of `lexeme` read at `generation` if worth it: documents holding it at least
   * `minDocs`, the index still at that generation, and within the memory budget (least recently
   * used lexemes out).
   */
  keep(lexeme: string, bits: Bits, generation: string, minDocs: number): void {
    if (generation !== this.generation || bits.byteLength > this.budget || bits.size < minDocs) return;
    const old = this.postings.get(lexeme);
    if (old) this.bytes -= old.byteLength;
    this.postings.delete(lexeme);
    this.postings.set(lexeme, bits);
    this.bytes += bits.byteLength;
    for (const [key, v] of this.postings) {
      if (this.bytes <= this.budget) break;
      this.postings.delete(key);
      this.bytes -= v.byteLength;
    }
  }

  /**
   * Bring the postings to `generation`, given every document changed since and which of the
   * lexemes `asked` (those held when the changes were read) it now holds. A lexeme kept after
   * that read is dropped: its changed documents were not asked about.
   */
  patch(generation: string, asked: ReadonlySet<string>, changed: readonly ChangedDocument[]): void {
    const add = new Map<string, number[]>();
    for (const { docNo, lexemes } of changed) for (const l of lexemes) (add.get(l) ?? add.set(l, []).get(l)!).push(docNo);
    const all = changed.map((c) => c.docNo);
    this.bytes = 0;
    for (const [lexeme, bits] of this.postings) {
      if (!asked.has(lexeme)) {
        this.postings.delete(lexeme);
        continue;
      }
      const next = bits.patched(add.get(lexeme) ?? [], all);
      this.postings.set(lexeme, next);
      this.bytes += next.byteLength;
    }
    this.generation = generation;
  }
}

/** Documents a fetched lexeme must hold to be kept: 1% of the documents, at most 1,000 (so small collections keep every word). */
export const keepThreshold = (documents: number) => Math.max(1, Math.min(1000, Math.floor(documents / 100)));

export { Bits };
