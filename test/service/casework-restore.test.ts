/**
 * Casework after `palermo restore` (PalermoModule.verifyRestore): a backup restored into an empty
 * database verifies every case history; an event altered in SQL before the backup is named (case and
 * event) by the restore's verification. Real database (PGlite, or PostgreSQL with TEST_DATABASE_URL).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, it } from 'node:test';
import { sql } from 'kysely';
import { takeBackup } from '../../src/platform/backup/dump.js';
import { restoreInto } from '../../src/restore.js';
import { createTestRuntime, type TestRuntime } from '../helpers/db.js';
import { emptyDatabase } from '../helpers/backup.js';
import { aCaseworkAuthority, anOfficer, aRegisteredCase } from '../factories/casework.js';

let rt: TestRuntime;
let dir: string;
before(async () => {
  rt = await createTestRuntime();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palermo-cw-restore-'));
});
after(async () => {
  await rt?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Back up the test database and restore it into a new empty one; the problems the modules' hooks report. */
async function backupAndRestore(name: string): Promise<string[]> {
  const file = path.join(dir, `${name}.backup.gz`);
  await takeBackup(rt.database.pool, file, { database: rt.database.mode });
  const target = await emptyDatabase();
  try {
    return (await restoreInto(target.database, rt.config, rt.logger, file)).problems;
  } finally {
    await target.drop();
  }
}

it('verifies every case history after a restore, and names a case and event altered before the backup', async () => {
  const a = await aCaseworkAuthority(rt.db);
  const b = await aCaseworkAuthority(rt.db);
  const first = await aRegisteredCase(rt.db, (await anOfficer(rt.db, a.id)).actor);
  const second = await aRegisteredCase(rt.db, (await anOfficer(rt.db, b.id)).actor);

  assert.deepEqual(await backupAndRestore('whole'), []);

  // Someone with the database rewrites what an event says (the append-only trigger switched off).
  const altered = await rt.db.selectFrom('case_events').select(['id', 'seq']).where('case_id', '=', second).where('seq', '=', 2).executeTakeFirstOrThrow();
  await rt.db.transaction().execute(async (trx) => {
    await sql`ALTER TABLE case_events DISABLE TRIGGER case_events_no_change`.execute(trx);
    await sql`UPDATE case_events SET data = data || '{"comment": "nothing happened"}'::jsonb WHERE id = ${altered.id}`.execute(trx);
    await sql`ALTER TABLE case_events ENABLE TRIGGER case_events_no_change`.execute(trx);
  });

  const problems = await backupAndRestore('altered');
  assert.equal(problems.length, 1, problems.join('\n'));
  assert.match(problems[0]!, new RegExp(`^casework: history of case ${second} .*of ${b.id}: \\w+ at event seq 2 \\(id ${altered.id}\\)$`));
  assert.ok(!problems[0]!.includes(first), 'the whole case is not named');
});
