/**
 * The casework demo: generated records are valid canonical records, the mix is realistic, every
 * case's hash chain verifies, a second seed changes nothing, and removal leaves no demo case.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestRuntime, type TestRuntime } from '../helpers/db.js';
import { generateCases, type DemoSettings } from '../../src/modules/casework/demo/generator.js';
import { removeCaseworkDemo, seedCaseworkDemo, type DemoAuthorities } from '../../src/modules/casework/demo/service.js';
import { parseCaseRecord } from '../../src/modules/casework/domain/record.js';
import { recordOfRows } from '../../src/modules/casework/domain/record-rows.js';
import { verifyChain } from '../../src/modules/casework/domain/history.js';
import { listEvents } from '../../src/modules/casework/repository/history.js';
import { withCaseScope } from '../../src/modules/casework/repository/scope.js';
import { recordRefs } from '../../src/modules/casework/import/service.js';

const AUTH: DemoAuthorities = {
  authorityId: 'demo-test-central',
  country: 'FRA',
  executors: [
    { id: 'demo-test-exec', name: 'Demo executing authority', bodyKind: 'police' },
    { id: null, name: 'Prosecutor (demo)', bodyKind: 'prosecution' },
    { id: null, name: 'Court (demo)', bodyKind: 'court' },
  ],
};
const TODAY = new Date('2026-06-30T00:00:00Z');

describe('casework demo', () => {
  let rt: TestRuntime;
  before(async () => {
    rt = await createTestRuntime();
  });
  after(async () => rt?.close());

  it('generates valid records with a realistic mix', async () => {
    const refs = await recordRefs(rt.db);
    const settings: DemoSettings = { seed: 't', count: 2000, today: TODAY, authorityId: AUTH.authorityId, country: AUTH.country, executors: AUTH.executors, partners: [...(refs.partners ?? refs.countries)].map((iso3) => ({ iso3, region: iso3 === 'ITA' ? '150' : '002' })), measures: refs.measures, crimes: [...refs.crimes] };
    const kinds: Record<string, number> = {};
    const outcomes: Record<string, number> = {};
    let incoming = 0;
    let events = 0;
    for (const g of generateCases(settings)) {
      const record = recordOfRows({ case: { ...g.rows.case, state_since: String(g.rows.case.state_since) } as never, persons: g.rows.persons.map((p) => ({ ...p, identity_documents: [] })) as never, legalBases: g.rows.legalBases as never, executions: g.rows.executions as never, deadlines: g.rows.deadlines as never });
      const parsed = parseCaseRecord(record, refs);
      assert.ok(parsed.ok, JSON.stringify(parsed));
      kinds[g.rows.case.kind] = (kinds[g.rows.case.kind] ?? 0) + 1;
      outcomes[g.rows.case.outcome ?? 'open'] = (outcomes[g.rows.case.outcome ?? 'open'] ?? 0) + 1;
      if (g.rows.case.direction === 'incoming') incoming++;
      events += g.events.length;
      assert.ok(g.events.length >= 4 && g.events.length <= 40, `events per case: ${g.events.length}`);
    }
    assert.ok(kinds.mla! > 1100 && kinds.mla! < 1500, `mla ${kinds.mla}`);
    assert.ok(kinds.extradition! > 180 && kinds.extradition! < 380, `extradition ${kinds.extradition}`);
    assert.ok(incoming > 950 && incoming < 1250, `incoming ${incoming}`);
    assert.ok(outcomes.executed! > 900, `executed ${outcomes.executed}`);
    assert.ok(outcomes.open! > 100, `open ${outcomes.open}`);
    assert.ok(events / 2000 >= 10 && events / 2000 <= 25, `events per case ${events / 2000}`);
  });

  it('seeds a small demo whose every history verifies; seeding again changes nothing; removal removes it', async () => {
    const report = await seedCaseworkDemo(rt.db, { count: 200, authorities: AUTH, today: TODAY });
    assert.equal(report.cases, 200);
    const bad = await withCaseScope(rt.db, [AUTH.authorityId], async (trx) => {
      const cases = await trx.selectFrom('casework_cases').select(['id', 'history_seq', 'history_head', 'demo']).execute();
      assert.equal(cases.length, 200);
      assert.ok(cases.every((c) => c.demo));
      const failures: string[] = [];
      for (const c of cases) {
        const v = verifyChain(await listEvents(trx, c.id), { seq: c.history_seq, head: c.history_head });
        if (!v.ok) failures.push(`${c.id}: ${JSON.stringify(v.problem)}`);
      }
      return failures;
    });
    assert.deepEqual(bad, []);
    // The executing authority sees the cases forwarded to it.
    const forwarded = await withCaseScope(rt.db, ['demo-test-exec'], async (trx) => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM casework_cases`.execute(trx)).rows[0]!.n);
    assert.ok(forwarded > 0 && forwarded < 200);
    const again = await seedCaseworkDemo(rt.db, { count: 200, authorities: AUTH, today: TODAY });
    assert.equal(again.unchanged, true);
    assert.equal(await removeCaseworkDemo(rt.db), 200);
    const left = await withCaseScope(rt.db, [AUTH.authorityId], async (trx) => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM case_events`.execute(trx)).rows[0]!.n);
    assert.equal(left, 0);
  });
});
