/**
 * Relevance of the matches that passed the filters (docs/SEARCH.md, "Ranking"): at most
 * rankLimits.whole of them are all ranked on the whole entry with field weights (title, summary,
 * body, labels); more are ordered by title rank, and the head of that order is ranked again on the
 * whole entry. Ranked after the filters, so a narrow search ("extradition request" in France, drug
 * offences) ranks its hundred documents by number instead of every title holding a query word.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { inTransaction } from '../../platform/db/batch.js';
import type { TitleRanks } from './repository/matches.js';
import { HeldRanks, rankLimits } from './domain/ranked.js';
import { rankKey, type TermIndex } from './term-index.js';
import { titleRanks, wholeRanks } from './repository/postings.js';
import { preferIndexScans } from './repository/search.js';

export { rankLimits };

/** Quoted tsquery operands of a tsquery's text: a title holding none ranks the base rank. */
const lexemesOfText = (tsquery: string) => tsquery.match(/'(?:[^'\\]|''|\\.)*'/g) ?? [];

/** The alternatives of a tsquery's lexemes ('a' | 'b' | …): the titles ranked; empty when none. */
export const anyLexemeOf = (tsquery: string) => lexemesOfText(tsquery).join(' | ');

/**
 * Title ranks of `docNos` (the eligible matches) for `tsquery` at `generation`, or undefined when
 * the documents changed meanwhile (the caller starts again). `terms`: the term index at that
 * generation, if any (holds the ranks of broad queries).
 */
export async function rankEligible(db: Kysely<DB>, generation: string, tsquery: string, docNos: Int32Array, terms?: TermIndex): Promise<TitleRanks | undefined> {
  const anyLexeme = anyLexemeOf(tsquery);
  if (!anyLexeme || !docNos.length) return { ranked: Buffer.alloc(0), baseRank: 0 };
  const few = docNos.length <= rankLimits.byNumber;
  const key = rankKey(tsquery);
  if (!few && terms?.generation === generation) {
    const held = terms.ranks(key);
    if (held) return held;
  }
  const ranks = await inTransaction(db, async (trx) => {
    await preferIndexScans(trx);
    return titleRanks(trx, tsquery, anyLexeme, few ? docNos : undefined);
  });
  if (ranks.generation !== generation) return undefined;
  if (!few) terms?.keep(key, new HeldRanks(ranks.ranked, ranks.baseRank), generation, 0);
  return { ranked: ranks.ranked, baseRank: ranks.baseRank };
}

/** Whether the eligible matches are all ranked on the whole entry (else titles, then the head). */
export const rankedWhole = (eligible: number) => eligible <= rankLimits.whole;

/**
 * Whole-entry ranks of `docNos` (int4 doc_no + float4 each; base rank -1, below any rank) at
 * `generation`, or undefined when the documents changed meanwhile.
 */
export async function rankWhole(db: Kysely<DB>, generation: string, tsquery: string, docNos: Int32Array | number[]): Promise<TitleRanks | undefined> {
  if (!docNos.length) return { ranked: Buffer.alloc(0), baseRank: -1 };
  const ranks = await wholeRanks(db, tsquery, docNos);
  if (ranks.generation !== generation) return undefined;
  return { ranked: ranks.ranked, baseRank: -1 };
}
