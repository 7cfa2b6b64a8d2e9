/**
 * Cases through the services on a real database: creation, registration with gap-free references
 * under concurrency, transitions (409 listing the allowed ones, 400 naming missing fields, four
 * eyes), optimistic edits, isolation (403 first, 404 for another authority's case), executing
 * authorities reading what was forwarded to them, the worklist and the verification of histories.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestRuntime, type TestRuntime } from '../helpers/db.js';
import { aUser, type TestUser } from '../factories/users.js';
import { aCaseBody, aCaseworkAuthority, anIncomingCase, anOfficer, anOutgoingCase, aRegisteredCase, aSupervisor } from '../factories/casework.js';
import { createIncoming, editCase, getCase, assignCase } from '../../src/modules/casework/service.js';
import { applyTransition } from '../../src/modules/casework/transition-service.js';
import { addPerson, removePerson, addLink, setLegalBases } from '../../src/modules/casework/parts-service.js';
import { listWorklist } from '../../src/modules/casework/worklist-service.js';
import { verifyAll, verifyHistory } from '../../src/modules/casework/verify-service.js';
import { AppError } from '../../src/platform/http/errors.js';

let rt: TestRuntime;
let auth: { id: string; country: string };
let other: { id: string; country: string };
let officer: TestUser;
let supervisor: TestUser;
let stranger: TestUser;
let nobody: TestUser;

const status = async (p: Promise<unknown>): Promise<{ status: number; message: string; issues?: { field: string }[] }> => {
  try {
    await p;
    return { status: 200, message: '' };
  } catch (e) {
    if (e instanceof AppError) return { status: e.status, message: e.message, issues: e.issues };
    throw e;
  }
};

before(async () => {
  rt = await createTestRuntime();
  auth = await aCaseworkAuthority(rt.db, { incoming_pattern: 'MLI/{YYYY}/{NNNNN}' });
  other = await aCaseworkAuthority(rt.db, { country: 'DEU' });
  officer = await anOfficer(rt.db, auth.id, 'Olga Officer');
  supervisor = await aSupervisor(rt.db, auth.id, 'Sam Supervisor');
  stranger = await anOfficer(rt.db, other.id, 'Stranger');
  nobody = await aUser(rt.db, [{ role: 'practitioner' }], 'Nobody');
});
after(async () => rt.close());

describe('casework cases', () => {
  it('registers an incoming request: received without reference, then a reference at registration', async () => {
    const { id, reference } = await createIncoming(rt.db, officer.actor, aCaseBody());
    assert.equal(reference, null);
    const seen = await getCase(rt.db, officer.actor, id);
    assert.equal(seen.case.state, 'received');
    assert.equal(seen.case.assigned_to, officer.id);
    assert.deepEqual(seen.transitions.map((t) => t.name), ['start_check']);
    await applyTransition(rt.db, officer.actor, id, { transition: 'start_check' });
    const registered = await applyTransition(rt.db, officer.actor, id, { transition: 'register' });
    assert.match(registered.reference!, new RegExp(`^MLI/${new Date().getUTCFullYear()}/\\d{5}$`));
    const view = await getCase(rt.db, supervisor.actor, id);
    assert.equal(view.verification.ok, true);
    assert.deepEqual(view.events.map((e) => e.type), ['created', 'transition', 'transition']);
    assert.equal(view.events[2]!.data.reference, registered.reference);
    assert.equal(view.persons.length, 1);
    assert.equal(view.legalBases[0]!.basis, 'untoc');
    const opened = await rt.db.selectFrom('case_access_log').select(['user_id', 'action']).where('case_id', '=', id).execute();
    assert.ok(opened.some((o) => o.user_id === supervisor.id && o.action === 'open'));
  });

  it('updates the case row once per transition, its head and state time those of the event', async () => {
    const id = await anIncomingCase(rt.db, officer.actor);
    // Count the row updates of this case, as the database sees them (a trigger for this test only).
    await sql`CREATE TABLE test_case_row_updates (case_id uuid NOT NULL)`.execute(rt.db);
    await sql`CREATE FUNCTION test_count_case_update() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$ BEGIN INSERT INTO test_case_row_updates VALUES (NEW.id); RETURN NULL; END $$`.execute(rt.db);
    await sql`CREATE TRIGGER test_count_case_update AFTER UPDATE ON casework_cases FOR EACH ROW EXECUTE FUNCTION test_count_case_update()`.execute(rt.db);
    try {
      const checked = await applyTransition(rt.db, officer.actor, id, { transition: 'start_check' });
      const registered = await applyTransition(rt.db, officer.actor, id, { transition: 'register' });
      const n = await sql<{ n: number }>`SELECT count(*)::int AS n FROM test_case_row_updates WHERE case_id = ${id}`.execute(rt.db);
      assert.equal(n.rows[0]!.n, 2);
      const view = await getCase(rt.db, officer.actor, id);
      assert.equal(view.verification.ok, true);
      const last = view.events.at(-1)!;
      assert.equal(registered.history_seq, last.seq);
      assert.equal(registered.history_head, last.hash);
      assert.equal(checked.history_seq, last.seq - 1);
      assert.equal(new Date(registered.state_since).toISOString(), last.at);
    } finally {
      await sql`DROP TRIGGER test_count_case_update ON casework_cases`.execute(rt.db);
      await sql`DROP FUNCTION test_count_case_update()`.execute(rt.db);
      await sql`DROP TABLE test_case_row_updates`.execute(rt.db);
    }
  });

  it('gives unique, gap-free references to concurrent registrations', async () => {
    const a = await aCaseworkAuthority(rt.db, { incoming_pattern: 'C/{YYYY}/{NNNN}' });
    const o = await anOfficer(rt.db, a.id);
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) {
      const id = await anIncomingCase(rt.db, o.actor);
      await applyTransition(rt.db, o.actor, id, { transition: 'start_check' });
      ids.push(id);
    }
    const done = await Promise.all(ids.map((id) => applyTransition(rt.db, o.actor, id, { transition: 'register' })));
    const numbers = done.map((c) => Number(c.reference!.split('/')[2])).sort((x, y) => x - y);
    assert.deepEqual(numbers, Array.from({ length: 40 }, (_, i) => i + 1));
  });

  it('refuses illegal transitions with 409 listing the allowed ones, and missing fields with 400', async () => {
    const id = await aRegisteredCase(rt.db, officer.actor);
    const illegal = await status(applyTransition(rt.db, officer.actor, id, { transition: 'close' }));
    assert.equal(illegal.status, 409);
    assert.match(illegal.message, /start_assessment/);
    const forward = await status(applyTransition(rt.db, officer.actor, id, { transition: 'forward' }));
    assert.equal(forward.status, 409);
    assert.match(forward.message, /forwarding/);
    await applyTransition(rt.db, officer.actor, id, { transition: 'start_assessment' });
    // Refusing is a supervisor's decision, with grounds and reasons.
    assert.equal((await status(applyTransition(rt.db, officer.actor, id, { transition: 'refuse', grounds: ['dual_criminality'], comment: 'x' }))).status, 403);
    const missing = await status(applyTransition(rt.db, supervisor.actor, id, { transition: 'refuse' }));
    assert.equal(missing.status, 400);
    assert.deepEqual(missing.issues!.map((i) => i.field).sort(), ['comment', 'grounds']);
    const refused = await applyTransition(rt.db, supervisor.actor, id, { transition: 'refuse', grounds: ['dual_criminality'], comment: 'Not an offence under our law' });
    assert.equal(refused.state, 'refused');
    assert.equal(refused.outcome, 'refused');
    assert.deepEqual(refused.refusal_grounds, ['dual_criminality']);
    const closed = await applyTransition(rt.db, officer.actor, id, { transition: 'close' });
    assert.equal(closed.closed_on, new Date().toISOString().slice(0, 10));
    const reopened = await applyTransition(rt.db, supervisor.actor, id, { transition: 'reopen', comment: 'New information' });
    assert.equal(reopened.state, 'assessment');
    assert.equal(reopened.outcome, null);
  });

  it('keeps four eyes on outgoing approval and requires date and channel to send', async () => {
    const sup2 = await aSupervisor(rt.db, auth.id, 'Second Supervisor');
    const id = await anOutgoingCase(rt.db, supervisor.actor);
    const draft = await getCase(rt.db, supervisor.actor, id);
    assert.match(draft.case.reference!, /^MLO\//);
    await applyTransition(rt.db, supervisor.actor, id, { transition: 'submit' });
    assert.equal((await status(applyTransition(rt.db, supervisor.actor, id, { transition: 'approve' }))).status, 403, 'the author does not approve');
    const approved = await applyTransition(rt.db, sup2.actor, id, { transition: 'approve' });
    assert.equal(approved.approved_by, sup2.id);
    const noChannel = await status(applyTransition(rt.db, officer.actor, id, { transition: 'send', date: '2026-01-05' }));
    assert.deepEqual(noChannel.issues!.map((i) => i.field), ['channel']);
    const sent = await applyTransition(rt.db, officer.actor, id, { transition: 'send', date: '2026-01-05', channel: 'central_authorities' });
    assert.equal(sent.sent_on, '2026-01-05');
    const list = await listWorklist(rt.db, officer.actor, { view: 'awaiting_partner' });
    assert.ok(list.rows.some((r) => r.id === id));
  });

  it('refuses a stale edit (409) and records fields before and after', async () => {
    const id = await anIncomingCase(rt.db, officer.actor);
    const first = (await getCase(rt.db, officer.actor, id)).case;
    const v = first.version;
    const edited = await editCase(rt.db, officer.actor, id, { title: 'New title', urgency: 'urgent', urgency_reason: 'Person in custody' }, v);
    assert.equal(edited.version, v + 1);
    assert.equal((await status(editCase(rt.db, officer.actor, id, { title: 'Lost update' }, v))).status, 409);
    const bad = await status(editCase(rt.db, officer.actor, id, { urgency_reason: '' }, v + 1));
    assert.deepEqual(bad.issues!.map((i) => i.field), ['urgency_reason']);
    const unknownMeasure = await status(editCase(rt.db, officer.actor, id, { measures: ['telepathy'] }, v + 1));
    assert.deepEqual(unknownMeasure.issues!.map((i) => i.field), ['measures.0']);
    const events = (await getCase(rt.db, officer.actor, id)).events;
    const last = events[events.length - 1]!;
    assert.equal(last.type, 'edited');
    assert.deepEqual((last.data.changes as Record<string, unknown>).title, { before: first.title, after: 'New title' });
    assert.equal((await getCase(rt.db, officer.actor, id)).case.title, 'New title', 'nothing of the refused edits written');
  });

  it('changes persons, legal bases, links and assignment with an event each', async () => {
    const id = await anIncomingCase(rt.db, officer.actor);
    const other1 = await anIncomingCase(rt.db, officer.actor);
    await addPerson(rt.db, officer.actor, id, { role: 'witness', family_name: 'Bianchi', nationalities: ['XYZ'] }).then(
      () => assert.fail('unknown nationality accepted'),
      (e: AppError) => assert.equal(e.issues![0]!.field, 'person.nationalities.0'),
    );
    await addPerson(rt.db, officer.actor, id, { role: 'witness', family_name: 'Bianchi' });
    const view = await getCase(rt.db, officer.actor, id);
    const witness = view.persons.find((p) => p.family_name === 'Bianchi')!;
    await removePerson(rt.db, officer.actor, id, witness.id);
    await setLegalBases(rt.db, officer.actor, id, [{ basis: 'treaty', instrument_id: 'coe-mla', article: '1' }, { basis: 'reciprocity' }]);
    await addLink(rt.db, officer.actor, id, { other_case_id: other1, kind: 'same_matter' });
    const foreign = await anIncomingCase(rt.db, stranger.actor);
    assert.equal((await status(addLink(rt.db, officer.actor, id, { other_case_id: foreign, kind: 'same_matter' }))).status, 400);
    assert.equal((await status(assignCase(rt.db, officer.actor, id, supervisor.id))).status, 403, 'assigning is a supervisor\'s');
    await assignCase(rt.db, supervisor.actor, id, supervisor.id);
    const after1 = await getCase(rt.db, supervisor.actor, id);
    assert.deepEqual(after1.events.map((e) => e.type), ['created', 'person_added', 'person_removed', 'legal_basis_set', 'link_added', 'assigned']);
    assert.equal(after1.links[0]!.other_case_id, other1);
    assert.equal(after1.legalBases.length, 2);
    assert.equal(after1.verification.ok, true);
  });

  it('answers 403 without casework rights before anything, and 404 for another authority\'s case', async () => {
    const id = await anIncomingCase(rt.db, officer.actor);
    assert.equal((await status(getCase(rt.db, nobody.actor, id))).status, 403);
    assert.equal((await status(getCase(rt.db, nobody.actor, '00000000-0000-0000-0000-000000000000'))).status, 403);
    assert.equal((await status(getCase(rt.db, stranger.actor, id))).status, 404);
    assert.equal((await status(getCase(rt.db, stranger.actor, 'not-a-uuid'))).status, 404);
    assert.equal((await status(applyTransition(rt.db, stranger.actor, id, { transition: 'start_check' }))).status, 404);
    assert.equal((await status(editCase(rt.db, stranger.actor, id, { title: 'x' }, undefined))).status, 404);
    assert.equal((await status(listWorklist(rt.db, nobody.actor, {}))).status, 403);
    const theirs = await listWorklist(rt.db, stranger.actor, { view: 'all' });
    assert.ok(!theirs.rows.some((r) => r.id === id));
  });

  it('lets an executing authority read what was forwarded to it, without other authorities\' tracks', async () => {
    const execA = await aCaseworkAuthority(rt.db);
    const execB = await aCaseworkAuthority(rt.db);
    const execOfficer = await anOfficer(rt.db, execA.id, 'Prosecutor');
    const id = await aRegisteredCase(rt.db, officer.actor);
    // Forwarding is another service's: set what it would, as the database owner.
    await sql`UPDATE casework_cases SET executing_authority_ids = ${sql.val([execA.id, execB.id])}::text[], state = 'forwarded' WHERE id = ${id}`.execute(rt.db);
    for (const [a, name] of [
      [execA.id, 'Prosecutor A'],
      [execB.id, 'Police B'],
    ]) {
      await rt.db.insertInto('case_executions').values({ case_id: id, executing_authority_id: a, executing_name: name!, forwarded_on: '2026-01-10' }).execute();
    }
    const seen = await getCase(rt.db, execOfficer.actor, id);
    assert.equal(seen.owner, false);
    assert.deepEqual(seen.tracks.map((t) => t.executing_name), ['Prosecutor A']);
    assert.deepEqual(seen.transitions, []);
    assert.equal((await status(applyTransition(rt.db, execOfficer.actor, id, { transition: 'review_results' }))).status, 403);
    const list = await listWorklist(rt.db, execOfficer.actor, { view: 'forwarded_to_us' });
    assert.deepEqual(list.rows.map((r) => r.id), [id]);
    const own = await listWorklist(rt.db, officer.actor, { view: 'awaiting_executing' });
    assert.ok(own.rows.some((r) => r.id === id));
  });

  it('searches by any reference, person, partner State and offence, and counts views', async () => {
    const id = await aRegisteredCase(rt.db, officer.actor, { partner_reference: 'RG-77/ZZ', offence_text: 'Smuggling of tortoises', persons: [{ role: 'suspect', family_name: 'Quaglierini' }], partner_country: 'BRA' });
    const ref = (await getCase(rt.db, officer.actor, id)).case.reference!;
    for (const q of [ref, 'RG-77', 'quaglier', 'tortoises', 'bra', 'Brazil', 'Brésil']) {
      const r = await listWorklist(rt.db, officer.actor, { q });
      assert.ok(r.rows.some((x) => x.id === id), q);
    }
    const foreign = await listWorklist(rt.db, stranger.actor, { q: 'Quaglierini' });
    assert.equal(foreign.total, 0);
    const mine = await listWorklist(rt.db, officer.actor, { view: 'mine', partner_country: 'BRA' });
    assert.equal(mine.counts.mine, mine.total);
    await assert.rejects(listWorklist(rt.db, officer.actor, { view: 'everything' }), (e: AppError) => e.status === 400 && e.issues![0]!.field === 'view');
  });

  it('searches executing authorities\' references and full names, with filters, within the scope only (migration 0088)', async () => {
    const exec = await aCaseworkAuthority(rt.db);
    const execOfficer = await anOfficer(rt.db, exec.id, 'Prosecutor');
    const id = await aRegisteredCase(rt.db, officer.actor, { kind: 'extradition', persons: [{ role: 'witness', family_name: 'Zanardelli', given_names: 'Ottavia Maria' }], partner_country: 'PER' });
    await sql`UPDATE casework_cases SET executing_authority_ids = ${sql.val([exec.id])}::text[], state = 'forwarded' WHERE id = ${id}`.execute(rt.db);
    await rt.db.insertInto('case_executions').values({ case_id: id, executing_authority_id: exec.id, executing_name: 'Prosecutor', their_reference: 'PX-4411/QW', forwarded_on: '2026-01-10' }).execute();
    for (const q of ['px-4411', 'Maria Zanard', 'ottavia']) {
      const r = await listWorklist(rt.db, officer.actor, { q });
      assert.deepEqual(r.rows.map((x) => x.id), [id], q);
      assert.equal(r.total, 1, q);
      assert.equal(r.counts.all, 1, q);
    }
    // Filters combine with the search and with each other; the counts follow them.
    assert.equal((await listWorklist(rt.db, officer.actor, { q: 'Zanardelli', kind: 'extradition', partner_country: 'PER', state: 'forwarded' })).total, 1);
    const none = await listWorklist(rt.db, officer.actor, { q: 'Zanardelli', kind: 'mla' });
    assert.equal(none.total, 0);
    assert.equal(none.counts.all, 0);
    assert.equal((await listWorklist(rt.db, officer.actor, { view: 'awaiting_executing', q: 'PX-4411' })).counts.awaiting_executing, 1);
    // The executing authority finds it by its own reference among what was forwarded to it; a stranger finds nothing.
    const forwarded = await listWorklist(rt.db, execOfficer.actor, { view: 'forwarded_to_us', q: 'PX-4411' });
    assert.deepEqual(forwarded.rows.map((x) => x.id), [id]);
    assert.equal((await listWorklist(rt.db, stranger.actor, { q: 'PX-4411' })).counts.all, 0);
    assert.equal((await listWorklist(rt.db, stranger.actor, { view: 'forwarded_to_us', q: 'Zanardelli' })).total, 0);
    // The search function itself, called as the casework role for another authority, returns nothing.
    const leaked = await rt.db.transaction().execute(async (trx) => {
      await sql`SELECT set_config('palermo.casework_authorities', ${other.id}, true), set_config('role', 'palermo_casework', true)`.execute(trx);
      return (await sql<{ id: string }>`SELECT id FROM casework_search_ids('%Zanardelli%', ARRAY['PER'])`.execute(trx)).rows;
    });
    assert.deepEqual(leaked, []);
  });

  it('verifies every history and names the event altered in SQL', async () => {
    const a = await aCaseworkAuthority(rt.db);
    const o = await anOfficer(rt.db, a.id);
    const id = await aRegisteredCase(rt.db, o.actor);
    await anIncomingCase(rt.db, o.actor);
    const ok = await verifyAll(rt.db, [a.id]);
    assert.deepEqual({ cases: ok.cases, events: ok.events, failures: ok.failures.length }, { cases: 2, events: 4, failures: 0 });
    await rt.db.transaction().execute(async (trx) => {
      await sql`ALTER TABLE case_events DISABLE TRIGGER case_events_no_change`.execute(trx);
      await sql`UPDATE case_events SET data = '{"tampered": true}' WHERE case_id = ${id} AND seq = 2`.execute(trx);
      await sql`ALTER TABLE case_events ENABLE TRIGGER case_events_no_change`.execute(trx);
    });
    const bad = await verifyAll(rt.db, [a.id]);
    assert.equal(bad.failures.length, 1);
    assert.equal(bad.failures[0]!.caseId, id);
    assert.deepEqual(bad.failures[0]!.verdict.problem, { kind: 'hash', seq: 2, eventId: bad.failures[0]!.verdict.problem!.eventId });
    assert.equal((await getCase(rt.db, o.actor, id)).verification.ok, false);
    assert.deepEqual((await verifyHistory(rt.db, o.actor, id)).problem?.seq, 2);
    assert.equal((await status(verifyHistory(rt.db, stranger.actor, id))).status, 404);
    assert.equal((await status(verifyHistory(rt.db, nobody.actor, id))).status, 403);
  });
});
