/** Views of the in-memory search indexes that tests compare with a fresh read of the database. */
import { FACETS } from '../../src/modules/search/domain/params.js';
import type { Kysely } from 'kysely';
import type { DB } from '../../src/platform/db/schema.js';
import type { FacetIndex } from '../../src/modules/search/facet-index.js';
import type { TermIndex } from '../../src/modules/search/term-index.js';
import { facetIndex } from '../../src/modules/search/facet-cache.js';
import { termIndexAt } from '../../src/modules/search/term-cache.js';
import { readGeneration } from '../../src/modules/search/repository/generation.js';
import { sees } from '../../src/modules/search/domain/generation.js';
import { lexemePostings } from '../../src/modules/search/repository/postings.js';
import { loadConfig } from '../../src/config.js';
import { openDatabase } from '../../src/platform/db/database.js';
import { createLogger } from '../../src/platform/log.js';
import { openRuntime, type Runtime } from '../../src/runtime.js';
import type { TestRuntime } from './db.js';

/** Another application node on the same PostgreSQL database: its own pool, so its own in-memory indexes. */
export async function openNode(rt: TestRuntime): Promise<Runtime & { close(): Promise<void> }> {
  const config = { ...loadConfig({ PALERMO_DEMO: '0', LOG_LEVEL: 'silent' }) };
  const database = await openDatabase({ url: rt.database.pool.options.connectionString!, poolMax: 4 });
  const node = await openRuntime(config, createLogger('silent'), { database });
  return { ...node, close: () => database.close() };
}

/** Documents in date order, each with its facet keys (sorted): comparable whatever the dense ids. */
export function facetSnapshot(index: FacetIndex): [number, string[]][] {
  const { docNos, offsets, ids, dictionary } = index.parts();
  const key = (d: number) => (dictionary.facetOf[d]! < 0 ? '*' : `${FACETS[dictionary.facetOf[d]!]}:${dictionary.values[d]}`);
  return Array.from(docNos, (n, i) => [n, Array.from(ids.subarray(offsets[i]!, offsets[i + 1]!), key).sort()]);
}

/**
 * The facet index at the generation just read (asked again while the generation's text moves
 * under other transactions of the server; undefined when the index must be read whole).
 */
export async function currentFacetIndex(db: Kysely<DB>): Promise<FacetIndex | undefined> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const generation = await readGeneration(db);
    const index = await facetIndex(db, generation);
    if (!index || index.generation === generation) return index;
  }
  throw new Error('the generation kept moving');
}

/** The term index at the generation just read (same as currentFacetIndex). */
export async function currentTermIndex(db: Kysely<DB>): Promise<TermIndex | undefined> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const generation = await readGeneration(db);
    const index = await termIndexAt(db, generation);
    if (index?.generation === generation) return index;
  }
  return undefined;
}

/** Two generations that see the same changes (their texts may differ). */
export const sameChanges = (a: string, b: string) => sees(a, b) && sees(b, a);

/**
 * The term index at the current generation and a fresh read of `lexemes` that sees exactly the same
 * changes. Two statements may read different generation texts (the snapshot's xmin moves with other
 * transactions, and a later statement may see a writer the first did not): asked again until both
 * describe the same changes, so a comparison of their postings is exact.
 */
export async function termIndexWithFresh(db: Kysely<DB>, lexemes: readonly string[]) {
  for (let attempt = 0; attempt < 10; attempt++) {
    const index = await currentTermIndex(db);
    if (!index) continue;
    const fresh = await lexemePostings(db, lexemes);
    if (sameChanges(fresh.generation, index.generation)) return { index, fresh };
  }
  throw new Error('no term index and fresh read at the same changes after 10 attempts');
}
