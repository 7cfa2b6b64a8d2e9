/**
 * JIT workspaces, later parts, on a real database: a new version of a shared document keeps the old
 * versions and their evidence log (append-only), a version is replaced once (409 after), and members
 * get mail with a link only (never the title), unless they turned it off.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestRuntime, type TestRuntime } from '../helpers/db.js';
import { spooledFile } from '../helpers/upload.js';
import { aUser, type TestUser } from '../factories/users.js';
import { AppError, ValidationError } from '../../src/platform/http/errors.js';
import { addMember, addTask, createTeam, setJitMail } from '../../src/modules/jit/service.js';
import { evidenceLog, uploadDocument, viewDocument } from '../../src/modules/jit/documents-service.js';

let rt: TestRuntime;
const u = {} as Record<'itaSup' | 'itaOff' | 'fraOff' | 'fraSup', TestUser>;
const clock = { today: '2026-12-07' };

before(async () => {
  rt = await createTestRuntime();
  u.itaSup = await aUser(rt.db, [{ role: 'authority_supervisor', authority_id: 'ita-pg' }], 'Giulia Supervisor');
  u.itaOff = await aUser(rt.db, [{ role: 'authority_officer', authority_id: 'ita-pg' }], 'Marco Officer');
  u.fraOff = await aUser(rt.db, [{ role: 'authority_officer', authority_id: 'fra-moj' }], 'Claire Officier');
  u.fraSup = await aUser(rt.db, [{ role: 'authority_supervisor', authority_id: 'fra-moj' }], 'Luc Superviseur');
});
after(async () => rt?.close());

async function aTeam(): Promise<string> {
  const id = await createTeam(rt.db, u.itaSup.ctx, { title: 'JIT Secret Name', lead_authority_id: 'ita-pg', lead_country: 'ITA', lead_name: 'Procura di Roma', starts_on: '2026-11-01', ends_on: '2027-04-30' }, clock);
  await addMember(rt.db, u.itaSup.ctx, id, { authority_id: 'fra-moj', country: 'FRA', name: 'Bureau de l’entraide pénale' }, clock);
  return id;
}
const outbox = () => rt.db.selectFrom('outbox').select(['to_address', 'subject', 'body', 'purpose']).orderBy('id').execute();

describe('jit document versions', () => {
  it('keeps every version and its evidence; a version is replaced once', async () => {
    const team = await aTeam();
    const v1 = await uploadDocument(rt.db, u.itaOff.ctx, team, { title: 'Report — تقرير', file: await spooledFile('first version', 'report.txt') }, clock);
    await viewDocument(rt.db, u.fraOff.actor, v1.id, clock);
    const v2 = await uploadDocument(rt.db, u.fraOff.ctx, team, { replaces: v1.id, file: await spooledFile('second version — 第二版', 'report.txt') }, clock);
    assert.equal(v2.version, 2);
    assert.equal(v2.previous_id, v1.id);
    assert.equal(v2.title, 'Report — تقرير', 'the title is taken from the version replaced');
    await assert.rejects(uploadDocument(rt.db, u.itaOff.ctx, team, { replaces: v1.id, file: await spooledFile('stale', 'r.txt') }, clock), (e: AppError) => e.status === 409);
    await assert.rejects(uploadDocument(rt.db, u.itaOff.ctx, team, { replaces: 'nope', file: await spooledFile('x', 'r.txt') }, clock), (e: ValidationError) => e.issues?.[0]?.field === 'replaces');
    const other = await aTeam();
    await assert.rejects(uploadDocument(rt.db, u.itaOff.ctx, other, { replaces: v2.id, file: await spooledFile('x', 'r.txt') }, clock), (e: ValidationError) => e.issues?.[0]?.field === 'replaces');
    const seen = await viewDocument(rt.db, u.itaSup.actor, v1.id, clock);
    assert.equal(seen.document.replaced_by, v2.id);
    assert.equal(seen.mayAddVersion, false, 'only the current version gets a new one');
    assert.deepEqual(seen.versions.map((v) => v.version), [1, 2]);
    assert.deepEqual((await viewDocument(rt.db, u.itaSup.actor, v2.id, clock)).versions.map((v) => v.id), [v1.id, v2.id]);
    const log = await evidenceLog(rt.db, u.itaSup.actor, team, clock);
    assert.deepEqual(
      log.filter((e) => e.document_id === v1.id).map((e) => e.action),
      ['view', 'view', 'upload'],
      'the old version keeps its evidence',
    );
    assert.ok(log.some((e) => e.document_id === v2.id && e.action === 'upload' && e.sha256 === v2.sha256));
  });
});

describe('jit mail', () => {
  it('mails the other members a link only, unless turned off', async () => {
    const team = await aTeam();
    const before = (await outbox()).length;
    await setJitMail(rt.db, u.fraSup.actor, false);
    await uploadDocument(rt.db, u.itaOff.ctx, team, { title: 'Confidential title', file: await spooledFile('content', 'c.txt') }, clock, rt.config);
    const mails = (await outbox()).slice(before);
    const to = mails.map((m) => m.to_address).sort();
    assert.ok(to.includes(u.fraOff.email) && to.includes(u.itaSup.email), JSON.stringify(to));
    assert.ok(!to.includes(u.itaOff.email), 'not the author');
    assert.ok(!to.includes(u.fraSup.email), 'turned off');
    for (const m of mails) {
      assert.equal(m.purpose, 'jit.document');
      assert.match(m.body ?? "", new RegExp(`/jit/${team}`));
      assert.doesNotMatch(`${m.subject ?? ""} ${m.body ?? ""}`, /Confidential|Secret Name/);
    }
    await setJitMail(rt.db, u.fraSup.actor, true);
    const mid = (await outbox()).length;
    await addTask(rt.db, u.fraOff.ctx, team, { title: 'Hear the witness', assignee_authority_id: 'fra-moj' }, clock, rt.config);
    const task = (await outbox()).slice(mid);
    assert.ok(task.some((m) => m.to_address === u.fraSup.email && m.purpose === 'jit.task'));
    assert.ok(!task.some((m) => m.to_address === u.fraOff.email));
  });
});
