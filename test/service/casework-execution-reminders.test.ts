/**
 * Deadlines, settings, deputies and the reminder scan on a real database: a scan run twice creates
 * each notification and queued mail once; the deputy of an absent officer gets their reminders;
 * supervisors hear of overdue deadlines; a silent executing authority prompts a chase.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestRuntime, type TestRuntime } from '../helpers/db.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../../src/platform/http/errors.js';
import { forwardRequest } from '../../src/modules/casework/execution-service.js';
import { changeDeadline, listDeadlines, meetDeadline, setDeadline } from '../../src/modules/casework/deadline-service.js';
import { actingFor, addDeputy, getCaseworkSettings, removeDeputy, saveCaseworkSettings, setServiceLevel } from '../../src/modules/casework/settings-service.js';
import { listNotifications, markRead, unreadCount } from '../../src/modules/casework/notification-service.js';
import { runDeadlineScan, scanDeadlinesJob, SCAN_DEADLINES } from '../../src/modules/casework/jobs.js';
import { withCaseScope } from '../../src/modules/casework/repository/scope.js';
import { addDays, addWorkingDays, todayIso } from '../../src/modules/casework/domain/working-days.js';
import { executionWorld, insertCase, type ExecutionWorld } from './casework-execution-support.js';
import { sql } from 'kysely';

describe('casework deadlines and reminders', () => {
  let rt: TestRuntime;
  let w: ExecutionWorld;
  const today = todayIso();
  before(async () => {
    rt = await createTestRuntime();
    w = await executionWorld(rt.db);
  });
  after(async () => rt?.close());

  it('the supervisor sets the calendar and service levels; deadlines are computed from them, moved and met', async () => {
    await assert.rejects(saveCaseworkSettings(rt.db, w.officer.ctx, w.central, {}), ForbiddenError);
    await assert.rejects(saveCaseworkSettings(rt.db, w.supervisor.ctx, w.central, { workingDays: [9], chaseAfterDays: 0, remindDaysBefore: 2, holidays: 'someday' }), (e: unknown) =>
      e instanceof ValidationError && ['holidays', 'workingDays', 'chaseAfterDays'].every((f) => e.issues?.some((i) => i.field === f)),
    );
    const holiday = addDays(today, 1);
    await saveCaseworkSettings(rt.db, w.supervisor.ctx, w.central, { workingDays: ['1', '2', '3', '4', '5'], holidays: holiday, chaseAfterDays: '20', remindDaysBefore: '2', statutoryDays: { provisional_arrest: '40' } });
    await setServiceLevel(rt.db, w.supervisor.ctx, w.central, { kind: 'mla', state: 'registered', days: 10, workingDays: true });
    const s = await getCaseworkSettings(rt.db, w.supervisor.actor, w.central);
    assert.deepEqual(s.holidays, [holiday]);
    assert.equal(s.chaseAfterDays, 20);
    assert.deepEqual(s.serviceLevels, [{ kind: 'mla', state: 'registered', days: 10, workingDays: true }]);
    assert.ok(s.staff.some((u) => u.id === w.officer.id));
    await assert.rejects(getCaseworkSettings(rt.db, w.supervisor.actor, w.other), ForbiddenError);

    const caseId = await insertCase(rt.db, w.central, { partnerDeadline: '2030-06-30', kind: 'provisional_arrest' });
    const partner = await setDeadline(rt.db, w.officer.actor, caseId, { kind: 'partner', label: 'Partner’s date' });
    assert.equal(partner.dueOn, '2030-06-30');
    const statutory = await setDeadline(rt.db, w.officer.actor, caseId, { kind: 'statutory', label: 'Extradition request due', startOn: '2030-01-01' });
    assert.equal(statutory.dueOn, '2030-02-10');
    await assert.rejects(setDeadline(rt.db, w.officer.actor, caseId, { kind: 'service_level', label: 'Assessment' }), (e: unknown) => e instanceof ValidationError && e.issues?.[0]?.field === 'dueOn');
    const mla = await insertCase(rt.db, w.central);
    const sl = await setDeadline(rt.db, w.officer.actor, mla, { kind: 'service_level', label: 'Formal check' });
    assert.equal(sl.dueOn, addWorkingDays(today, 10, { workingDays: [1, 2, 3, 4, 5], holidays: [holiday] }));
    await assert.rejects(setDeadline(rt.db, w.officer.actor, mla, { kind: 'custom', label: 'x' }), ValidationError);
    await assert.rejects(setDeadline(rt.db, w.otherOfficer.actor, mla, { kind: 'custom', label: 'x', dueOn: today }), NotFoundError);
    await assert.rejects(setDeadline(rt.db, w.practitioner.actor, mla, { kind: 'custom', label: 'x', dueOn: today }), ForbiddenError);
    const moved = await changeDeadline(rt.db, w.officer.actor, sl.id, { dueOn: '2031-01-01' });
    assert.equal(moved.dueOn, '2031-01-01');
    const met = await meetDeadline(rt.db, w.officer.actor, sl.id, {});
    assert.equal(met.status, 'met');
    assert.deepEqual((await listDeadlines(rt.db, w.officer.actor, mla)).map((d) => d.status), ['met']);
  });

  it('a scan run twice notifies and mails once: reminder to the officer and their deputy, overdue to supervisors, chase prompt', async () => {
    // Otto covers Olga today.
    await assert.rejects(addDeputy(rt.db, w.supervisor.ctx, w.central, { userId: w.officer.id, deputyId: w.exec1Officer.id, from: today, until: today }), (e: unknown) => e instanceof ValidationError && e.issues?.[0]?.field === 'deputyId');
    await assert.rejects(addDeputy(rt.db, w.officer.ctx, w.central, { userId: w.officer.id, deputyId: w.officer2.id, from: today, until: today }), ForbiddenError);
    const deputy = await addDeputy(rt.db, w.supervisor.ctx, w.central, { userId: w.officer.id, deputyId: w.officer2.id, from: addDays(today, -1), until: addDays(today, 5) });
    assert.deepEqual(await actingFor(rt.db, w.central, w.officer2.id), [w.officer.id]);
    assert.deepEqual(await actingFor(rt.db, w.central, w.officer2.id, addDays(today, 6)), []);

    const caseId = await insertCase(rt.db, w.central, { assignedTo: w.officer.id, title: 'Confidential title' });
    const soon = await setDeadline(rt.db, w.officer.actor, caseId, { kind: 'custom', label: 'Reply to the partner', dueOn: addDays(today, 1) });
    const late = await setDeadline(rt.db, w.officer.actor, caseId, { kind: 'custom', label: 'Translation', dueOn: addDays(today, -2) });
    const track = (await forwardRequest(rt.db, w.officer.actor, caseId, { executingAuthorityId: w.exec1 })).execution;
    // The executing authority has been silent for 25 days (chase period 20).
    await withCaseScope(rt.db, [w.central], (trx) => trx.updateTable('case_executions').set({ forwarded_on: addDays(today, -25) }).where('id', '=', track.id).execute());

    const config = { ...rt.config, smtpUrl: 'smtp://127.0.0.1:2525' };
    const first = await runDeadlineScan(rt.db, config);
    const second = await runDeadlineScan(rt.db, config);
    assert.equal(second.notified, 0);
    assert.equal(second.mailed, 0);
    const rows = await withCaseScope(rt.db, [w.central], (trx) => trx.selectFrom('case_notifications').select(['user_id', 'kind', 'data']).where('case_id', '=', caseId).where('kind', 'in', ['deadline_soon', 'deadline_overdue', 'chase_due']).execute());
    const got = rows.map((r) => `${r.kind}:${r.user_id === w.officer.id ? 'officer' : r.user_id === w.officer2.id ? 'deputy' : r.user_id === w.supervisor.id ? 'supervisor' : r.user_id}`).sort();
    assert.deepEqual(got, ['chase_due:deputy', 'chase_due:officer', 'deadline_overdue:supervisor', 'deadline_soon:deputy', 'deadline_soon:officer']);
    assert.ok(first.notified >= 5);
    const mails = await sql<{ id: string; to_address: string; body: string }>`SELECT id::text, to_address, body FROM outbox WHERE purpose LIKE 'casework.%' AND to_address IN (${w.officer.email}, ${w.officer2.email}, ${w.supervisor.email})`.execute(rt.db);
    assert.equal(mails.rows.length, 5);
    assert.ok(mails.rows.every((m) => !m.body.includes('Confidential title')), 'no case title in mail');
    const jobs = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'accounts.deliver_mail' AND data->>'outboxId' = ANY (${mails.rows.map((m) => m.id)})`.execute(rt.db);
    assert.equal(jobs.rows[0]!.n, 5, 'one delivery job per mail');
    const marks = await withCaseScope(rt.db, [w.central], (trx) => trx.selectFrom('case_deadlines').select(['id', 'reminded_at', 'overdue_notified_at']).where('id', 'in', [soon.id, late.id]).execute());
    assert.ok(marks.find((m) => m.id === soon.id)!.reminded_at);
    assert.ok(marks.find((m) => m.id === late.id)!.overdue_notified_at);

    // The officer reads them; the other authority's officer has none and sees none.
    const list = await listNotifications(rt.db, w.officer.actor, 'fr');
    assert.ok(list.items.some((n) => n.kind === 'deadline_soon' && n.text.includes('Reply to the partner')));
    assert.ok((await unreadCount(rt.db, w.officer.actor)) >= 2);
    await markRead(rt.db, w.officer.actor, 'all');
    assert.equal(await unreadCount(rt.db, w.officer.actor), 0);
    assert.equal((await listNotifications(rt.db, w.otherOfficer.actor, 'en')).items.length, 0);
    assert.equal(await unreadCount(rt.db, w.practitioner.actor), 0);
    await assert.rejects(markRead(rt.db, w.officer.actor, ['x']), ValidationError);

    // The job itself: runs the scan and queues this hour's and the next run, once.
    const info = { id: 'test', name: SCAN_DEADLINES, attempt: 1, maxAttempts: 4, lastAttempt: false };
    await scanDeadlinesJob.handler({}, info, rt);
    await scanDeadlinesJob.handler({}, info, rt);
    const scans = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = ${SCAN_DEADLINES} AND start_after > now()`.execute(rt.db);
    assert.equal(scans.rows[0]!.n, 1, 'one future run queued');
    // Two nodes scanning at the same moment: one notification and one mail for a new deadline.
    const fresh = await setDeadline(rt.db, w.officer.actor, caseId, { kind: 'custom', label: 'Concurrent', dueOn: today });
    const both = await Promise.all([runDeadlineScan(rt.db, config), runDeadlineScan(rt.db, config)]);
    assert.equal(both[0].mailed + both[1].mailed, 2, 'officer and deputy, once each');
    const once = await withCaseScope(rt.db, [w.central], (trx) => trx.selectFrom('case_notifications').select('user_id').where('dedupe_key', '=', `soon:${fresh.id}:${today}`).execute());
    assert.equal(once.length, 2);
    await removeDeputy(rt.db, w.supervisor.ctx, w.central, deputy.id);
    assert.deepEqual(await actingFor(rt.db, w.central, w.officer2.id), []);
  });
});
