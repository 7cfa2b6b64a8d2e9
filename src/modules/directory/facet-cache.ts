/**
 * Facet counts (and so the number of matches) of directory searches, kept until the authorities
 * change: every change increments a generation number in the database (trigger, migration 0041), so
 * every application node sees it. The directory changes a few times a day and readers repeat the same
 * searches (the directory as first opened, a filter, a common word), while counting a broad query
 * reads every match. Not used inside a transaction (its uncommitted changes could be rolled back).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { facetCounts, readDirectoryGeneration, type SearchFilter } from './repository.js';

type Counts = Awaited<ReturnType<typeof facetCounts>>;

const MAX_ENTRIES = 256;
const caches = new WeakMap<object, { generation: string; byFilter: Map<string, Counts> }>();

/** Facet counts of the matches of `f`: from the cache when `f` has no query text. */
export async function directoryFacetCounts(db: Kysely<DB>, f: SearchFilter): Promise<Counts> {
  if (db.isTransaction) return facetCounts(db, f);
  const generation = await readDirectoryGeneration(db);
  let cache = caches.get(db);
  if (!cache || cache.generation !== generation) {
    cache = { generation, byFilter: new Map() };
    caches.set(db, cache);
  }
  const key = JSON.stringify(f);
  const hit = cache.byFilter.get(key);
  if (hit) return hit;
  const counts = await facetCounts(db, f);
  cache.byFilter.set(key, counts);
  if (cache.byFilter.size > MAX_ENTRIES) cache.byFilter.delete(cache.byFilter.keys().next().value!);
  return counts;
}
