/**
 * Casework isolation in the database itself: statements run through withCaseScope see only the
 * acting authorities' cases (row-level security), whatever they ask for; the history chain is
 * appended in the transaction and an alteration in SQL is found, naming the event.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { createTestRuntime, type TestRuntime } from '../helpers/db.js';
import { withCaseScope } from '../../src/modules/casework/repository/scope.js';
import { appendEvent, listEvents } from '../../src/modules/casework/repository/history.js';
import { verifyChain } from '../../src/modules/casework/domain/history.js';

let rt: TestRuntime;
before(async () => {
  rt = await createTestRuntime();
});
after(async () => rt.close());

async function newCase(authority: string, title: string, executing: string[] = []): Promise<string> {
  return withCaseScope(rt.db, [authority], async (trx) => {
    const row = await trx
      .insertInto('casework_cases')
      .values({ authority_id: authority, country: 'FRA', direction: 'incoming', kind: 'mla', state: 'received', partner_country: 'ITA', title, executing_authority_ids: executing })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendEvent(trx, { caseId: row.id, type: 'created', data: { title }, actorId: null, actorName: 'test', actingAuthorityId: authority });
    return row.id;
  });
}

test('a scoped statement sees only its authorities\' cases and those forwarded to them', async () => {
  const a = await newCase('auth-a', 'Case of A');
  const b = await newCase('auth-b', 'Case of B', ['exec-x']);
  const seen = (authorities: string[]) =>
    withCaseScope(rt.db, authorities, async (trx) => (await sql<{ id: string }>`SELECT id FROM casework_cases ORDER BY title`.execute(trx)).rows.map((r) => r.id));
  assert.deepEqual(await seen(['auth-a']), [a]);
  assert.deepEqual(await seen(['auth-b']), [b]);
  assert.deepEqual(await seen(['exec-x']), [b]);
  assert.deepEqual(await seen([]), []);
  const events = await withCaseScope(rt.db, ['auth-a'], async (trx) => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM case_events`.execute(trx)).rows[0]!.n);
  assert.equal(events, 1, 'history of the other authority\'s case is invisible too');
  // Writing a case for another authority is refused by the policy's WITH CHECK.
  await assert.rejects(
    withCaseScope(rt.db, ['auth-a'], (trx) => trx.insertInto('casework_cases').values({ authority_id: 'auth-b', country: 'FRA', direction: 'incoming', kind: 'mla', state: 'received', partner_country: 'ITA', title: 'x' }).execute()),
    /row-level security/,
  );
});

test('the history chain verifies, and an event altered in SQL is named', async () => {
  const id = await newCase('auth-c', 'Chain');
  await withCaseScope(rt.db, ['auth-c'], async (trx) => {
    for (let i = 0; i < 3; i++) await appendEvent(trx, { caseId: id, type: 'edited', data: { n: i }, actorId: null, actorName: 'test', actingAuthorityId: 'auth-c' });
  });
  const check = () =>
    withCaseScope(rt.db, ['auth-c'], async (trx) => {
      const head = await trx.selectFrom('casework_cases').select(['history_seq', 'history_head']).where('id', '=', id).executeTakeFirstOrThrow();
      return verifyChain(await listEvents(trx, id), { seq: head.history_seq, head: head.history_head });
    });
  const ok = await check();
  assert.equal(ok.ok, true);
  assert.equal(ok.events, 4);
  await rt.db.transaction().execute(async (trx) => {
    await sql`ALTER TABLE case_events DISABLE TRIGGER case_events_no_change`.execute(trx);
    await sql`UPDATE case_events SET data = '{"n": 99}' WHERE case_id = ${id} AND seq = 3`.execute(trx);
    await sql`ALTER TABLE case_events ENABLE TRIGGER case_events_no_change`.execute(trx);
  });
  const bad = await check();
  assert.equal(bad.ok, false);
  assert.equal(bad.problem?.kind, 'hash');
  assert.equal(bad.problem?.seq, 3);
  await assert.rejects(sql`UPDATE case_events SET data = '{}' WHERE case_id = ${id}`.execute(rt.db), /append-only/);
});
