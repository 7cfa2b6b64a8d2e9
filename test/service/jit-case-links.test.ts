/**
 * Casework cases linked to joint investigation team workspaces, on a real database: each member
 * authority links only its own cases (by reference or id; another's case is refused like an unknown
 * one, naming `case`), other members see only "a case of <authority>" unless casework lets them see
 * the case (an executing authority does), only the linking authority unlinks, both audited, nothing
 * after the end date; the case page's extension lists the workspaces for their members only.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createTestRuntime, type TestRuntime } from '../helpers/db.js';
import { refusalOf } from '../helpers/refusal.js';
import { aUser, type TestUser } from '../factories/users.js';
import { executionWorld, insertCase, type ExecutionWorld } from './casework-execution-support.js';
import { forwardRequest } from '../../src/modules/casework/execution-service.js';
import { ConflictError, ForbiddenError, ValidationError } from '../../src/platform/http/errors.js';
import { addMember, createTeam, getWorkspace } from '../../src/modules/jit/service.js';
import { linkCase, unlinkCase, workspacesOfCase } from '../../src/modules/jit/links-service.js';
import { NotMemberError, WorkspaceClosedError } from '../../src/modules/jit/access.js';

let rt: TestRuntime;
let w: ExecutionWorld;
let centralSup: TestUser;
const clock = { today: '2026-12-07' };

before(async () => {
  rt = await createTestRuntime();
  w = await executionWorld(rt.db);
  centralSup = await aUser(rt.db, [{ role: 'authority_supervisor', authority_id: w.central }], 'Sara Lead');
});
after(async () => rt?.close());

/** A team led by the central authority with exec1 and other as members (exec2 is not). */
async function aTeam(title = 'JIT Meridian'): Promise<string> {
  const id = await createTeam(rt.db, centralSup.ctx, { title, lead_authority_id: w.central, lead_country: 'FRA', lead_name: 'Central authority', starts_on: '2026-11-01', ends_on: '2027-06-30' }, clock);
  await addMember(rt.db, centralSup.ctx, id, { authority_id: w.exec1, country: 'FRA', name: 'Parquet de Lyon' }, clock);
  await addMember(rt.db, centralSup.ctx, id, { authority_id: w.other, country: 'FRA', name: 'Autre parquet' }, clock);
  return id;
}

const referenceOf = async (caseId: string) => (await rt.db.selectFrom('casework_cases').select('reference').where('id', '=', caseId).executeTakeFirstOrThrow()).reference!;
const linkCount = async () => Number((await rt.db.selectFrom('jit_case_links').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

describe('jit workspaces linked to casework cases', () => {
  it('links an own case by reference; other members see only its authority, an executing member sees it', async () => {
    const team = await aTeam();
    const caseId = await insertCase(rt.db, w.central, { title: 'Outgoing JIT request to Italy' });
    const linkId = await linkCase(rt.db, w.officer.ctx, team, { case: await referenceOf(caseId), note: 'The JIT request' }, clock);
    const own = (await getWorkspace(rt.db, w.officer.actor, team, clock)).caseLinks;
    assert.equal(own.length, 1);
    assert.equal(own[0]!.id, linkId);
    assert.equal(own[0]!.case?.title, 'Outgoing JIT request to Italy');
    assert.equal(own[0]!.note, 'The JIT request');
    assert.equal(own[0]!.mayUnlink, true);
    // Another member authority: "a case of" the central authority, nothing of the case.
    const other = (await getWorkspace(rt.db, w.otherOfficer.actor, team, clock)).caseLinks;
    assert.deepEqual(other.map((l) => ({ authority: l.authorityId, case: l.case, note: l.note, by: l.linkedByName, mayUnlink: l.mayUnlink })), [{ authority: w.central, case: null, note: null, by: null, mayUnlink: false }]);
    // Once the case is forwarded to exec1 for execution, exec1 sees it in casework, and so in the workspace.
    assert.equal((await getWorkspace(rt.db, w.exec1Officer.actor, team, clock)).caseLinks[0]!.case, null);
    await forwardRequest(rt.db, w.officer.actor, caseId, { executingAuthorityId: w.exec1, bodyKind: 'prosecution' });
    const exec = (await getWorkspace(rt.db, w.exec1Officer.actor, team, clock)).caseLinks[0]!;
    assert.equal(exec.case?.title, 'Outgoing JIT request to Italy');
    assert.equal(exec.case?.owner, false);
    assert.equal(exec.mayUnlink, false);
    // The audit trail has the link.
    const audit = await rt.db.selectFrom('audit_events').select(['action', 'target_id']).where('action', '=', 'jit.case_link').where('target_id', '=', team).execute();
    assert.equal(audit.length, 1);
  });

  it("refuses another authority's case like an unknown one (400 naming case), a duplicate (409), bad input, nothing written", async () => {
    const team = await aTeam();
    const caseId = await insertCase(rt.db, w.central);
    await forwardRequest(rt.db, w.officer.actor, caseId, { executingAuthorityId: w.exec1, bodyKind: 'police' });
    const before = await linkCount();
    for (const [who, value] of [[w.otherOfficer, caseId], [w.otherOfficer, await referenceOf(caseId)], [w.exec1Officer, caseId], [w.officer, crypto.randomUUID()], [w.officer, 'MLI/1999/none']] as const) {
      assert.deepEqual(await refusalOf(linkCase(rt.db, who.ctx, team, { case: value }, clock)), { status: 400, fields: ['case'] });
    }
    assert.deepEqual(await refusalOf(linkCase(rt.db, w.officer.ctx, team, {}, clock)), { status: 400, fields: ['case'] });
    assert.deepEqual(await refusalOf(linkCase(rt.db, w.officer.ctx, team, { case: caseId, note: 'x'.repeat(301) }, clock)), { status: 400, fields: ['note'] });
    assert.deepEqual(await refusalOf(linkCase(rt.db, w.officer.ctx, team, { case: caseId, extra: 1 }, clock)), { status: 400, fields: ['extra'] });
    assert.equal(await linkCount(), before, 'nothing written');
    await linkCase(rt.db, w.officer.ctx, team, { case: caseId }, clock);
    await assert.rejects(linkCase(rt.db, w.officer.ctx, team, { case: caseId }, clock), ConflictError);
    assert.equal(await linkCount(), before + 1);
    // Non-members: the team's 403 before anything; no casework role: 403.
    await assert.rejects(linkCase(rt.db, w.exec2Officer.ctx, team, { case: caseId }, clock), NotMemberError);
    await assert.rejects(linkCase(rt.db, w.practitioner.ctx, team, { case: caseId }, clock), ForbiddenError);
  });

  it('lets only the linking authority unlink, audited; nothing changes after the end date', async () => {
    const team = await aTeam();
    const caseId = await insertCase(rt.db, w.central);
    const linkId = await linkCase(rt.db, w.officer.ctx, team, { case: caseId }, clock);
    await assert.rejects(unlinkCase(rt.db, w.otherOfficer.ctx, team, linkId, clock), ForbiddenError);
    assert.deepEqual(await refusalOf(unlinkCase(rt.db, w.officer.ctx, team, 'nope', clock)), { status: 400, fields: ['link_id'] });
    assert.deepEqual(await refusalOf(unlinkCase(rt.db, w.officer.ctx, team, crypto.randomUUID(), clock)), { status: 400, fields: ['link_id'] });
    const later = { today: '2027-07-01' };
    await assert.rejects(unlinkCase(rt.db, w.officer.ctx, team, linkId, later), WorkspaceClosedError);
    await assert.rejects(linkCase(rt.db, w.officer.ctx, team, { case: await insertCase(rt.db, w.central) }, later), WorkspaceClosedError);
    const closed = await getWorkspace(rt.db, w.officer.actor, team, later);
    assert.equal(closed.mayLinkCases, false);
    assert.equal(closed.caseLinks[0]!.mayUnlink, false);
    await unlinkCase(rt.db, w.officer.ctx, team, linkId, clock);
    assert.equal((await getWorkspace(rt.db, w.officer.actor, team, clock)).caseLinks.length, 0);
    const audit = await rt.db.selectFrom('audit_events').select('action').where('action', '=', 'jit.case_unlink').where('target_id', '=', team).execute();
    assert.equal(audit.length, 1);
    await assert.rejects(unlinkCase(rt.db, w.officer.ctx, team, linkId, clock), ValidationError);
  });

  it("lists on the case page the workspaces the case is linked to, for their members only", async () => {
    const team = await aTeam('JIT Listed');
    await aTeam('JIT Not linked');
    const caseId = await insertCase(rt.db, w.central);
    await linkCase(rt.db, w.officer.ctx, team, { case: caseId }, clock);
    assert.deepEqual(await workspacesOfCase(rt.db, w.officer.actor, caseId), [{ id: team, title: 'JIT Listed' }]);
    // exec2 executes the case but is not a member of the team: no workspace named.
    await forwardRequest(rt.db, w.officer.actor, caseId, { executingAuthorityId: w.exec2, bodyKind: 'police' });
    assert.deepEqual(await workspacesOfCase(rt.db, w.exec2Officer.actor, caseId), []);
    assert.deepEqual(await workspacesOfCase(rt.db, w.officer.actor, 'not-a-uuid'), []);
  });
});
