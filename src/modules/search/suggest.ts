/**
 * "Did you mean": when a query finds nothing or little, each query word the index does not know
 * is replaced by the most similar indexed word (trigram similarity over search_vocabulary) that
 * still finds documents; the suggestion is the query with those words replaced.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { ParsedQuery } from './domain/query.js';
import { hasCjk } from './domain/text.js';
import { exactWords, knownWords, similarWords, wordsFound } from './repository/vocabulary.js';

/** Trigram similarity from which a correction replaces a query that found nothing ("extradtion" → "extradition": 0.57). */
export const CONFIDENT = 0.5;

/** A search with fewer results than this gets a suggestion when one exists. */
export const SUGGEST_BELOW = 3;

/** The words of the positive terms worth correcting (not CJK, at least three characters), as typed. */
export function wordsToCheck(query: ParsedQuery): string[] {
  const words = query.clauses
    .filter((c) => !c.negated)
    .flatMap((c) => c.terms.flatMap((t) => t.text.split(/\s+/u)))
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((w) => w.length >= 3 && w.length <= 40 && !hasCjk(w));
  return [...new Set(words)].slice(0, 8);
}

/** Replace whole words of `q` (as typed, compared in lower case) by their corrections. */
export function replaceWords(q: string, corrections: ReadonlyMap<string, string>): string {
  return q.replace(/[\p{L}\p{N}\p{M}]+/gu, (w) => corrections.get(w.toLowerCase()) ?? w);
}

export interface Suggestion {
  /** The corrected query text. */
  q: string;
  /** The words that replaced misspelt ones. */
  words: string[];
  /** Every replacement is close enough (trigram similarity >= CONFIDENT) to show its results in place of none. */
  confident: boolean;
}

/** The suggestion for a query, or undefined when every word is known or nothing similar finds documents. */
export async function suggestQuery(db: Kysely<DB>, q: string, query: ParsedQuery): Promise<Suggestion | undefined> {
  const typed = wordsToCheck(query);
  if (!typed.length) return undefined;
  const exact = await exactWords(db, typed);
  // Only single-word analyses are compared (a hyphenated word analyses to several).
  const pairs = typed.map((w, i) => ({ typed: w, exact: exact[i] ?? '' })).filter((p) => p.exact && !p.exact.includes(' '));
  const known = await knownWords(db, pairs.map((p) => p.exact));
  const unknown = pairs.filter((p) => !known.has(p.exact));
  if (!unknown.length) return undefined;
  const similar = await similarWords(db, unknown.map((p) => p.exact));
  const found = await wordsFound(db, [...new Set([...similar.values()].flat().map((s) => s.word))]);
  const corrections = new Map<string, string>();
  let confident = true;
  for (const p of unknown) {
    const best = (similar.get(p.exact) ?? []).find((s) => found.has(s.word));
    if (!best) continue;
    corrections.set(p.typed.toLowerCase(), best.word);
    if (best.similarity < CONFIDENT) confident = false;
  }
  if (!corrections.size) return undefined;
  return { q: replaceWords(q, corrections), words: [...new Set(corrections.values())], confident };
}
