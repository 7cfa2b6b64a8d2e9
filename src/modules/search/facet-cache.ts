/**
 * Per application database handle, kept until the search documents change: the facet index, and
 * the matches of recent queries (a query's other pages, sort orders and filters reuse its match).
 * Every change of the documents increments a generation number in the database (a trigger, in
 * the writer's transaction), so every application node sees it; both are keyed by it.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { FacetIndex } from './facet-index.js';
import { loadPackedDocuments, type PackedMatch } from './repository/matches.js';

const DEFAULT_CACHE_BYTES = 32 * 2 ** 20;

interface Holder {
  index?: FacetIndex;
  loading?: Promise<FacetIndex>;
  /** Matches of the index's generation, least recently used first. */
  matches: Map<string, PackedMatch>;
  bytes: number;
  budget: number;
}

const holders = new WeakMap<object, Holder>();

function holderOf(db: Kysely<DB>): Holder {
  let holder = holders.get(db);
  if (!holder) {
    holder = { matches: new Map(), bytes: 0, budget: DEFAULT_CACHE_BYTES };
    holders.set(db, holder);
  }
  return holder;
}

/** Memory for cached matches of this handle (SEARCH_CACHE_MB); 0 disables the match cache. */
export function setMatchCacheBytes(db: Kysely<DB>, bytes: number): void {
  const h = holderOf(db);
  h.budget = bytes;
  evict(h);
}

/**
 * The facet index of `db` (the application's database handle): the one held if it is of
 * `generation` (or if no generation is asked), else a fresh one. The result may still be of
 * another generation when the documents changed meanwhile: the caller checks.
 */
export async function facetIndex(db: Kysely<DB>, generation?: string): Promise<FacetIndex> {
  const h = holderOf(db);
  if (h.index && (generation === undefined || h.index.generation === generation)) return h.index;
  h.loading ??= loadPackedDocuments(db)
    .then((packed) => {
      const index = new FacetIndex(packed);
      // Keep the newest: a load that started earlier may finish later.
      if (!h.index || BigInt(index.generation) > BigInt(h.index.generation)) {
        h.index = index;
        h.matches.clear();
        h.bytes = 0;
      }
      return index;
    })
    .finally(() => {
      h.loading = undefined;
    });
  return h.loading;
}

/** The cached match of `key` (the tsquery and whether ranks were asked) if of `generation`. */
export function cachedMatch(db: Kysely<DB>, generation: string, key: string): PackedMatch | undefined {
  const h = holderOf(db);
  const hit = h.matches.get(key);
  if (!hit || hit.generation !== generation) return undefined;
  h.matches.delete(key);
  h.matches.set(key, hit);
  return hit;
}

/** Keep a match (of the held index's generation only), evicting the least recently used beyond the budget. */
export function keepMatch(db: Kysely<DB>, key: string, match: PackedMatch): void {
  const h = holderOf(db);
  const size = match.matches.byteLength + match.ranked.byteLength + key.length;
  if (h.index?.generation !== match.generation || size > h.budget) return;
  const old = h.matches.get(key);
  if (old) h.bytes -= old.matches.byteLength + old.ranked.byteLength + key.length;
  h.matches.delete(key);
  h.matches.set(key, match);
  h.bytes += size;
  evict(h);
}

function evict(h: Holder): void {
  for (const [key, m] of h.matches) {
    if (h.bytes <= h.budget) break;
    h.matches.delete(key);
    h.bytes -= m.matches.byteLength + m.ranked.byteLength + key.length;
  }
}
