/**
 * Generations of data that app nodes cache in memory (table cache_generations, migration 0052).
 * Statement-level triggers move a generation in the transaction that changes the cached tables, so
 * every node sees the move once it commits. A cache reads the generation before its data and keeps
 * what it loaded tagged with it; when a later read finds a higher generation it loads again.
 *
 * Cost: within an HTTP request the generations are read once (one indexed read of a few rows,
 * shared by every cache the request uses: see `generationScope`); outside a request (CLI, tests)
 * each call reads them.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Kysely } from 'kysely';
import type { DB } from './schema.js';

export type GenerationName = 'reference' | 'thesaurus';

type Generations = ReadonlyMap<string, number>;

/** The generations read in the current request, per database handle. */
const scope = new AsyncLocalStorage<Map<object, Promise<Generations>>>();

/** Run `fn` (a request) with its own generation reads: the first cache that asks reads them, the others reuse that read. */
export function generationScope<T>(fn: () => T, reads: Map<object, Promise<Generations>> = new Map()): T {
  return scope.run(reads, fn);
}

async function selectGenerations(db: Kysely<DB>): Promise<Generations> {
  const rows = await db.selectFrom('cache_generations').select(['name', 'generation']).execute();
  return new Map(rows.map((r) => [r.name, Number(r.generation)]));
}

/** The current generation of `name` (0 when never counted). */
export async function readGeneration(db: Kysely<DB>, name: GenerationName): Promise<number> {
  const reads = db.isTransaction ? undefined : scope.getStore();
  let read = reads?.get(db);
  if (!read) {
    read = selectGenerations(db);
    if (reads) {
      reads.set(db, read);
      read.catch(() => reads.delete(db));
    }
  }
  return (await read).get(name) ?? 0;
}

/**
 * A value held per database handle and rebuilt when the generation of `name` moved. Loads run
 * once per generation however many callers ask at the same time; a caller that read an older
 * generation (its request began before the change) is given the newer value.
 */
export class GenerationCache<T> {
  private slots = new WeakMap<object, { generation: number; value: Promise<T> }>();

  constructor(
    private readonly name: GenerationName,
    private readonly load: (db: Kysely<DB>) => Promise<T>,
  ) {}

  async get(db: Kysely<DB>): Promise<T> {
    const generation = await readGeneration(db, this.name);
    const slot = this.slots.get(db);
    if (slot && slot.generation >= generation) return slot.value;
    const value = this.load(db);
    const fresh = { generation, value };
    this.slots.set(db, fresh);
    value.catch(() => {
      if (this.slots.get(db) === fresh) this.slots.delete(db);
    });
    return value;
  }

  /** Forget the value of every handle in this process (the next get loads it again). */
  clear(): void {
    this.slots = new WeakMap();
  }
}
