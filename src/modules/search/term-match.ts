/**
 * Matching a query with the in-memory term index: the documents of each lexeme and of each phrase
 * (held, or read from the database once and kept when frequent) combined in memory. A phrase
 * needs word positions, which the index does not hold: the database finds its documents, among
 * the documents holding all its words when they are few enough, else through its GIN index.
 * Answers the same PackedMatch as the database match (repository/matches.ts), for the same
 * generation.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { inTransaction } from '../../platform/db/batch.js';
import { Bits } from './domain/bits.js';
import { evaluate, lexemesOf, onlyPlainLexemes, parseTsQuery, phrasesOf, printTsQuery, type TsNode } from './domain/tsquery.js';
import type { FacetIndex } from './facet-index.js';
import { keepThreshold, phraseKey, type TermIndex } from './term-index.js';
import type { PackedMatch } from './repository/matches.js';
import { checkCandidates, lexemeQuery, postingsOf } from './repository/postings.js';
import { preferIndexScans } from './repository/search.js';

/** Phrase candidates checked against word positions at most; beyond, the database reads the phrase's documents whole. */
export const phraseLimits = { check: 20_000 };

/** The documents changed while matching: the caller starts again. */
export const RETRY = Symbol('retry');

/**
 * The match of `tsquery` at `generation` (that of `terms` and `index`), or undefined when the
 * database must match it (a prefix or weight restriction), or RETRY.
 */
export async function matchWithTerms(db: Kysely<DB>, terms: TermIndex, index: FacetIndex, tsquery: string): Promise<PackedMatch | typeof RETRY | undefined> {
  const { generation } = terms;
  let tree: TsNode;
  try {
    tree = parseTsQuery(tsquery);
  } catch {
    return undefined;
  }
  if (!onlyPlainLexemes(tree)) return undefined;

  // Held sets are taken now, before any wait (immutable sets of this generation); the others are read once.
  const postings = new Map<string, Bits>();
  const phraseNodes = phrasesOf(tree).map((node) => {
    const text = printTsQuery(node);
    return { node, text, key: phraseKey(text) };
  });
  const missing = lexemesOf(tree).filter((lexeme) => !take(terms, postings, lexeme));
  const unknownPhrases = phraseNodes.filter((p) => !take(terms, postings, p.key));
  const read = async (queries: { key: string; tsquery: string }[]): Promise<boolean> => {
    if (!queries.length) return true;
    const got = await inTransaction(db, async (trx) => {
      await preferIndexScans(trx);
      return postingsOf(trx, queries);
    });
    if (got.generation !== generation) return false;
    const minDocs = keepThreshold(got.documents);
    for (const { key } of queries) {
      const bits = Bits.fromPacked(got.postings.get(key) ?? Buffer.alloc(0));
      postings.set(key, bits);
      terms.keep(key, bits, generation, minDocs);
    }
    return true;
  };
  if (!(await read(missing.map(lexemeQuery)))) return RETRY;
  const lexemeBits = (lexeme: string) => postings.get(lexeme) ?? Bits.empty();

  // Each phrase not held: checked among the documents holding its words, or read whole.
  const wide: { key: string; tsquery: string }[] = [];
  for (const { node, text, key } of unknownPhrases) {
    if (postings.has(key)) continue; // the same phrase twice
    const candidates = evaluate(node, lexemeBits, index.universe).bits.values();
    if (candidates.length > phraseLimits.check) {
      if (!wide.some((w) => w.key === key)) wide.push({ key, tsquery: text });
      continue;
    }
    const checked = candidates.length ? await checkCandidates(db, text, candidates) : { generation, matches: Buffer.alloc(0) };
    if (checked.generation !== generation) return RETRY;
    const bits = Bits.fromPacked(checked.matches);
    postings.set(key, bits);
    terms.keep(key, bits, generation, keepThreshold(index.size));
  }
  if (!(await read(wide))) return RETRY;
  const phrases = new Map(phraseNodes.map((p) => [p.node, postings.get(p.key)!]));

  const { bits } = evaluate(tree, lexemeBits, index.universe, false, phrases);
  return { generation, matches: bits.packed() };
}

/** Take the held set of `key` into `postings`; false when not held. */
function take(terms: TermIndex, postings: Map<string, Bits>, key: string): boolean {
  const bits = terms.get(key);
  if (bits) postings.set(key, bits);
  return bits !== undefined;
}
