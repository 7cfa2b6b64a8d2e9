/**
 * Per application database handle, kept until the search documents change: the facet index, and
 * the matches of recent queries (a query's other pages, sort orders and filters reuse its match).
 * Both are keyed by the generation read from the database with every statement (the writers a
 * snapshot sees, domain/generation.ts), so every application node sees every committed change.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { FacetIndex } from './facet-index.js';
import { documentChangesSince, loadPackedDocuments, type PackedMatch, type TitleRanks } from './repository/matches.js';
import { patchFacetIndex } from './facet-patch.js';
import { PATCH_LIMIT } from './term-index.js';
import { listed, sees } from './domain/generation.js';
import type { FacetCount } from './repository/search.js';
import { observeSearchIndex } from '../../platform/metrics.js';

const DEFAULT_CACHE_BYTES = 32 * 2 ** 20;

interface Holder {
  index?: FacetIndex;
  loading?: Promise<FacetIndex>;
  patching?: Promise<FacetIndex | undefined>;
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
 * it is read (and awaited). When the one held is older, it is patched from the documents changed
 * since (one statement; awaited); when that cannot be done (too many changes, a truncation, the
 * log pruned), a fresh one is read in the background (one read at a time) and undefined is
 * returned: the caller answers with SQL meanwhile, so a write never makes a search wait for the
 * whole index to be read again. Undefined too for a generation that is not listed (domain/generation.ts).
 * A newer index than asked for is returned as it is: the caller reads the generation again.
 */
export async function facetIndex(db: Kysely<DB>, generation: string): Promise<FacetIndex | undefined> {
  const h = holderOf(db);
  if (h.index?.generation === generation) return h.index;
  if (!listed(generation)) return undefined;
  if (h.index && !sees(generation, h.index.generation)) return h.index; // a search that read an older snapshot
  if (h.index && !h.loading) {
    const patched = await patchHeld(db, h);
    if (patched && sees(patched.generation, generation)) return patched;
  }
  const first = !h.index;
  const loadStarted = performance.now();
  h.loading ??= loadPackedDocuments(db)
    .then((packed) => {
      const index = new FacetIndex(packed);
      observeSearchIndex('facet_load', (performance.now() - loadStarted) / 1000);
      install(h, index);
      return index;
    })
    .finally(() => {
      h.loading = undefined;
    });
  if (first) return h.loading;
  h.loading.catch(() => undefined); // a failed background read is retried by the next search
  return undefined;
}

/**
 * Keep the newest index: a read that started earlier may finish later (one that sees the same
 * changes under the text of a later snapshot replaces it). A new index empties the match cache.
 */
function install(h: Holder, index: FacetIndex): void {
  if (!listed(index.generation) || (h.index && (index.generation === h.index.generation || !sees(index.generation, h.index.generation)))) return;
  h.index = index;
  h.matches.clear();
  h.bytes = 0;
}

/** Patch the held index to the current generation (one patch at a time); undefined when it cannot be. */
function patchHeld(db: Kysely<DB>, h: Holder): Promise<FacetIndex | undefined> {
  h.patching ??= (async () => {
    const patchStarted = performance.now();
    const index = h.index!;
    const changes = await documentChangesSince(db, index.generation, PATCH_LIMIT);
    if (changes.generation === index.generation) return index;
    // The log keeps the last 10,000 writers: an older index cannot know what changed.
    const patched = !changes.pruned && listed(changes.generation) ? patchFacetIndex(index, changes) : undefined;
    if (patched) observeSearchIndex('facet_patch', (performance.now() - patchStarted) / 1000);
    if (patched) install(h, patched);
    return h.index;
  })()
    .catch(() => undefined)
    .finally(() => {
      h.patching = undefined;
    });
  return h.patching;
}

export interface CountedMatch {
  generation: string;
  counts: FacetCount[];
  /** Indexes of the matches passing every filter. */
  eligible: Int32Array;
  /** Ranks of the eligible matches, once a page was ordered by relevance: whole-entry ranks (few matches) or title ranks. */
  ranks?: TitleRanks;
  /** Whole-entry ranks of the head of the title order (many matches). */
  rescored?: TitleRanks;
}

const sizeOf = (key: string, v: PackedMatch | CountedMatch) =>
  key.length + ('eligible' in v ? v.eligible.byteLength + v.counts.length * 64 + (v.ranks?.ranked.byteLength ?? 0) + (v.rescored?.ranked.byteLength ?? 0) : v.matches.byteLength);

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
