/**
 * Casework parts working together, on a real database: an executing authority's officers see the
 * history of their own track (its events carry data.executing_authority_id) and nothing of another
 * authority's track; every event marks the case as changed (updated_at: the worklist's last activity);
 * a deputy's "mine" holds the cases of the officer they cover during the absence, and only then.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestRuntime, type TestRuntime } from '../helpers/db.js';
import { forwardRequest, recordChase, recordStatusEnquiry, transitionExecution } from '../../src/modules/casework/execution-service.js';
import { setDeadline } from '../../src/modules/casework/deadline-service.js';
import { getCase } from '../../src/modules/casework/service.js';
import { addDeputy } from '../../src/modules/casework/settings-service.js';
import { listWorklist, worklistCounts } from '../../src/modules/casework/worklist-service.js';
import { addDays, todayIso } from '../../src/modules/casework/domain/working-days.js';
import { executionWorld, insertCase, type ExecutionWorld } from './casework-execution-support.js';

describe('casework integration', () => {
  let rt: TestRuntime;
  let w: ExecutionWorld;
  const today = todayIso();
  before(async () => {
    rt = await createTestRuntime();
    w = await executionWorld(rt.db);
  });
  after(async () => rt?.close());

  it('execution events carry the executing authority, whose officers see their own track’s history only', async () => {
    const id = await insertCase(rt.db, w.central);
    const t1 = (await forwardRequest(rt.db, w.officer.actor, id, { executingAuthorityId: w.exec1, dueOn: addDays(today, 30) })).execution;
    const t2 = (await forwardRequest(rt.db, w.officer.actor, id, { executingAuthorityId: w.exec2 })).execution;
    await transitionExecution(rt.db, w.exec1Officer.actor, t1.id, { transition: 'acknowledge', theirReference: 'PR-1' });
    await transitionExecution(rt.db, w.exec2Officer.actor, t2.id, { transition: 'acknowledge', theirReference: 'SECRET-2' });
    await recordChase(rt.db, w.officer.actor, t2.id, {});
    await setDeadline(rt.db, w.officer.actor, id, { kind: 'custom', label: 'Only for exec2', dueOn: addDays(today, 9), executionId: t2.id });

    const owner = await getCase(rt.db, w.officer.actor, id, { log: false });
    const trackEvents = owner.events.filter((e) => ['execution_forwarded', 'execution_transition', 'chased'].includes(e.type) || (e.data as Record<string, unknown>).executionId);
    assert.ok(trackEvents.length >= 6);
    for (const e of trackEvents) {
      const d = e.data as Record<string, unknown>;
      const track = d.executionId === t1.id ? w.exec1 : w.exec2;
      assert.equal(d.executing_authority_id, track, `${e.type} #${e.seq} names its executing authority`);
    }
    assert.ok(owner.verification.ok);

    const exec1 = await getCase(rt.db, w.exec1Officer.actor, id, { log: false });
    const seen = exec1.events.map((e) => e.type);
    assert.ok(seen.includes('execution_forwarded') && seen.includes('execution_transition') && seen.includes('deadline_set'), `exec1 sees its track: ${seen.join(', ')}`);
    assert.ok(exec1.events.every((e) => { const d = e.data as Record<string, unknown>; return d.executionId === undefined || d.executionId === t1.id; }), 'nothing of the other track');
    assert.ok(!JSON.stringify(exec1.events).includes('SECRET-2') && !JSON.stringify(exec1.events).includes('Only for exec2'));
    assert.ok(!exec1.events.some((e) => e.type === 'chased'), 'the chase of the other track is not shown');
    assert.ok(exec1.verification.ok, 'the whole chain still verifies for the reader');
  });

  it('every event moves the case’s last activity (updated_at), and the worklist sorts by it', async () => {
    const older = await insertCase(rt.db, w.central, { title: 'Older activity' });
    const newer = await insertCase(rt.db, w.central, { title: 'Newer activity' });
    const at = async (id: string) => (await rt.db.selectFrom('casework_cases').select('updated_at').where('id', '=', id).executeTakeFirstOrThrow()).updated_at.getTime();
    // Both cases as if last touched a year ago; then an event on the older one only.
    const yearAgo = new Date(Date.now() - 365 * 86_400_000);
    await rt.db.updateTable('casework_cases').set({ updated_at: yearAgo }).where('id', 'in', [older, newer]).execute();
    await rt.db.updateTable('casework_cases').set({ updated_at: new Date(yearAgo.getTime() + 1000) }).where('id', '=', newer).execute();
    const before = await at(older);
    await recordStatusEnquiry(rt.db, w.officer.actor, older, { date: today, channel: 'electronic' });
    assert.ok((await at(older)) > before, 'a status enquiry (an event only) is activity on the case');
    const list = await listWorklist(rt.db, w.officer.actor, { view: 'team', sort: 'updated' });
    const order = list.rows.map((r) => r.id).filter((x) => x === older || x === newer);
    assert.deepEqual(order, [older, newer], 'the case with the latest event comes first');
  });

  it('a deputy’s “mine” holds the absent officer’s cases during the absence only', async () => {
    const id = await insertCase(rt.db, w.central, { title: 'Assigned to the absent officer', assignedTo: w.officer.id });
    const mine = async () => (await listWorklist(rt.db, w.officer2.actor, { view: 'mine' })).rows.map((r) => r.id);
    assert.ok(!(await mine()).includes(id));
    await addDeputy(rt.db, w.supervisor.ctx, w.central, { userId: w.officer.id, deputyId: w.officer2.id, from: addDays(today, 3), until: addDays(today, 6) });
    assert.ok(!(await mine()).includes(id), 'not before the absence');
    await addDeputy(rt.db, w.supervisor.ctx, w.central, { userId: w.officer.id, deputyId: w.officer2.id, from: addDays(today, -1), until: today });
    assert.ok((await mine()).includes(id), 'during the absence');
    const counts = await worklistCounts(rt.db, w.officer2.actor);
    assert.ok(counts.mine >= 1);
    assert.ok((await listWorklist(rt.db, w.officer.actor, { view: 'mine' })).rows.some((r) => r.id === id), 'still the officer’s own');
    assert.ok(!(await listWorklist(rt.db, w.exec1Officer.actor, { view: 'mine' })).rows.some((r) => r.id === id), 'no one else’s');
  });
});
