/**
 * Per application database handle, kept until the search documents change: the facet index, and
 * the matches of recent queries (a query's other pages, sort orders and filters reuse its match).
 * Every change of the documents increments a generation number in the database (a trigger, in
 * the writer's transaction), so every application node sees it; both are keyed by it.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { FacetIndex } from './facet-index.js';
import { loadPackedDocuments, type PackedMatch, type TitleRanks } from './repository/matches.js';
import type { FacetCount } from './repository/search.js';

const DEFAULT_CACHE_BYTES = 32 * 2 ** 20;

interface Holder {
  index?: FacetIndex;
  loading?: Promise<FacetIndex>;
  /** Matches, and counts of a match under filters, of the index's generation, least recently used first. */
  matches: Map<string, PackedMatch | CountedMatch>;
  /** Analysed query terms by configuration and text (analysis only changes with a migration). */
  terms: Map<string, { stem: string; exact: string }[]>;
  bytes: number;
  budget: number;
}

const holders = new WeakMap<object, Holder>();

function holderOf(db: Kysely<DB>): Holder {
  let holder = holders.get(db);
  if (!holder) {
    holder = { matches: new Map(), terms: new Map(), bytes: 0, budget: DEFAULT_CACHE_BYTES };
    holders.set(db, holder);
  }
  return holder;
}

/** Memory for cached matches of this handle (SEARCH_CACHE_MB); 0 disables the match cache. */
export function setMatchCacheBytes(db: Kysely<DB>, bytes: number): void {
  const h = holderOf(db);
  h.budget = bytes;
  if (!bytes) h.terms.clear();
  evict(h);
}

/**
 * The facet index of `db` (the application's database handle) for `generation`. The first time,
 * it is read (and awaited). When the one held is of another generation, a fresh one is read in
 * the background (one read at a time) and undefined is returned: the caller answers with SQL
 * meanwhile, so a write never makes a search wait for the whole index to be read again.
 */
export async function facetIndex(db: Kysely<DB>, generation: string): Promise<FacetIndex | undefined> {
  const h = holderOf(db);
  if (h.index?.generation === generation) return h.index;
  const first = !h.index;
  h.loading ??= loadPackedDocuments(db)
    .then((packed) => {
      const index = new FacetIndex(packed);
      // Keep the newest: a read that started earlier may finish later.
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
  if (first) return h.loading;
  h.loading.catch(() => undefined); // a failed background read is retried by the next search
  return undefined;
}

export interface CountedMatch {
  generation: string;
  counts: FacetCount[];
  /** Indexes of the matches passing every filter. */
  eligible: Int32Array;
  /** Title ranks of the eligible matches, once a page was ordered by relevance. */
  ranks?: TitleRanks;
}

const sizeOf = (key: string, v: PackedMatch | CountedMatch) =>
  key.length + ('eligible' in v ? v.eligible.byteLength + v.counts.length * 64 + (v.ranks?.ranked.byteLength ?? 0) : v.matches.byteLength);

/** The cached match (or counts) of `key` if of `generation`. */
export function cachedMatch(db: Kysely<DB>, generation: string, key: string): PackedMatch | undefined {
  return cached(db, generation, `m ${key}`) as PackedMatch | undefined;
}

export function cachedCounts(db: Kysely<DB>, generation: string, key: string): CountedMatch | undefined {
  return cached(db, generation, `c ${key}`) as CountedMatch | undefined;
}

function cached(db: Kysely<DB>, generation: string, key: string): PackedMatch | CountedMatch | undefined {
  const h = holderOf(db);
  const hit = h.matches.get(key);
  if (!hit || hit.generation !== generation) return undefined;
  h.matches.delete(key);
  h.matches.set(key, hit);
  return hit;
}

export const keepMatch = (db: Kysely<DB>, key: string, match: PackedMatch) => keep(db, `m ${key}`, match);
export const keepCounts = (db: Kysely<DB>, key: string, counted: CountedMatch) => keep(db, `c ${key}`, counted);

/** Keep a value (of the held index's generation only), evicting the least recently used beyond the budget. */
function keep(db: Kysely<DB>, key: string, value: PackedMatch | CountedMatch): void {
  const h = holderOf(db);
  const size = sizeOf(key, value);
  if (h.index?.generation !== value.generation || size > h.budget) return;
  const old = h.matches.get(key);
  if (old) h.bytes -= sizeOf(key, old);
  h.matches.delete(key);
  h.matches.set(key, value);
  h.bytes += size;
  evict(h);
}

function evict(h: Holder): void {
  for (const [key, v] of h.matches) {
    if (h.bytes <= h.budget) break;
    h.matches.delete(key);
    h.bytes -= sizeOf(key, v);
  }
}

const MAX_TERMS = 2000;

/** Analysed terms of a query (cached per handle, bounded; not when the cache is disabled). */
export async function cachedTerms(db: Kysely<DB>, key: string, analyse: () => Promise<{ stem: string; exact: string }[]>): Promise<{ stem: string; exact: string }[]> {
  const h = holderOf(db);
  const hit = h.terms.get(key);
  if (hit) return hit;
  const terms = await analyse();
  if (!h.budget) return terms;
  h.terms.set(key, terms);
  if (h.terms.size > MAX_TERMS) h.terms.delete(h.terms.keys().next().value!);
  return terms;
}
