import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { sql, type Kysely, type Transaction } from 'kysely';
import { createTestRuntime, type TestRuntime } from '../helpers/db.js';
import { currentFacetIndex, currentTermIndex, facetSnapshot, openNode, termIndexWithFresh } from '../helpers/search-index.js';
import { ensureTestReference } from '../factories/reference.js';
import { aCase } from '../factories/knowledge.js';
import type { DB } from '../../src/platform/db/schema.js';
import type { Runtime } from '../../src/runtime.js';
import { saveRecords } from '../../src/modules/knowledge/service.js';
import { search } from '../../src/modules/search/service.js';
import { parseSearchParams } from '../../src/modules/search/domain/params.js';
import { FacetIndex } from '../../src/modules/search/facet-index.js';
import { setMatchCacheBytes } from '../../src/modules/search/facet-cache.js';
import { setTermIndexBytes } from '../../src/modules/search/term-cache.js';
import { splitKeys } from '../../src/modules/search/term-index.js';
import { Bits } from '../../src/modules/search/domain/bits.js';
import { loadPackedDocuments } from '../../src/modules/search/repository/matches.js';

/**
 * Writers of search documents do not wait for one another (migration 0051: no counter row), and
 * the in-memory indexes of every node stay exactly what the database holds: a save commits while
 * another transaction (an import) holds uncommitted changes, a second node sees it at once, and
 * both see everything once the import commits; random interleavings of several writers' commits
 * and rollbacks leave the patched indexes of both nodes equal to a fresh read.
 *
 * With PostgreSQL (TEST_DATABASE_URL) the writers hold transactions open side by side and a second
 * node (its own pool and indexes) runs against the same database. The embedded database is one
 * session: there a transaction holds the only connection, writers run one after another, and
 * there is one node.
 */
const server = Boolean(process.env.TEST_DATABASE_URL);
const COUNTRIES = ['FRA', 'ITA', 'ESP', 'COL'];
const DATES = [undefined, '2015-03-01', '2018-07-15', '2020-01-31'];
const WORDS = ['extradition', 'assistance', 'seizure', 'witness', 'evidence'];

const caseOf = (id: string, o: { country: string; date: string | undefined; crime: boolean; words: string }) =>
  aCase({ id, country: o.country, cooperating_states: [], ...(o.date ? { decision_date: o.date } : {}), ...(o.crime ? { crime_types: ['drug-offences'] } : {}), texts: { en: { title: `${o.words} ${id}`, summary: o.words } } });


const ROLLBACK = new Error('rolled back on purpose');

/** A transaction kept open across the steps of a test: work is run in it, then it commits or rolls back. */
function openWriter(db: Kysely<DB>) {
  const jobs: { fn: (trx: Transaction<DB>) => Promise<unknown>; resolve: (v: unknown) => void; reject: (e: unknown) => void }[] = [];
  let wake: (() => void) | undefined;
  let ending: 'commit' | 'rollback' | undefined;
  const done = db
    .transaction()
    .execute(async (trx) => {
      for (;;) {
        while (!jobs.length && !ending) await new Promise<void>((resolve) => (wake = resolve));
        const job = jobs.shift();
        if (!job) break;
        await job.fn(trx).then(job.resolve, job.reject);
      }
      if (ending === 'rollback') throw ROLLBACK;
    })
    .catch((err: unknown) => {
      if (err !== ROLLBACK) throw err;
    });
  return {
    run<T>(fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        jobs.push({ fn, resolve: resolve as (v: unknown) => void, reject });
        wake?.();
      });
    },
    end(outcome: 'commit' | 'rollback'): Promise<void> {
      ending = outcome;
      wake?.();
      return done;
    },
  };
}

async function found(db: Kysely<DB>, q: string): Promise<string[]> {
  const p = parseSearchParams({ q, hl: 'en', per_page: '100' });
  assert.ok(p.ok);
  return (await search(db, p.value)).results.map((r) => r.id);
}

/** The node's facet and term indexes, brought to the current generation, against a fresh read. */
async function assertCurrent(db: Kysely<DB>, label: string): Promise<void> {
  const index = await currentFacetIndex(db);
  assert.ok(index, `${label}: the facet index is patched, not read again`);
  assert.deepEqual(facetSnapshot(index), facetSnapshot(new FacetIndex(await loadPackedDocuments(db))), `${label}: facet index`);
  const held = await currentTermIndex(db);
  assert.ok(held, `${label}: the term index is at the current generation`);
  const { lexemes } = splitKeys(held.held());
  assert.ok(lexemes.length > 0, `${label}: words are held`);
  const { index: terms, fresh } = await termIndexWithFresh(db, lexemes);
  for (const w of lexemes) assert.deepEqual([...terms.get(w)!.values()], [...Bits.fromPacked(fresh.postings.get(w)!).values()], `${label}: ${w}`);
}

describe('search: concurrent writers', () => {
  let rt: TestRuntime;
  let nodeB: (Runtime & { close(): Promise<void> }) | undefined;
  /** The nodes searched: this one, and on a server a second one. */
  let nodes: { name: string; db: Kysely<DB> }[];

  before(async () => {
    rt = await createTestRuntime();
    await ensureTestReference(rt.db);
    // Every facet value the writers use exists already (a first use of a value inserts it).
    const seed = COUNTRIES.flatMap((country, i) => DATES.map((date, j) => caseOf(`cw-seed-${i}-${j}`, { country, date, crime: (i + j) % 2 === 0, words: WORDS.join(' ') })));
    await saveRecords(rt.db, seed, { origin: 'import' });
    if (server) nodeB = await openNode(rt);
    nodes = [{ name: 'A', db: rt.db }, ...(nodeB ? [{ name: 'B', db: nodeB.db }] : [])];
    for (const { db } of nodes) {
      setMatchCacheBytes(db, 0);
      setTermIndexBytes(db, 2 ** 20);
      for (const w of WORDS) await found(db, w); // the words are held, the indexes read
    }
  });
  after(async () => {
    await nodeB?.close();
    await rt?.close();
  });

  if (server) {
    it('commits a save while an import holds uncommitted changes, and every node sees it at once', async () => {
      const curator = caseOf('cw-curator', { country: 'ESP', date: '2018-07-15', crime: false, words: 'extradition quixotic' });
      const imported = Array.from({ length: 30 }, (_, i) => caseOf(`cw-import-${i}`, { country: 'FRA', date: '2015-03-01', crime: true, words: 'extradition zanzibar' }));
      const importer = openWriter(rt.db);
      const importXid = await importer.run(async (trx) => {
        await saveRecords(trx, imported.slice(0, 15), { origin: 'import' });
        await saveRecords(trx, imported.slice(15), { origin: 'import' });
        return (await sql<{ x: string }>`SELECT pg_current_xact_id()::text AS x`.execute(trx)).rows[0]!.x;
      });

      // The save runs on another connection with a lock timeout: waiting for the import's locks would fail it.
      await rt.db.transaction().execute(async (trx) => {
        await sql`SET LOCAL lock_timeout = '20s'`.execute(trx);
        await saveRecords(trx, [curator], { origin: 'editor' });
      });
      const status = await sql<{ s: string }>`SELECT pg_xact_status(${importXid}::xid8) AS s`.execute(rt.db);
      assert.equal(status.rows[0]!.s, 'in progress', 'the import is still open when the save has committed');

      for (const { name, db } of nodes) {
        assert.deepEqual(await found(db, 'quixotic'), ['cw-curator'], `node ${name} finds the save`);
        assert.deepEqual(await found(db, 'zanzibar'), [], `node ${name} does not see the open import`);
        assert.ok((await found(db, 'extradition')).includes('cw-curator'), `node ${name}: held word`);
        await assertCurrent(db, `node ${name}, import open`);
      }

      await importer.end('commit');
      for (const { name, db } of nodes) {
        assert.equal((await found(db, 'zanzibar')).length, 30, `node ${name} finds the import`);
        assert.deepEqual(await found(db, 'quixotic'), ['cw-curator']);
        await assertCurrent(db, `node ${name}, import committed`);
      }
    });
  }

  it('keeps every node exact through interleaved commits and rollbacks of several writers', async () => {
    let run = 0;
    const writerOp = fc.record({
      n: fc.integer({ min: 0, max: 5 }),
      kind: fc.constantFrom('save' as const, 'save' as const, 'delete' as const, 'undone' as const),
      country: fc.constantFrom(...COUNTRIES),
      date: fc.constantFrom(...DATES),
      crime: fc.boolean(),
      words: fc.subarray(WORDS, { minLength: 1 }).map((w) => w.join(' ')),
    });
    const writer = fc.record({ ops: fc.array(writerOp, { minLength: 1, maxLength: 4 }), outcome: fc.constantFrom('commit' as const, 'rollback' as const) });
    // A schedule: which writer takes its next step (an operation, then its end), and when the nodes are checked.
    const schedule = fc.record({ writers: fc.array(writer, { minLength: 1, maxLength: 3 }), order: fc.array(fc.nat(), { minLength: 1, maxLength: 20 }), checks: fc.array(fc.boolean(), { minLength: 20, maxLength: 20 }) });

    await fc.assert(
      fc.asyncProperty(schedule, async ({ writers, order, checks }) => {
        run++;
        // Each writer has entries of its own (two writers of one row would wait for each other: that is not the point).
        const idOf = (w: number, n: number) => `cw-${w}-${n}`;
        const steps = writers.map((w) => [...w.ops.map((op) => ({ op })), { end: w.outcome }]);
        const pending = steps.map((s) => s.length);
        const open = new Map<number, ReturnType<typeof openWriter>>();
        const step = async (w: number) => {
          const next = steps[w]![steps[w]!.length - pending[w]!]!;
          pending[w]!--;
          if (!open.has(w)) open.set(w, openWriter(rt.db));
          const trx = open.get(w)!;
          if ('end' in next) {
            await trx.end(next.end!);
            open.delete(w);
            return;
          }
          const { op } = next;
          const id = idOf(w, op.n);
          await trx.run(async (t) => {
            if (op.kind === 'delete') await sql`DELETE FROM entries WHERE id = ${id}`.execute(t);
            else if (op.kind === 'save') await saveRecords(t, [caseOf(id, { ...op, words: `${op.words} r${run}` })], { origin: 'import' });
            else {
              // Saved in a subtransaction rolled back: its log rows and its record of the writer go with it.
              await sql`SAVEPOINT undone`.execute(t);
              await saveRecords(t, [caseOf(id, { ...op, words: 'evidence' })], { origin: 'import' });
              await sql`ROLLBACK TO SAVEPOINT undone`.execute(t);
            }
          });
        };
        const check = async (label: string) => {
          for (const { name, db } of nodes) await assertCurrent(db, `node ${name}, ${label}`);
        };
        if (server) {
          // Side by side: the next step goes to the writer the schedule names, checks in between.
          for (const [i, pick] of order.entries()) {
            const live = pending.flatMap((p, w) => (p > 0 ? [w] : []));
            if (!live.length) break;
            await step(live[pick % live.length]!);
            if (checks[i]) await check(`step ${i}`);
          }
        }
        // Then (and on the embedded database, from the start) each writer in turn to its end.
        for (const [w] of steps.entries()) while (pending[w]! > 0) await step(w);
        await check('all ended');
      }),
      { numRuns: server ? 15 : 10 },
    );
  });
});
