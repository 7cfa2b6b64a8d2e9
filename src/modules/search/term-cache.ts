/**
 * The term index (term-index.ts) of each application database handle, brought to the generation
 * a search reads: patched from the change log, one patch at a time, or started empty when the
 * log cannot tell what changed (too many documents, truncated, or pruned past it).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { PATCH_LIMIT, TermIndex, phraseKey, rankKey, splitKeys } from './term-index.js';
import { listed, sees } from './domain/generation.js';
import { anyLexemeOf } from './title-rank.js';
import { changesSince } from './repository/postings.js';
import { observeSearchIndex } from '../../platform/metrics.js';

const DEFAULT_TERMS_BYTES = 64 * 2 ** 20;

/**
 * Phrase and rank checks (changed documents × held phrases and ranked queries) a patch makes at
 * most; beyond, the held phrases and ranks are dropped (found again when a search needs them).
 */
export const patchLimits = { checks: 100_000 };

interface Holder {
  index?: TermIndex;
  patching?: Promise<void>;
  budget: number;
}

const holders = new WeakMap<object, Holder>();

function holderOf(db: Kysely<DB>): Holder {
  let h = holders.get(db);
  if (!h) holders.set(db, (h = { budget: DEFAULT_TERMS_BYTES }));
  return h;
}

/** Memory for the postings of this handle (SEARCH_TERMS_MB); 0 disables the term index. */
export function setTermIndexBytes(db: Kysely<DB>, bytes: number): void {
  const h = holderOf(db);
  h.budget = bytes;
  h.index = undefined;
}

/**
 * The term index of `db` at `generation`, or undefined when it is disabled, the generation is not
 * listed (domain/generation.ts), or the index is already at another generation (documents changed
 * meanwhile: the caller reads the generation again).
 */
export async function termIndexAt(db: Kysely<DB>, generation: string): Promise<TermIndex | undefined> {
  const h = holderOf(db);
  if (!h.budget || !listed(generation)) return undefined;
  if (!h.index) h.index = new TermIndex(generation, h.budget);
  if (!sees(generation, h.index.generation)) return undefined; // a search that read an older snapshot
  if (h.index.generation !== generation) {
    h.patching ??= bringUp(db, h).finally(() => {
      h.patching = undefined;
    });
    await h.patching;
  }
  return h.index?.generation === generation ? h.index : undefined;
}

async function bringUp(db: Kysely<DB>, h: Holder): Promise<void> {
  const started = performance.now();
  const index = h.index;
  if (!index) return;
  const held = index.held();
  const keys = splitKeys(held);
  const ranked = keys.ranked.map((tsquery) => ({ tsquery, anyLexeme: anyLexemeOf(tsquery) }));
  const perDocument = keys.phrases.length + ranked.length;
  const checkLimit = perDocument ? Math.floor(patchLimits.checks / perDocument) : PATCH_LIMIT;
  const changes = await changesSince(db, index.generation, { ...keys, ranked }, PATCH_LIMIT, checkLimit);
  if (h.index !== index) return; // disabled or replaced meanwhile
  if (changes.generation === index.generation) return;
  if (!listed(changes.generation)) h.index = undefined; // started again at the next listed generation
  else if (!sees(changes.generation, index.generation) || changes.pruned || changes.truncated || !changes.changed) h.index = new TermIndex(changes.generation, h.budget);
  else {
    index.patch(
      changes.generation,
      new Set(changes.checked ? held : keys.lexemes),
      changes.changed.map((c) => ({
        docNo: c.docNo,
        keys: [...c.lexemes, ...c.phrases.map(phraseKey)],
        ranks: c.ranks.map(([tsquery, rank]) => [rankKey(tsquery), rank] as const),
      })),
    );
    observeSearchIndex('term_patch', (performance.now() - started) / 1000);
  }
}
