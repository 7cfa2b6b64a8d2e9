/**
 * Forwarding to executing authorities and their tracks, on a real database: two authorities per case,
 * what an executing authority's officer sees (their track only, nothing of another case), transitions
 * with their permissions, stale versions, chases and status enquiries in the history.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestRuntime, type TestRuntime } from '../helpers/db.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../src/platform/http/errors.js';
import { forwardRequest, listExecutions, listMyTracks, recordChase, recordStatusEnquiry, transitionExecution } from '../../src/modules/casework/execution-service.js';
import { listEvents } from '../../src/modules/casework/repository/history.js';
import { withCaseScope } from '../../src/modules/casework/repository/scope.js';
import { verifyChain } from '../../src/modules/casework/domain/history.js';
import { executionWorld, insertCase, type ExecutionWorld } from './casework-execution-support.js';

const status = (code: number) => (e: unknown) => (e as { status?: number }).status === code;

describe('casework execution tracks', () => {
  let rt: TestRuntime;
  let w: ExecutionWorld;
  before(async () => {
    rt = await createTestRuntime();
    w = await executionWorld(rt.db);
  });
  after(async () => rt?.close());

  const events = (authority: string, caseId: string) => withCaseScope(rt.db, [authority], (trx) => listEvents(trx, caseId));

  it('forwards to two executing authorities: the case moves to forwarded once, names come from the directory, the history records it', async () => {
    const caseId = await insertCase(rt.db, w.central, { assignedTo: w.officer.id });
    const one = await forwardRequest(rt.db, w.officer.actor, caseId, { executingAuthorityId: w.exec1, bodyKind: 'prosecution', measures: ['taking-evidence'], dueOn: '2030-01-31', note: 'Hear the witness' });
    const two = await forwardRequest(rt.db, w.officer.actor, caseId, { executingAuthorityId: w.exec2, bodyKind: 'police' });
    assert.match(one.execution.executingName, /Office for Mutual Legal Assistance/);
    assert.equal(one.execution.state, 'forwarded');
    assert.equal(two.caseVersion, one.caseVersion + 1);
    const c = await withCaseScope(rt.db, [w.central], (trx) => trx.selectFrom('casework_cases').select(['state', 'executing_authority_ids']).where('id', '=', caseId).executeTakeFirstOrThrow());
    assert.equal(c.state, 'forwarded');
    assert.deepEqual([...c.executing_authority_ids].sort(), [w.exec1, w.exec2].sort());
    const types = (await events(w.central, caseId)).map((e) => e.type);
    assert.deepEqual(types, ['created', 'transition', 'execution_forwarded', 'deadline_set', 'execution_forwarded']);
    // Forwarding twice to the same authority while its track is open: 409.
    await assert.rejects(forwardRequest(rt.db, w.officer.actor, caseId, { executingAuthorityId: w.exec1 }), ConflictError);
    // Bad input names the field; an authority of the directory that does not exist is a 400 too.
    await assert.rejects(forwardRequest(rt.db, w.officer.actor, caseId, { executingAuthorityId: 'nobody-here' }), (e: unknown) => e instanceof ValidationError && e.issues?.[0]?.field === 'executingAuthorityId');
    await assert.rejects(forwardRequest(rt.db, w.officer.actor, caseId, { dueOn: 'soon' }), ValidationError);
    // The executing authority's officers are told in the application.
    const n = await withCaseScope(rt.db, [w.exec1], (trx) => trx.selectFrom('case_notifications').select(['user_id', 'kind']).where('case_id', '=', caseId).execute());
    assert.deepEqual(n.map((x) => x.user_id).sort(), [w.exec1Officer.id, w.exec2Officer.id].sort());
    assert.ok(n.every((x) => x.kind === 'forwarded'));
  });

  it('an executing authority’s officer sees the case forwarded to it and only its own track, and nothing of another case', async () => {
    const caseId = await insertCase(rt.db, w.central);
    const t1 = (await forwardRequest(rt.db, w.officer.actor, caseId, { executingAuthorityId: w.exec1 })).execution;
    await forwardRequest(rt.db, w.officer.actor, caseId, { executingAuthorityId: w.exec2 });
    const seen = await listExecutions(rt.db, w.exec1Officer.actor, caseId);
    assert.deepEqual(seen.executions.map((e) => e.id), [t1.id]);
    assert.deepEqual(seen.executions[0]!.actions, ['acknowledge', 'start', 'execute', 'unable'], 'no withdraw for the executing authority');
    assert.equal((await listExecutions(rt.db, w.officer.actor, caseId)).executions.length, 2);
    const mine = await listMyTracks(rt.db, w.exec1Officer.actor);
    assert.ok(mine.some((t) => t.id === t1.id && t.caseTitle === 'Bank records of a suspect'));
    assert.ok(mine.every((t) => t.executingAuthorityId === w.exec1));
    // Another authority's case, never forwarded to exec1: it does not exist for exec1's officer.
    const otherCase = await insertCase(rt.db, w.other, { title: 'Not yours' });
    await assert.rejects(listExecutions(rt.db, w.exec1Officer.actor, otherCase), NotFoundError);
    await assert.rejects(listExecutions(rt.db, w.otherOfficer.actor, caseId), NotFoundError);
    // Even a raw statement in exec1's scope sees only exec1's track.
    const raw = await withCaseScope(rt.db, [w.exec1], async (trx) => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM case_executions WHERE case_id = ${caseId}`.execute(trx)).rows[0]!.n);
    assert.equal(raw, 1);
    // Permission first: without casework rights, 403 before anything is read.
    await assert.rejects(listExecutions(rt.db, w.practitioner.actor, caseId), ForbiddenError);
    await assert.rejects(forwardRequest(rt.db, w.practitioner.actor, caseId, {}), ForbiddenError);
    // An executing officer cannot forward the central authority's case.
    await assert.rejects(forwardRequest(rt.db, w.exec1Officer.actor, caseId, { executingName: 'Someone' }), NotFoundError);
  });

  it('track transitions follow the table and its permissions; the owner records for a body without Palermo; the summary says when results can be reviewed', async () => {
    const caseId = await insertCase(rt.db, w.central, { assignedTo: w.officer.id });
    const t1 = (await forwardRequest(rt.db, w.officer.actor, caseId, { executingAuthorityId: w.exec1, dueOn: '2031-01-01' })).execution;
    const t2 = (await forwardRequest(rt.db, w.officer.actor, caseId, { executingName: 'Tribunal judiciaire de Lyon', bodyKind: 'court' })).execution;
    const a = await transitionExecution(rt.db, w.exec1Officer.actor, t1.id, { transition: 'acknowledge', theirReference: 'PQ-77' });
    assert.equal(a.state, 'acknowledged');
    assert.equal(a.theirReference, 'PQ-77');
    assert.ok(a.lastNewsOn);
    await assert.rejects(transitionExecution(rt.db, w.exec1Officer.actor, t1.id, { transition: 'withdraw', reason: 'x' }), ForbiddenError);
    await assert.rejects(transitionExecution(rt.db, w.exec1Officer.actor, t1.id, { transition: 'acknowledge' }), (e: unknown) => e instanceof ConflictError && /allowed: start, partly_execute, execute, unable/.test(e.message));
    await assert.rejects(transitionExecution(rt.db, w.exec1Officer.actor, t1.id, { transition: 'unable', reason: '  ' }), (e: unknown) => e instanceof ValidationError && e.issues?.[0]?.field === 'reason');
    await assert.rejects(transitionExecution(rt.db, w.exec1Officer.actor, t1.id, { transition: 'start', version: 1 }), ConflictError, 'stale version');
    await assert.rejects(transitionExecution(rt.db, w.exec2Officer.actor, t1.id, { transition: 'start' }), NotFoundError, 'another executing authority’s track does not exist for it');
    await assert.rejects(transitionExecution(rt.db, w.exec1Officer.actor, t2.id, { transition: 'start' }), NotFoundError);
    await assert.rejects(transitionExecution(rt.db, w.practitioner.actor, t1.id, { transition: 'start' }), ForbiddenError);
    await assert.rejects(transitionExecution(rt.db, w.exec1Officer.actor, t1.id, { transition: 'fly' }), ValidationError);
    await transitionExecution(rt.db, w.exec1Officer.actor, t1.id, { transition: 'execute', version: a.version });
    assert.equal((await listExecutions(rt.db, w.officer.actor, caseId)).summary.readyForResultsReview, false);
    // The central authority records for the court, which does not use Palermo.
    await transitionExecution(rt.db, w.officer.actor, t2.id, { transition: 'unable', reason: 'The witness has died' });
    const { executions, summary } = await listExecutions(rt.db, w.officer.actor, caseId);
    assert.deepEqual(executions.map((e) => e.state), ['executed', 'unable_to_execute']);
    assert.equal(summary.readyForResultsReview, true);
    assert.equal(executions[1]!.reason, 'The witness has died');
    const history = await events(w.central, caseId);
    const tr = history.filter((e) => e.type === 'execution_transition');
    assert.deepEqual(tr.map((e) => [e.data.to, e.actingAuthorityId]), [['acknowledged', w.exec1], ['executed', w.exec1], ['unable_to_execute', w.central]]);
    assert.ok(history.some((e) => e.type === 'deadline_met'), 'the track’s deadline is met when it is executed');
    const head = await withCaseScope(rt.db, [w.central], (trx) => trx.selectFrom('casework_cases').select(['history_seq', 'history_head']).where('id', '=', caseId).executeTakeFirstOrThrow());
    assert.equal(verifyChain(history, { seq: head.history_seq, head: head.history_head }).ok, true);
    // The assigned officer was told of the executing authority's progress.
    const n = await withCaseScope(rt.db, [w.central], (trx) => trx.selectFrom('case_notifications').select('kind').where('case_id', '=', caseId).where('user_id', '=', w.officer.id).execute());
    assert.ok(n.length >= 2 && n.every((x) => x.kind === 'execution_changed'));
  });

  it('a request not yet registered cannot be forwarded (409); chases and status enquiries are recorded', async () => {
    const early = await insertCase(rt.db, w.central, { state: 'formal_check' });
    await assert.rejects(forwardRequest(rt.db, w.officer.actor, early, { executingName: 'Police' }), (e: unknown) => e instanceof ConflictError);
    const caseId = await insertCase(rt.db, w.central);
    const t = (await forwardRequest(rt.db, w.officer.actor, caseId, { executingAuthorityId: w.exec1 })).execution;
    await recordChase(rt.db, w.officer.actor, t.id, { note: 'Called the duty prosecutor' });
    await assert.rejects(recordChase(rt.db, w.exec1Officer.actor, t.id, {}), status(404));
    await assert.rejects(recordChase(rt.db, w.officer.actor, t.id, { date: '2999-01-01' }), ValidationError);
    await recordStatusEnquiry(rt.db, w.officer.actor, caseId, { date: '2026-01-15', channel: 'diplomatic', note: 'Embassy asked' });
    await assert.rejects(recordStatusEnquiry(rt.db, w.officer.actor, caseId, { date: '2026-01-15', channel: 'pigeon' }), (e: unknown) => e instanceof ValidationError && e.issues?.[0]?.field === 'channel');
    await assert.rejects(recordStatusEnquiry(rt.db, w.otherOfficer.actor, caseId, { date: '2026-01-15', channel: 'diplomatic' }), NotFoundError);
    const types = (await events(w.central, caseId)).map((e) => e.type);
    assert.ok(types.includes('chased') && types.includes('status_enquiry'));
    const chased = (await listExecutions(rt.db, w.officer.actor, caseId)).executions[0]!;
    assert.ok(chased.chasedOn);
  });
});
