/**
 * Matching a query with the in-memory term index: the documents of each lexeme (held postings,
 * or read from the database once and kept when frequent) combined in memory, phrase candidates
 * checked by the database, title ranks read through the title-vector index. Answers the same
 * PackedMatch as the database match (repository/matches.ts), for the same generation.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { inTransaction } from '../../platform/db/batch.js';
import { Bits } from './domain/bits.js';
import { evaluate, lexemesOf, onlyPlainLexemes, parseTsQuery, type TsNode } from './domain/tsquery.js';
import type { FacetIndex } from './facet-index.js';
import { keepThreshold, type TermIndex } from './term-index.js';
import type { PackedMatch } from './repository/matches.js';
import { checkCandidates, lexemePostings, titleRanks } from './repository/postings.js';
import { preferIndexScans } from './repository/search.js';

/** Phrase candidates checked against word positions at most; beyond, the database matches the whole query. */
export const CHECK_LIMIT = 20_000;

/** Matches ranked by number at most; with more, the titles holding a query word are ranked through their index. */
export const RANK_MATCHES_LIMIT = 5_000;

/** The documents changed while matching: the caller starts again. */
export const RETRY = Symbol('retry');

/**
 * The match of `tsquery` at `generation` (that of `terms` and `index`), or undefined when the
 * database must match it (a prefix or weight restriction, or a broad phrase), or RETRY.
 */
export async function matchWithTerms(
  db: Kysely<DB>,
  terms: TermIndex,
  index: FacetIndex,
  tsquery: string,
  rankLexemes: readonly string[] | undefined,
): Promise<PackedMatch | typeof RETRY | undefined> {
  const { generation } = terms;
  let tree: TsNode;
  try {
    tree = parseTsQuery(tsquery);
  } catch {
    return undefined;
  }
  if (!onlyPlainLexemes(tree)) return undefined;

  // Held postings are taken now (immutable sets of this generation); the others are read once.
  const postings = new Map<string, Bits>();
  const missing: string[] = [];
  for (const lexeme of lexemesOf(tree)) {
    const bits = terms.get(lexeme);
    if (bits) postings.set(lexeme, bits);
    else missing.push(lexeme);
  }
  if (missing.length) {
    const read = await inTransaction(db, async (trx) => {
      await preferIndexScans(trx);
      return lexemePostings(trx, missing);
    });
    if (read.generation !== generation) return RETRY;
    const minDocs = keepThreshold(read.documents);
    for (const lexeme of missing) {
      const bits = Bits.fromPacked(read.postings.get(lexeme) ?? Buffer.alloc(0));
      postings.set(lexeme, bits);
      terms.keep(lexeme, bits, generation, minDocs);
    }
  }

  const { bits, exact } = evaluate(tree, (lexeme) => postings.get(lexeme) ?? Bits.empty(), index.universe);
  let matched = bits;
  if (!exact) {
    const candidates = bits.values();
    if (candidates.length > CHECK_LIMIT) return undefined;
    const checked = candidates.length ? await checkCandidates(db, tsquery, candidates) : { generation, matches: Buffer.alloc(0) };
    if (checked.generation !== generation) return RETRY;
    matched = Bits.fromPacked(checked.matches);
  }
  const docs = matched.values();
  const matches = Bits.pack(docs);

  if (!rankLexemes?.length) return { generation, matches, ranked: Buffer.alloc(0), baseRank: 0 };
  const ranks = await inTransaction(db, async (trx) => {
    await preferIndexScans(trx);
    return titleRanks(trx, tsquery, rankLexemes.join(' | '), docs.length <= RANK_MATCHES_LIMIT ? docs : undefined);
  });
  if (ranks.generation !== generation) return RETRY;
  return { generation, matches, ranked: ranks.ranked, baseRank: ranks.baseRank };
}
