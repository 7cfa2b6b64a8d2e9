/**
 * Joint investigation team workspaces on a real database: only members see anything (the same 403
 * for an unknown team and before any reveal), the evidence log of uploads, views and downloads with
 * the SHA-256 (append-only), read-only after the end date, bad input naming the field with nothing
 * written.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { createTestRuntime, type TestRuntime } from '../helpers/db.js';
import { spooledFile } from '../helpers/upload.js';
import { aUser, type TestUser } from '../factories/users.js';
import { ForbiddenError, UnauthorizedError, ValidationError, AppError } from '../../src/platform/http/errors.js';
import { ANONYMOUS } from '../../src/modules/access/index.js';
import { addMember, addTask, createTeam, getWorkspace, listTeams, moveTask, recordAgreement } from '../../src/modules/jit/service.js';
import { downloadDocument, evidenceLog, uploadDocument, viewDocument } from '../../src/modules/jit/documents-service.js';
import { NotMemberError, WorkspaceClosedError } from '../../src/modules/jit/access.js';

let rt: TestRuntime;
const u = {} as Record<'itaSup' | 'itaOff' | 'fraOff' | 'fraSup' | 'deuOff' | 'practitioner' | 'admin', TestUser>;
const TODAY = '2026-12-07';
const clock = { today: TODAY };

before(async () => {
  rt = await createTestRuntime();
  u.itaSup = await aUser(rt.db, [{ role: 'authority_supervisor', authority_id: 'ita-pg' }], 'Giulia Supervisor');
  u.itaOff = await aUser(rt.db, [{ role: 'authority_officer', authority_id: 'ita-pg' }], 'Marco Officer');
  u.fraOff = await aUser(rt.db, [{ role: 'authority_officer', authority_id: 'fra-moj' }], 'Claire Officier');
  u.fraSup = await aUser(rt.db, [{ role: 'authority_supervisor', authority_id: 'fra-moj' }], 'Luc Superviseur');
  u.deuOff = await aUser(rt.db, [{ role: 'authority_officer', authority_id: 'deu-bka' }], 'Dieter Outsider');
  u.practitioner = await aUser(rt.db, [{ role: 'practitioner' }], 'Pat Practitioner');
  u.admin = await aUser(rt.db, [{ role: 'administrator' }], 'Ada Admin');
});
after(async () => rt?.close());

const teamBody = (over: Record<string, unknown> = {}) => ({
  title: 'JIT Aurora (trafficking in persons)',
  purpose: 'Investigate a network trafficking persons from A to B',
  lead_authority_id: 'ita-pg',
  lead_country: 'ITA',
  lead_name: 'Procura della Repubblica di Roma',
  starts_on: '2026-11-01',
  ends_on: '2027-04-30',
  ...over,
});

async function aTeam(over: Record<string, unknown> = {}): Promise<string> {
  const id = await createTeam(rt.db, u.itaSup.ctx, teamBody(over), clock);
  await addMember(rt.db, u.itaSup.ctx, id, { authority_id: 'fra-moj', country: 'FRA', name: 'Bureau de l’entraide pénale' }, clock);
  return id;
}

const count = async (table: 'jit_teams' | 'jit_members' | 'jit_tasks' | 'jit_documents' | 'jit_agreements' | 'jit_evidence_log') =>
  Number((await rt.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

describe('jit workspaces', () => {
  it('opens a workspace with its lead as member; members of every State see it, nobody else', async () => {
    const id = await aTeam();
    const ws = await getWorkspace(rt.db, u.fraOff.actor, id, clock);
    assert.deepEqual(ws.memberIds.sort(), ['fra-moj', 'ita-pg']);
    assert.equal(ws.closed, false);
    assert.equal(ws.mayContribute, true);
    assert.equal(ws.mayManage, false, 'officers do not manage');
    assert.equal((await getWorkspace(rt.db, u.fraSup.actor, id, clock)).mayManage, true);
    assert.ok((await listTeams(rt.db, u.fraOff.actor, clock)).teams.some((t) => t.id === id));
    assert.ok(!(await listTeams(rt.db, u.deuOff.actor, clock)).teams.some((t) => t.id === id));
  });

  it('refuses non-members with the same 403 whether or not the team exists (before reveal)', async () => {
    const id = await aTeam();
    await assert.rejects(getWorkspace(rt.db, u.deuOff.actor, id, clock), NotMemberError);
    await assert.rejects(getWorkspace(rt.db, u.deuOff.actor, crypto.randomUUID(), clock), NotMemberError);
    await assert.rejects(getWorkspace(rt.db, u.deuOff.actor, 'not-a-uuid', clock), NotMemberError);
    for (const who of [u.practitioner, u.admin]) await assert.rejects(getWorkspace(rt.db, who.actor, id, clock), ForbiddenError);
    await assert.rejects(getWorkspace(rt.db, ANONYMOUS, id, clock), UnauthorizedError);
    await assert.rejects(listTeams(rt.db, u.practitioner.actor), ForbiddenError);
    await assert.rejects(evidenceLog(rt.db, u.deuOff.actor, id, clock), NotMemberError);
    await assert.rejects(addTask(rt.db, u.deuOff.ctx, id, { title: 'x', assignee_authority_id: 'deu-bka' }, clock), NotMemberError);
    // Officers may not open teams or add members.
    await assert.rejects(createTeam(rt.db, u.itaOff.ctx, teamBody(), clock), ForbiddenError);
    await assert.rejects(createTeam(rt.db, u.fraSup.ctx, teamBody(), clock), ForbiddenError, 'only for their own authority');
    await assert.rejects(addMember(rt.db, u.fraOff.ctx, id, { authority_id: 'deu-bka', country: 'DEU', name: 'BKA' }, clock), ForbiddenError);
  });

  it('logs each upload, view and download with who, which authority, when and the SHA-256', async () => {
    const id = await aTeam();
    const content = Buffer.from('%PDF-1.7 witness statement, page 1 — 证人陈述 — إفادة الشاهد');
    const sha = crypto.createHash('sha256').update(content).digest('hex');
    const doc = await uploadDocument(rt.db, u.itaOff.ctx, id, { title: 'Witness statement', file: await spooledFile(content, '../statement.pdf') }, clock);
    assert.equal(doc.sha256, sha);
    assert.equal(doc.filename, 'statement.pdf');
    const viewed = await viewDocument(rt.db, u.fraOff.actor, doc.id, clock);
    assert.equal(viewed.document.sha256, sha);
    const got = await downloadDocument(rt.db, u.fraSup.actor, doc.id, clock);
    assert.ok(got.content.equals(content));
    const logged = await evidenceLog(rt.db, u.itaSup.actor, id, clock);
    assert.deepEqual(
      logged.map((e) => [e.action, e.user_name, e.authority_id, e.sha256]),
      [
        ['download', 'Luc Superviseur', 'fra-moj', sha],
        ['view', 'Claire Officier', 'fra-moj', sha],
        ['upload', 'Marco Officer', 'ita-pg', sha],
      ],
    );
    await assert.rejects(viewDocument(rt.db, u.deuOff.actor, doc.id, clock), NotMemberError);
    await assert.rejects(downloadDocument(rt.db, u.deuOff.actor, crypto.randomUUID(), clock), NotMemberError);
    assert.equal((await evidenceLog(rt.db, u.itaSup.actor, id, clock)).length, 3, 'refused reads are not logged as reads');
  });

  it('keeps the evidence log and the documents append-only in the database', async () => {
    const id = await aTeam();
    await uploadDocument(rt.db, u.itaOff.ctx, id, { title: 'Bank records', file: await spooledFile(Buffer.from('rows'), 'bank.xlsx') }, clock);
    await assert.rejects(rt.db.updateTable('jit_evidence_log').set({ user_name: 'someone else' }).where('team_id', '=', id).execute(), /append-only/);
    await assert.rejects(rt.db.deleteFrom('jit_evidence_log').where('team_id', '=', id).execute(), /append-only/);
    await assert.rejects(rt.db.updateTable('jit_documents').set({ title: 'changed' }).where('team_id', '=', id).execute(), /append-only/);
  });

  it('records the agreement once and extensions that move the end date later', async () => {
    const id = await aTeam();
    const doc = await uploadDocument(rt.db, u.itaSup.ctx, id, { title: 'Signed agreement', file: await spooledFile(Buffer.from('signed'), 'agreement.pdf') }, clock);
    await recordAgreement(rt.db, u.itaSup.ctx, id, { kind: 'agreement', title: 'Agreement setting up JIT Aurora', signed_on: '2026-10-20', ends_on: '2027-04-30', document_id: doc.id }, clock);
    await assert.rejects(recordAgreement(rt.db, u.itaSup.ctx, id, { kind: 'agreement', title: 'Again', signed_on: '2026-10-21', ends_on: '2027-04-30' }, clock), (e: AppError) => e.status === 409);
    await assert.rejects(recordAgreement(rt.db, u.fraSup.ctx, id, { kind: 'extension', title: 'Shorter', signed_on: '2026-12-01', ends_on: '2027-01-31' }, clock), (e: ValidationError) => e.issues?.[0]?.field === 'ends_on');
    await recordAgreement(rt.db, u.fraSup.ctx, id, { kind: 'extension', title: 'First extension', signed_on: '2026-12-01', ends_on: '2027-10-31' }, clock);
    const ws = await getWorkspace(rt.db, u.itaOff.actor, id, clock);
    assert.equal(ws.team.ends_on, '2027-10-31');
    assert.deepEqual(ws.agreements.map((a) => [a.kind, a.ends_on, a.document_id]), [['agreement', '2027-04-30', doc.id], ['extension', '2027-10-31', null]]);
    await assert.rejects(recordAgreement(rt.db, u.itaOff.ctx, id, { kind: 'extension', title: 'Officer', signed_on: '2026-12-01', ends_on: '2028-01-31' }, clock), ForbiddenError);
  });

  it('moves tasks of member authorities along the transition table', async () => {
    const id = await aTeam();
    const task = await addTask(rt.db, u.fraOff.ctx, id, { title: 'Hear the witness in Lyon', assignee_authority_id: 'fra-moj', due_on: '2027-01-15' }, clock);
    await assert.rejects(addTask(rt.db, u.fraOff.ctx, id, { title: 'Not a member', assignee_authority_id: 'deu-bka' }, clock), (e: ValidationError) => e.issues?.[0]?.field === 'assignee_authority_id');
    assert.equal(await moveTask(rt.db, u.itaOff.ctx, id, task, { status: 'done' }, clock), 'done');
    await assert.rejects(moveTask(rt.db, u.itaOff.ctx, id, task, { status: 'cancelled' }, clock), (e: AppError) => e.status === 409);
    const ws = await getWorkspace(rt.db, u.itaOff.actor, id, clock);
    assert.deepEqual(ws.tasks.map((t) => [t.title, t.status, t.due_on]), [['Hear the witness in Lyon', 'done', '2027-01-15']]);
  });

  it('closes the workspace read-only after its end date; reads and downloads are still logged', async () => {
    const id = await aTeam({ ends_on: '2026-12-31' });
    const doc = await uploadDocument(rt.db, u.itaOff.ctx, id, { title: 'Report', file: await spooledFile(Buffer.from('report'), 'r.txt') }, clock);
    const task = await addTask(rt.db, u.itaOff.ctx, id, { title: 'Final report', assignee_authority_id: 'ita-pg' }, clock);
    const later = { today: '2027-01-01' };
    const onLastDay = await getWorkspace(rt.db, u.itaSup.actor, id, { today: '2026-12-31' });
    assert.equal(onLastDay.closed, false);
    const ws = await getWorkspace(rt.db, u.itaSup.actor, id, later);
    assert.equal(ws.closed, true);
    assert.equal(ws.mayManage, false);
    assert.equal(ws.mayContribute, false);
    const before = await Promise.all([count('jit_tasks'), count('jit_documents'), count('jit_members'), count('jit_agreements')]);
    await assert.rejects(uploadDocument(rt.db, u.itaOff.ctx, id, { title: 'Late', file: await spooledFile(Buffer.from('late'), 'late.txt') }, later), WorkspaceClosedError);
    await assert.rejects(addTask(rt.db, u.itaOff.ctx, id, { title: 'Late', assignee_authority_id: 'ita-pg' }, later), WorkspaceClosedError);
    await assert.rejects(moveTask(rt.db, u.itaOff.ctx, id, task, { status: 'done' }, later), WorkspaceClosedError);
    await assert.rejects(addMember(rt.db, u.itaSup.ctx, id, { authority_id: 'esp-fge', country: 'ESP', name: 'Fiscalía' }, later), WorkspaceClosedError);
    await assert.rejects(recordAgreement(rt.db, u.itaSup.ctx, id, { kind: 'extension', title: 'Too late', signed_on: '2027-01-01', ends_on: '2027-06-30' }, later), WorkspaceClosedError);
    assert.deepEqual(await Promise.all([count('jit_tasks'), count('jit_documents'), count('jit_members'), count('jit_agreements')]), before);
    const got = await downloadDocument(rt.db, u.fraOff.actor, doc.id, later);
    assert.equal(got.content.toString(), 'report');
    assert.equal((await evidenceLog(rt.db, u.itaSup.actor, id, later))[0]?.action, 'download');
  });

  it('names the bad field (400) and writes nothing, whatever the input', async () => {
    const teams = await count('jit_teams');
    await assert.rejects(createTeam(rt.db, u.itaSup.ctx, teamBody({ lead_country: 'XKX' }), clock), (e: ValidationError) => e.issues?.[0]?.field === 'lead_country');
    await assert.rejects(createTeam(rt.db, u.itaSup.ctx, teamBody({ ends_on: '2026-02-30' }), clock), (e: ValidationError) => e.issues?.[0]?.field === 'ends_on');
    await assert.rejects(createTeam(rt.db, u.itaSup.ctx, teamBody({ starts_on: '2027-01-01', ends_on: '2026-12-31' }), clock), (e: ValidationError) => e.issues?.[0]?.field === 'ends_on');
    const id = await aTeam();
    const fields = ['title', 'purpose', 'lead_authority_id', 'lead_country', 'lead_name', 'starts_on', 'ends_on'];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...fields), fc.oneof(fc.string({ maxLength: 400 }), fc.integer(), fc.constant(null), fc.constant('\u0000'), fc.constant('x'.repeat(5000))), async (field, value) => {
        try {
          await createTeam(rt.db, u.itaSup.ctx, teamBody({ [field]: value }), clock);
        } catch (err) {
          assert.ok(err instanceof AppError && err.status >= 400 && err.status < 500, String(err));
          if (err instanceof ValidationError) assert.ok(err.issues?.some((i) => i.field === field), `${field}: ${JSON.stringify(err.issues)}`);
          else assert.equal(err.status, 403, 'lead_authority_id of another authority');
        }
      }),
      { numRuns: 60 },
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('title', 'assignee_authority_id', 'due_on'), fc.oneof(fc.string({ maxLength: 400 }), fc.integer(), fc.constant('\u0000')), async (field, value) => {
        const base: Record<string, unknown> = { title: 'Task', assignee_authority_id: 'ita-pg', due_on: '2027-01-01' };
        try {
          await addTask(rt.db, u.itaOff.ctx, id, { ...base, [field]: value }, clock);
        } catch (err) {
          assert.ok(err instanceof ValidationError, String(err));
          assert.ok(err.issues?.some((i) => i.field === field), `${field}: ${JSON.stringify(err.issues)}`);
        }
      }),
      { numRuns: 40 },
    );
    assert.ok((await count('jit_teams')) >= teams + 1);
  });
});
