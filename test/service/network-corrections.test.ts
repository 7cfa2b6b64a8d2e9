/**
 * Corrections of network case log entries on a real database: only the network's secretariat
 * corrects; the entry takes the corrected values and the public figures count them; each correction
 * is kept (who, when, from → to, why) in an append-only history hash-chained per entry; bad input
 * names the field and writes nothing.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestRuntime, type TestRuntime } from '../helpers/db.js';
import { refusalOf } from '../helpers/refusal.js';
import { aUser, type TestUser } from '../factories/users.js';
import { ForbiddenError } from '../../src/platform/http/errors.js';
import { logCase, networkFigures } from '../../src/modules/networks/service.js';
import { correctEntry, networkEntry } from '../../src/modules/networks/corrections-service.js';
import { correctionHash, GENESIS } from '../../src/modules/networks/domain/corrections.js';

let rt: TestRuntime;
const u = {} as Record<'wacap' | 'casc' | 'admin', TestUser>;

before(async () => {
  rt = await createTestRuntime();
  u.wacap = await aUser(rt.db, [{ role: 'network_secretariat', authority_id: 'wacap' }], 'WACAP Secretariat');
  u.casc = await aUser(rt.db, [{ role: 'network_secretariat', authority_id: 'casc' }], 'CASC Secretariat');
  u.admin = await aUser(rt.db, [{ role: 'administrator' }], 'Admin');
});
after(async () => rt?.close());

const aCase = (over: Record<string, unknown> = {}) => ({ requesting_country: 'NGA', requested_country: 'GHA', kind: 'mla', offence: 'trafficking-in-persons', facilitated_on: '2015-03-04', ...over });
const corrections = async () => Number((await rt.db.selectFrom('network_case_corrections').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
const cell = async (year: number) => (await networkFigures(rt.db)).figures.cells[year]?.wacap ?? 0;

describe('network case corrections', () => {
  it('corrects an entry: the figures count the corrected values, the history keeps who, when, what and why, chained', async () => {
    const id = await logCase(rt.db, u.wacap.ctx, 'wacap', aCase());
    const [y15, y16] = [await cell(2015), await cell(2016)];
    assert.equal(await correctEntry(rt.db, u.wacap.ctx, 'wacap', id, { facilitated_on: '2016-01-10', reason: 'Typed the wrong year' }), 1);
    assert.deepEqual([await cell(2015), await cell(2016)], [y15 - 1, y16 + 1], 'the figures follow the correction');
    assert.equal(await correctEntry(rt.db, u.wacap.ctx, 'wacap', id, { outcome: 'executed', concluded_on: '2016-05-02', kind: 'mla', reason: 'Executed in May' }), 2);
    const view = await networkEntry(rt.db, u.wacap.actor, 'wacap', id);
    assert.equal(view.entry.facilitated_on, '2016-01-10');
    assert.equal(view.entry.outcome, 'executed');
    assert.deepEqual(view.corrections.map((c) => [c.seq, c.changes, c.reason, c.corrected_by_name]), [
      [1, { facilitated_on: { from: '2015-03-04', to: '2016-01-10' } }, 'Typed the wrong year', 'WACAP Secretariat'],
      [2, { outcome: { from: 'pending', to: 'executed' }, concluded_on: { from: null, to: '2016-05-02' } }, 'Executed in May', 'WACAP Secretariat'],
    ]);
    assert.equal(view.chainOk, true);
    const [first, second] = view.corrections;
    assert.equal(first!.prev_hash, GENESIS);
    assert.equal(second!.prev_hash, first!.hash);
    assert.equal(first!.hash, correctionHash(GENESIS, { case_id: id, seq: 1, changes: first!.changes, reason: first!.reason, corrected_by: u.wacap.id, corrected_at: first!.corrected_at.toISOString() }));
    // Clearing the conclusion date (the page form sends it empty).
    await correctEntry(rt.db, u.wacap.ctx, 'wacap', id, { outcome: 'pending', concluded_on: '', reason: 'Not concluded after all' });
    assert.equal((await networkEntry(rt.db, u.wacap.actor, 'wacap', id)).entry.concluded_on, null);
    const audit = await rt.db.selectFrom('audit_events').select('action').where('action', '=', 'networks.correct_case').where('target_id', '=', id).execute();
    assert.equal(audit.length, 3);
  });

  it('keeps the history append-only in the database', async () => {
    const id = await logCase(rt.db, u.wacap.ctx, 'wacap', aCase());
    await correctEntry(rt.db, u.wacap.ctx, 'wacap', id, { kind: 'extradition', reason: 'Wrong kind' });
    await assert.rejects(sql`UPDATE network_case_corrections SET reason = 'changed' WHERE case_id = ${id}`.execute(rt.db), /append-only/);
    await assert.rejects(sql`DELETE FROM network_case_corrections WHERE case_id = ${id}`.execute(rt.db), /append-only/);
  });

  it('lets only the network secretariat correct, and refuses bad input naming the field, writing nothing', async () => {
    const id = await logCase(rt.db, u.wacap.ctx, 'wacap', aCase({ facilitated_on: '2015-07-01' }));
    for (const who of [u.casc, u.admin]) await assert.rejects(correctEntry(rt.db, who.ctx, 'wacap', id, { kind: 'other', reason: 'x' }), ForbiddenError);
    await assert.rejects(correctEntry(rt.db, u.wacap.ctx, 'wacap', crypto.randomUUID(), { kind: 'other', reason: 'x' }), ForbiddenError);
    await assert.rejects(correctEntry(rt.db, u.casc.ctx, 'casc', id, { kind: 'other', reason: 'x' }), ForbiddenError, "another network's entry is not in its log");
    await assert.rejects(networkEntry(rt.db, u.casc.actor, 'wacap', id), ForbiddenError);
    const before = await corrections();
    const cases: [Record<string, unknown>, string][] = [
      [{ kind: 'other' }, 'reason'],
      [{ kind: 'mla', reason: 'nothing differs' }, 'reason'],
      [{ requested_country: 'NGA', reason: 'x' }, 'requested_country'],
      [{ requesting_country: 'ZZZ', reason: 'x' }, 'requesting_country'],
      [{ offence: 'no-such-offence', reason: 'x' }, 'offence'],
      [{ concluded_on: '2014-01-01', reason: 'x' }, 'concluded_on'],
      [{ facilitated_on: '2015-02-30', reason: 'x' }, 'facilitated_on'],
      [{ outcome: 'lost', reason: 'x' }, 'outcome'],
      [{ extra: 1, reason: 'x' }, 'extra'],
      [{ kind: 'other', reason: 'x'.repeat(1001) }, 'reason'],
    ];
    for (const [input, field] of cases) {
      const r = await refusalOf(correctEntry(rt.db, u.wacap.ctx, 'wacap', id, input));
      assert.equal(r.status, 400, JSON.stringify(input));
      assert.ok(r.fields.includes(field), `${JSON.stringify(input)} names ${field}: ${r.fields.join(', ')}`);
    }
    assert.equal(await corrections(), before, 'nothing written');
    assert.equal((await networkEntry(rt.db, u.wacap.actor, 'wacap', id)).entry.kind, 'mla');
  });
});
