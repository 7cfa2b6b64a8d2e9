/**
 * Child process of bench/jobs.bench.ts: graphile-worker on PGlite's single connection, with a
 * deadline. Prints one JSON line, then exits hard (the stalled runner cannot be stopped cleanly).
 */
import { sql } from 'kysely';
import { Logger, run } from 'graphile-worker';
import { openDatabase } from '../src/platform/db/database.js';

const SECONDS = 20;
const database = await openDatabase({ embedded: 'memory://' });
let done = 0;
const start = () => run({ pgPool: database.pool, concurrency: 1, noHandleSignals: true, pollInterval: 2000, taskList: { noop: async () => void done++ }, logger: new Logger(() => () => undefined) });
const installer = await start(); // installs its schema (migrations run before it listens)
await installer.stop();
await start();
const enqueued = await Promise.race([
  database.db.transaction().execute(async (trx) => void (await sql`SELECT graphile_worker.add_job('noop', '{}'::json)`.execute(trx))).then(() => true),
  new Promise<boolean>((r) => setTimeout(() => r(false), SECONDS * 1000)),
]);
const deadline = Date.now() + (enqueued ? SECONDS * 1000 : 0);
while (!done && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
process.stdout.write(`${JSON.stringify({ enqueued_within_20s: enqueued, ran_within_20s: done > 0, pool_waiting: database.pool.waitingCount })}\n`);
process.exit(0);
