/**
 * Networks' case logs on a real database: only a network's secretariat keeps (reads, adds to) its
 * log; States and offences come from the reference data; bad input names the field and writes
 * nothing; public figures per year and network, as the Secretariat reports them.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { createTestRuntime, type TestRuntime } from '../helpers/db.js';
import { aUser, type TestUser } from '../factories/users.js';
import { AppError, ForbiddenError, UnauthorizedError, ValidationError } from '../../src/platform/http/errors.js';
import { ANONYMOUS } from '../../src/modules/access/index.js';
import { logCase, networkFigures, networkLog, networksKeptBy } from '../../src/modules/networks/service.js';

let rt: TestRuntime;
const u = {} as Record<'wacap' | 'casc' | 'supervisor' | 'admin', TestUser>;

before(async () => {
  rt = await createTestRuntime();
  u.wacap = await aUser(rt.db, [{ role: 'network_secretariat', authority_id: 'wacap' }], 'WACAP Secretariat');
  u.casc = await aUser(rt.db, [{ role: 'network_secretariat', authority_id: 'casc' }], 'CASC Secretariat');
  u.supervisor = await aUser(rt.db, [{ role: 'authority_supervisor', authority_id: 'fra-moj' }], 'Supervisor');
  u.admin = await aUser(rt.db, [{ role: 'administrator' }], 'Admin');
});
after(async () => rt?.close());

const aCase = (over: Record<string, unknown> = {}) => ({ requesting_country: 'NGA', requested_country: 'GHA', kind: 'mla', offence: 'trafficking-in-persons', facilitated_on: '2021-03-04', ...over });
const count = async () => Number((await rt.db.selectFrom('network_cases').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

describe('network case logs', () => {
  it('lets each secretariat keep only its own network log', async () => {
    await logCase(rt.db, u.wacap.ctx, 'wacap', aCase());
    assert.deepEqual((await networksKeptBy(rt.db, u.wacap.actor)).map((n) => n.id), ['wacap']);
    const { cases } = await networkLog(rt.db, u.wacap.actor, 'wacap');
    assert.equal(cases.length, 1);
    assert.equal(cases[0]!.outcome, 'pending');
    await assert.rejects(networkLog(rt.db, u.casc.actor, 'wacap'), ForbiddenError);
    await assert.rejects(logCase(rt.db, u.casc.ctx, 'wacap', aCase()), ForbiddenError);
    for (const who of [u.supervisor, u.admin]) await assert.rejects(networkLog(rt.db, who.actor, 'wacap'), ForbiddenError);
    await assert.rejects(networkLog(rt.db, ANONYMOUS, 'wacap'), UnauthorizedError);
    await assert.rejects(networkLog(rt.db, u.wacap.actor, 'nosuch'), ForbiddenError);
  });

  it('counts cases per year and network for the public figures', async () => {
    for (let i = 0; i < 3; i++) await logCase(rt.db, u.casc.ctx, 'casc', aCase({ requesting_country: 'KAZ', requested_country: 'KGZ', facilitated_on: '2021-06-0' + (i + 1), kind: 'extradition', outcome: 'executed', concluded_on: '2021-09-01' }));
    await logCase(rt.db, u.wacap.ctx, 'wacap', aCase({ facilitated_on: '2020-12-31', offence: 'money-laundering' }));
    const { figures } = await networkFigures(rt.db);
    assert.deepEqual(figures.years, [2021, 2020]);
    assert.equal(figures.cells[2021]!.casc, 3);
    assert.equal(figures.cells[2021]!.wacap, 1);
    assert.equal(figures.yearTotals[2021], 4);
    assert.equal(figures.yearTotals[2020], 1);
  });

  it('names the bad field (400) and writes nothing, whatever the input', async () => {
    const before = await count();
    const expect = async (over: Record<string, unknown>, field: string) =>
      assert.rejects(logCase(rt.db, u.wacap.ctx, 'wacap', aCase(over)), (e: ValidationError) => e instanceof ValidationError && !!e.issues?.some((i) => i.field === field), field);
    await expect({ requested_country: 'NGA' }, 'requested_country');
    await expect({ requesting_country: 'XKX' }, 'requesting_country');
    await expect({ offence: 'shoplifting' }, 'offence');
    await expect({ facilitated_on: '2021-02-30' }, 'facilitated_on');
    await expect({ concluded_on: '2020-01-01' }, 'concluded_on');
    await expect({ kind: 'rendition' }, 'kind');
    const fields = ['requesting_country', 'requested_country', 'kind', 'offence', 'facilitated_on', 'concluded_on', 'outcome'];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...fields), fc.oneof(fc.string({ maxLength: 200 }), fc.integer(), fc.constant(null), fc.constant('\u0000'), fc.constant({})), async (field, value) => {
        let id: string;
        try {
          id = await logCase(rt.db, u.wacap.ctx, 'wacap', aCase({ [field]: value }));
        } catch (err) {
          assert.ok(err instanceof AppError && err.status === 400, String(err));
          assert.ok(err.issues?.some((i) => i.field === field), `${field}=${JSON.stringify(value)}: ${JSON.stringify(err.issues)}`);
          return;
        }
        // Accepted (e.g. a valid outcome, or an optional field left empty): not what this count is about.
        await rt.db.deleteFrom('network_cases').where('id', '=', id).execute();
      }),
      { numRuns: 60 },
    );
    assert.equal(await count(), before);
  });
});
