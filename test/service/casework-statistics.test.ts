/**
 * Casework statistics on a real database: figures computed independently from the inserted cases,
 * isolation between authorities and States, permissions, and the published (public) figures.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestRuntime, type TestRuntime } from '../helpers/db.js';
import { aUser, type TestUser } from '../factories/users.js';
import { anAuthority } from '../factories/directory.js';
import { CLI_ACTOR } from '../../src/modules/access/actor.js';
import { ConflictError, ForbiddenError, UnauthorizedError, ValidationError } from '../../src/platform/http/errors.js';
import { ANONYMOUS } from '../../src/modules/access/index.js';
import { importAuthorities } from '../../src/modules/directory/import/service.js';
import { listCountries } from '../../src/modules/reference/index.js';
import { withCaseScope } from '../../src/modules/casework/repository/scope.js';
import { authorityStatistics, stateStatistics, statesOf } from '../../src/modules/casework/statistics/service.js';
import { REFRESH_JOB, refreshPublicStatisticsJob, setPublication } from '../../src/modules/casework/statistics/publication.js';
import { selectJobs } from '../../src/platform/jobs/index.js';
import { publicStatistics } from '../../src/modules/casework/statistics/public-service.js';
import { MIN_CELL } from '../../src/modules/casework/statistics/domain/public.js';
import type { CaseworkFigures, DirCount } from '../../src/modules/casework/statistics/domain/figures.js';
import { addDays, bucketOf, countBy, generateCases, insertCases, percentile, round1, settingsFor, type CaseSpec } from './casework-statistics-data.js';

const NOW = new Date('2026-01-15T12:00:00Z');
const A = `stat-a-${process.pid}`;
const B = `stat-b-${process.pid}`;
const C = `stat-c-${process.pid}`;

const asMap = (rows: DirCount[]) => new Map(rows.map((r) => [r.key, { incoming: r.incoming, outgoing: r.outgoing, total: r.total }]));

/** Every figure of `f` checked against the cases it should count. */
function assertFigures(f: CaseworkFigures, cases: CaseSpec[], regionOf: Map<string, string | null>) {
  const counted = cases;
  assert.deepEqual(f.totals, { key: 'total', ...countBy(counted, () => ['total']).get('total') });
  assert.deepEqual(asMap(f.byKind), countBy(counted, (s) => [s.kind]));
  assert.deepEqual(asMap(f.byPartner), countBy(counted, (s) => [s.partner]));
  assert.deepEqual(asMap(f.byRegion), countBy(counted, (s) => [regionOf.get(s.partner) ?? 'unknown']));
  assert.deepEqual(asMap(f.byMeasure), countBy(counted, (s) => s.measures));
  assert.deepEqual(asMap(f.byOffence), countBy(counted, (s) => s.crimes));
  assert.deepEqual(asMap(f.byLegalBasis), countBy(counted, (s) => s.bases));
  assert.deepEqual({ incoming: f.untoc.incoming, outgoing: f.untoc.outgoing }, { incoming: 0, outgoing: 0, ...(() => { const c = countBy(counted, (s) => (s.bases.some((b) => b === 'untoc' || b === 'untoc_protocol') ? ['u'] : [])).get('u'); return c ? { incoming: c.incoming, outgoing: c.outgoing } : {}; })() });
  assert.deepEqual(new Map([...asMap(f.byOutcome)].filter(([, v]) => v.total > 0)), countBy(counted, (s) => [s.outcome ?? 'open']));
  assert.deepEqual(asMap(f.refusalGrounds), countBy(counted, (s) => (s.outcome === 'refused' ? s.grounds : [])));
  assert.deepEqual(new Map([...asMap(f.byMonth)].filter(([, v]) => v.total > 0)), countBy(counted, (s) => [s.opened.slice(0, 7)]));
  assert.equal(f.byYear.reduce((n, y) => n + y.total, 0), counted.length);
  for (const k of f.outcomesByKind) for (const [o, n] of Object.entries(k.counts)) assert.equal(n, counted.filter((s) => s.kind === k.kind && (s.outcome ?? 'open') === o).length, `${k.kind}/${o}`);
  // Processing time: days from receipt or sending to execution, per direction (all kinds) and per kind.
  for (const p of f.processing) {
    const days = counted.filter((s) => s.direction === p.direction && (p.kind === null || s.kind === p.kind) && s.executedAfter !== null).map((s) => s.executedAfter!);
    assert.equal(p.count, days.length);
    assert.equal(p.medianDays, round1(percentile(days, 0.5)), `median ${p.direction} ${p.kind}`);
    assert.equal(p.p90Days, round1(percentile(days, 0.9)), `p90 ${p.direction} ${p.kind}`);
  }
  assert.equal(f.processing.filter((p) => p.kind === null).reduce((n, p) => n + p.count, 0), counted.filter((s) => s.executedAfter !== null).length);
  // Time in each state from the transition events.
  const stays = new Map<string, number[]>();
  const add = (state: string, d: number) => stays.set(state, [...(stays.get(state) ?? []), d]);
  for (const s of counted) {
    add(s.direction === 'incoming' ? 'received' : 'sent', s.stay1);
    if (s.stay2 !== null) add(s.direction === 'incoming' ? 'registered' : 'in_execution', s.stay2);
  }
  assert.deepEqual(
    f.timeInState.map((t) => [t.state, t.count, t.medianDays, t.p90Days]),
    [...stays].sort(([a], [b]) => a.localeCompare(b)).map(([state, d]) => [state, d.length, round1(percentile(d, 0.5)), round1(percentile(d, 0.9))]),
  );
}

describe('casework statistics', () => {
  let rt: TestRuntime;
  let officerA: TestUser;
  let supervisorA: TestUser;
  let officerC: TestUser;
  let focalFra: TestUser;
  let nobody: TestUser;
  let casesA: CaseSpec[];
  let casesB: CaseSpec[];
  let casesC: CaseSpec[];
  let regionOf: Map<string, string | null>;

  before(async () => {
    rt = await createTestRuntime();
    const docs = [anAuthority({ id: A, country: 'FRA' }), anAuthority({ id: B, country: 'FRA' }), anAuthority({ id: C, country: 'ITA' })];
    await importAuthorities(rt.db, { actor: CLI_ACTOR }, 'jsonl', async function* () {
      yield Buffer.from(docs.map((d) => JSON.stringify(d)).join('\n'));
    });
    for (const [id, country] of [[A, 'FRA'], [B, 'FRA'], [C, 'ITA']] as const) await settingsFor(rt.db, id, country);
    casesA = generateCases(1, 90, A, 'FRA');
    casesB = generateCases(2, 40, B, 'FRA', [A]); // forwarded to A as executing authority: still B's, never A's figures
    casesC = generateCases(3, 30, C, 'ITA');
    await insertCases(rt.db, [...casesA, ...casesB, ...casesC]);
    officerA = await aUser(rt.db, [{ role: 'authority_officer', authority_id: A }], 'Officer A');
    supervisorA = await aUser(rt.db, [{ role: 'authority_supervisor', authority_id: A }], 'Supervisor A');
    officerC = await aUser(rt.db, [{ role: 'authority_officer', authority_id: C }], 'Officer C');
    focalFra = await aUser(rt.db, [{ role: 'focal_point', country: 'FRA' }], 'Focal point FRA');
    nobody = await aUser(rt.db, [], 'No casework');
    regionOf = new Map((await listCountries(rt.db)).map((c) => [c.iso3, c.region_code]));
  });
  after(async () => rt?.close());

  it('counts exactly the authority\'s own cases, by every dimension', async () => {
    const v = await authorityStatistics(rt.db, officerA.actor, {}, NOW);
    assert.equal(v.authorityId, A);
    assertFigures(v.figures, casesA, regionOf);
    const open = casesA.filter((s) => s.outcome === null);
    assert.deepEqual(new Map([...asMap(v.figures.backlog)].filter(([, x]) => x.total > 0)), countBy(open, (s) => [bucketOf(s.opened, '2026-01-15')]));
    assert.deepEqual(v.years, [...new Set(casesA.map((s) => Number(s.opened.slice(0, 4))))].sort((a, b) => b - a));
  });

  it('applies the year, direction and kind filters', async () => {
    const v = await authorityStatistics(rt.db, officerA.actor, { year: '2025', direction: 'incoming', kind: 'mla' }, NOW);
    assertFigures(v.figures, casesA.filter((s) => s.opened.startsWith('2025') && s.direction === 'incoming' && s.kind === 'mla'), regionOf);
    await assert.rejects(authorityStatistics(rt.db, officerA.actor, { year: '25', kind: 'nonsense' }, NOW), (e: unknown) => e instanceof ValidationError && e.issues!.map((i) => i.field).join() === 'year,kind');
  });

  it('the State figures add up that State\'s authorities only', async () => {
    const v = await stateStatistics(rt.db, focalFra.actor, 'FRA', {}, NOW);
    assert.deepEqual([...v.authorityIds].sort(), [A, B].sort());
    assertFigures(v.figures, [...casesA, ...casesB], regionOf);
    const ita = await stateStatistics(rt.db, officerC.actor, undefined, {}, NOW).catch((e: unknown) => e);
    assert.ok(ita instanceof ForbiddenError, 'an officer is neither focal point nor supervisor');
  });

  it('a supervisor sees the State of their authority, not another State', async () => {
    assert.deepEqual(await statesOf(rt.db, supervisorA.actor), ['FRA']);
    const v = await stateStatistics(rt.db, supervisorA.actor, undefined, { year: '2024' }, NOW);
    assert.equal(v.country, 'FRA');
    assertFigures(v.figures, [...casesA, ...casesB].filter((s) => s.opened.startsWith('2024')), regionOf);
    await assert.rejects(stateStatistics(rt.db, supervisorA.actor, 'ITA', {}, NOW), ForbiddenError);
    await assert.rejects(stateStatistics(rt.db, focalFra.actor, 'ITA', {}, NOW), ForbiddenError);
    await assert.rejects(stateStatistics(rt.db, focalFra.actor, 'FR', {}, NOW), ValidationError);
  });

  it('refuses before reading: no casework right, another authority', async () => {
    await assert.rejects(authorityStatistics(rt.db, nobody.actor, {}, NOW), ForbiddenError);
    await assert.rejects(authorityStatistics(rt.db, ANONYMOUS, {}, NOW), UnauthorizedError);
    await assert.rejects(stateStatistics(rt.db, nobody.actor, 'FRA', {}, NOW), ForbiddenError);
    await assert.rejects(authorityStatistics(rt.db, officerA.actor, { authority: B }, NOW), ForbiddenError);
    await assert.rejects(authorityStatistics(rt.db, focalFra.actor, {}, NOW), ForbiddenError, 'a focal point sees the State, not one authority');
  });

  it('publishes suppressed aggregates only, for the supervisor\'s authority, and withdraws them', async () => {
    await assert.rejects(setPublication(rt.db, officerA.ctx, A, true, NOW), ForbiddenError);
    await assert.rejects(publicStatistics(rt.db, 'FRA', {}), /publishes/);
    const r = await setPublication(rt.db, supervisorA.ctx, A, true, NOW);
    assert.equal(r.published, true);
    const rows = await rt.db.selectFrom('casework_public_statistics').selectAll().execute();
    assert.deepEqual([...new Set(rows.map((x) => x.authority_id))], [A], 'only the publishing authority');
    const text = JSON.stringify(rows.map((x) => x.figures));
    for (const s of casesA) assert.ok(!text.includes(s.partner) && !text.includes('Secret case'), 'no case data, no partner State');
    for (const x of rows) {
      const f = x.figures as Record<string, unknown>;
      const cells: unknown[] = [];
      const walk = (o: unknown, key = ''): void => {
        if (Array.isArray(o)) o.forEach((v) => walk(v));
        else if (o && typeof o === 'object') for (const [k, v] of Object.entries(o)) walk(v, k);
        else if ((key === 'incoming' || key === 'outgoing') && o !== null) cells.push(o);
      };
      walk(f);
      for (const c of cells) assert.ok(c === 0 || (typeof c === 'number' && c >= MIN_CELL), `cell ${String(c)} published`);
      // Published totals are the true totals when not suppressed.
      const year = casesA.filter((s) => s.opened.startsWith(String(x.year)));
      const t = (f.totals as { incoming: number | null }).incoming;
      const trueIncoming = year.filter((s) => s.direction === 'incoming').length;
      assert.equal(t, trueIncoming > 0 && trueIncoming < MIN_CELL ? null : trueIncoming);
    }
    // The nightly refresh is queued for the next 02:00 UTC; run as the job, it refreshes and queues the next night.
    const queued = (await selectJobs(rt.db, ['created'], 100, true)).filter((j) => j.name === REFRESH_JOB);
    assert.deepEqual(queued.map((j) => new Date(j.start_after).toISOString()), ['2026-01-16T02:00:00.000Z']);
    await rt.db.deleteFrom('casework_public_statistics').execute();
    await refreshPublicStatisticsJob.handler({}, { id: 'x', name: REFRESH_JOB, attempt: 1, maxAttempts: 1, lastAttempt: true }, rt);
    assert.equal((await rt.db.selectFrom('casework_public_statistics').select('authority_id').execute()).length, 0, 'nothing to refresh: the nightly run only refreshes what is published');
    await refreshPublicStatisticsJob.handler({ authorityId: A }, { id: 'y', name: REFRESH_JOB, attempt: 1, maxAttempts: 1, lastAttempt: true }, rt);
    assert.equal((await rt.db.selectFrom('casework_public_statistics').select('year').execute()).length, rows.length, 'refreshed by the job');
    const pub = await publicStatistics(rt.db, 'FRA', {});
    assert.deepEqual(pub.authorities, [A]);
    const global = await publicStatistics(rt.db, undefined, { year: '2024' });
    assert.deepEqual(global.rows.map((x) => x.key), ['FRA']);
    await setPublication(rt.db, supervisorA.ctx, A, false, NOW);
    assert.equal((await rt.db.selectFrom('casework_public_statistics').selectAll().execute()).length, 0);
    const noSettings = `stat-none-${process.pid}`;
    const sup = await aUser(rt.db, [{ role: 'authority_supervisor', authority_id: noSettings }]);
    await assert.rejects(setPublication(rt.db, sup.ctx, noSettings, true, NOW), ConflictError);
  });

  it('follows legal bases as they are added, changed and removed', async () => {
    const D = `stat-d-${process.pid}`;
    const [spec] = generateCases(4, 1, D, 'FRA').map((s) => ({ ...s, bases: ['untoc', 'treaty'] }));
    await insertCases(rt.db, [spec!]);
    const officerD = await aUser(rt.db, [{ role: 'authority_officer', authority_id: D }]);
    const bases = async () => {
      const f = (await authorityStatistics(rt.db, officerD.actor, {}, NOW)).figures;
      return { untoc: f.untoc.total, bases: f.byLegalBasis.map((b) => b.key).sort() };
    };
    assert.deepEqual(await bases(), { untoc: 1, bases: ['treaty', 'untoc'] });
    await withCaseScope(rt.db, [D], (trx) => trx.deleteFrom('case_legal_bases').where('basis', '=', 'untoc').execute());
    assert.deepEqual(await bases(), { untoc: 0, bases: ['treaty'] });
    await withCaseScope(rt.db, [D], (trx) => trx.updateTable('case_legal_bases').set({ basis: 'untoc_protocol' }).execute());
    assert.deepEqual(await bases(), { untoc: 1, bases: ['untoc_protocol'] });
  });
});

export { addDays };
