/**
 * Facet counts of searches without query text (the search page and the database pages as first
 * opened, and any filter combination), reused until the search documents change: each change
 * increments a generation number in the database, so every application node sees it.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { Filters } from './domain/params.js';
import type { FacetCount } from './repository/search.js';
import { readGeneration } from './repository/index-write.js';

const MAX_ENTRIES = 256;

interface Cached {
  generation: string;
  counts: FacetCount[];
}

const caches = new WeakMap<object, Map<string, Cached>>();

function cacheOf(db: Kysely<DB>): Map<string, Cached> {
  let c = caches.get(db);
  if (!c) {
    c = new Map();
    caches.set(db, c);
  }
  return c;
}

/**
 * Counts for these filters from the cache of `owner` (the application's database handle), or
 * computed (and kept) with `compute`. `reader` reads the generation: the caller's transaction,
 * if any (the embedded database has a single connection).
 */
export async function cachedFacetCounts(owner: Kysely<DB>, reader: Kysely<DB>, filters: Filters, compute: () => Promise<FacetCount[]>): Promise<FacetCount[]> {
  const cache = cacheOf(owner);
  const key = JSON.stringify(filters);
  const generation = await readGeneration(reader);
  const hit = cache.get(key);
  if (hit && hit.generation === generation) {
    // Most recently used last, so the oldest entry is evicted first.
    cache.delete(key);
    cache.set(key, hit);
    return hit.counts;
  }
  const counts = await compute();
  cache.set(key, { generation, counts });
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  return counts;
}
