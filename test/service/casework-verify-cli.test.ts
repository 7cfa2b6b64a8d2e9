/** `palermo casework verify` through its command (commander), on a real database: events/s printed, exit 1 naming the broken case and event. */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { Command } from 'commander';
import { sql } from 'kysely';
import { createTestRuntime, type TestRuntime } from '../helpers/db.js';
import { aCaseworkAuthority, anOfficer, aRegisteredCase } from '../factories/casework.js';
import { caseworkCommands } from '../../src/modules/casework/cli.js';

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
