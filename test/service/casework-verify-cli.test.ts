/**
 * `palermo casework verify` through its command (commander), on a real database: events/s printed, exit 1
 * naming the broken case and event; the streamed verification (verifyAll) agrees case by case with
 * verifying each case alone.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { Command } from 'commander';
import { sql } from 'kysely';
import { createTestRuntime, type TestRuntime } from '../helpers/db.js';
import { aCaseworkAuthority, anOfficer, aRegisteredCase } from '../factories/casework.js';
import { caseworkCommands } from '../../src/modules/casework/cli.js';
import { verifyAll, verifyHistory } from '../../src/modules/casework/verify-service.js';

let rt: TestRuntime;
before(async () => {
  rt = await createTestRuntime();
});
after(async () => rt.close());

async function run(...args: string[]): Promise<{ code: number; out: string[]; err: string }> {
  const out: string[] = [];
  const program = new Command().exitOverride();
  caseworkCommands(program, { withRuntime: (fn) => fn(rt), print: (l) => out.push(l) });
  const write = process.stderr.write.bind(process.stderr);
  let err = '';
  process.stderr.write = ((chunk: string) => ((err += chunk), true)) as typeof process.stderr.write;
  process.exitCode = 0;
  try {
    await program.parseAsync(['node', 'palermo', 'casework', 'verify', ...args]);
  } finally {
    process.stderr.write = write;
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { code, out, err };
}

it('verifies every history, then names the case and event altered in SQL', async () => {
  const a = await aCaseworkAuthority(rt.db);
  const b = await aCaseworkAuthority(rt.db);
  const id = await aRegisteredCase(rt.db, (await anOfficer(rt.db, a.id)).actor);
  await aRegisteredCase(rt.db, (await anOfficer(rt.db, b.id)).actor);
  const ok = await run();
  assert.equal(ok.code, 0);
  assert.match(ok.out.join('\n'), /^2 cases, 6 events verified in [\d.]+ s \(\d+ events\/s\); 0 broken$/m);
  await rt.db.transaction().execute(async (trx) => {
    await sql`ALTER TABLE case_events DISABLE TRIGGER case_events_no_change`.execute(trx);
    await sql`DELETE FROM case_events WHERE case_id = ${id} AND seq = 3`.execute(trx);
    await sql`ALTER TABLE case_events ENABLE TRIGGER case_events_no_change`.execute(trx);
  });
  const bad = await run();
  assert.equal(bad.code, 1);
  assert.match(bad.err, new RegExp(`BROKEN case ${id} .*head at event seq 2`));
  const onlyB = await run('--authority', b.id);
  assert.equal(onlyB.code, 0);
  assert.match(onlyB.out.join('\n'), /^1 cases, 3 events/m);
});

it('streams the cases in small fetches and gives each the verdict of verifying it alone', async () => {
  const c = await aCaseworkAuthority(rt.db);
  const officer = (await anOfficer(rt.db, c.id)).actor;
  const ids: string[] = [];
  for (let i = 0; i < 5; i++) ids.push(await aRegisteredCase(rt.db, officer));
  ids.sort();
  const [altered, emptied] = [ids[1]!, ids[3]!];
  await rt.db.transaction().execute(async (trx) => {
    await sql`ALTER TABLE case_events DISABLE TRIGGER case_events_no_change`.execute(trx);
    await sql`UPDATE case_events SET data = data || '{"note": "changed"}' WHERE case_id = ${altered} AND seq = 2`.execute(trx);
    await sql`DELETE FROM case_events WHERE case_id = ${emptied}`.execute(trx);
    await sql`ALTER TABLE case_events ENABLE TRIGGER case_events_no_change`.execute(trx);
  });
  const named: string[] = [];
  // Two rows per FETCH: cases and their events cross every batch boundary.
  const r = await verifyAll(rt.db, [c.id], { batch: 2, onFailure: (v) => named.push(v.caseId) });
  assert.equal(r.cases, 5);
  assert.equal(r.events, 4 * 3);
  assert.deepEqual(named, [altered, emptied]);
  assert.deepEqual(r.failures.map((f) => [f.caseId, f.verdict.problem?.kind, f.verdict.problem?.seq]), [[altered, 'hash', 2], [emptied, 'head', 0]]);
  for (const id of ids) {
    const alone = await verifyHistory(rt.db, officer, id);
    const streamed = r.failures.find((f) => f.caseId === id)?.verdict;
    assert.deepEqual(streamed ?? { ok: true, events: 3, head: alone.head }, alone);
  }
});
