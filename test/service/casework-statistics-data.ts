/**
 * Casework cases with a known distribution for the statistics tests: generated from a seed, inserted
 * directly (as test/service/casework-scope.test.ts does), and the expected figures computed here from
 * the generated list, independently of the SQL under test.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../src/platform/db/schema.js';
import { withCaseScope } from '../../src/modules/casework/repository/scope.js';
import { appendEvent } from '../../src/modules/casework/repository/history.js';
import type { CaseKind, Direction, Outcome } from '../../src/modules/casework/domain/vocabulary.js';

export interface CaseSpec {
  authority: string;
  country: string;
  direction: Direction;
  kind: CaseKind;
  partner: string;
  opened: string;
  outcome: Outcome | null;
  executedAfter: number | null;
  measures: string[];
  crimes: string[];
  grounds: string[];
  bases: string[];
  /** Days in 'received'/'draft' (first state) and in the second state, for the events. */
  stay1: number;
  stay2: number | null;
  executing: string[];
}

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KINDS: CaseKind[] = ['mla', 'mla', 'mla', 'extradition', 'videoconference'];
const PARTNERS = ['ITA', 'DEU', 'BRA', 'NGA', 'CHN', 'USA'];
const OUTS: (Outcome | null)[] = [null, null, 'executed', 'executed', 'executed', 'partly_executed', 'refused', 'withdrawn', 'lapsed'];
const MEASURES = ['taking-evidence', 'search-seizure-freezing', 'banking-records'];
const CRIMES = ['money-laundering', 'trafficking-persons', 'corruption'];
const GROUNDS = ['dual_criminality', 'sovereignty_security_public_order'];
const BASES = ['untoc', 'untoc_protocol', 'treaty', 'reciprocity'];

export const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** n cases of one authority, deterministic for a seed; dates in 2024 and 2025. */
export function generateCases(seed: number, n: number, authority: string, country: string, executing: string[] = []): CaseSpec[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const some = (xs: readonly string[]) => xs.filter(() => r() < 0.4);
  return Array.from({ length: n }, () => {
    const outcome = pick(OUTS);
    const opened = addDays('2024-01-01', Math.floor(r() * 700));
    const executed = outcome === 'executed' || outcome === 'partly_executed';
    return {
      authority,
      country,
      direction: r() < 0.6 ? 'incoming' : 'outgoing',
      kind: pick(KINDS),
      partner: pick(PARTNERS),
      opened,
      outcome,
      executedAfter: executed ? 5 + Math.floor(r() * 200) : null,
      measures: some(MEASURES),
      crimes: some(CRIMES),
      grounds: outcome === 'refused' ? [pick(GROUNDS)] : [],
      bases: some(BASES),
      stay1: 1 + Math.floor(r() * 20),
      stay2: outcome ? 3 + Math.floor(r() * 100) : null,
      executing,
    } satisfies CaseSpec;
  });
}

const FIRST: Record<Direction, string> = { incoming: 'received', outgoing: 'sent' };
const SECOND: Record<Direction, string> = { incoming: 'registered', outgoing: 'in_execution' };

/** Insert the cases (and their legal bases and lifecycle events) in the owner's scope. */
export async function insertCases(db: Kysely<DB>, specs: CaseSpec[]): Promise<void> {
  for (const s of specs) {
    await withCaseScope(db, [s.authority], async (trx) => {
      const terminal = s.outcome === null ? SECOND[s.direction] : s.outcome === 'executed' || s.outcome === 'partly_executed' ? (s.direction === 'incoming' ? 'closed' : s.outcome) : s.outcome;
      const row = await trx
        .insertInto('casework_cases')
        .values({
          authority_id: s.authority,
          country: s.country,
          direction: s.direction,
          kind: s.kind,
          state: terminal as never,
          partner_country: s.partner,
          title: `Secret case title ${s.partner} ${s.opened}`,
          received_on: s.direction === 'incoming' ? s.opened : null,
          sent_on: s.direction === 'outgoing' ? s.opened : null,
          executed_on: s.executedAfter === null ? null : addDays(s.opened, s.executedAfter),
          closed_on: s.outcome === null ? null : addDays(s.opened, s.stay1 + (s.stay2 ?? 0)),
          outcome: s.outcome,
          refusal_grounds: s.grounds,
          measures: s.measures,
          crime_types: s.crimes,
          executing_authority_ids: s.executing,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (s.bases.length) await trx.insertInto('case_legal_bases').values(s.bases.map((b, i) => ({ case_id: row.id, position: i + 1, basis: b as never }))).execute();
      const t0 = Date.parse(`${s.opened}T00:00:00Z`);
      const ev = { caseId: row.id, actorId: null, actorName: 'test', actingAuthorityId: s.authority };
      await appendEvent(trx, { ...ev, type: 'created', data: {}, at: new Date(t0) });
      await appendEvent(trx, { ...ev, type: 'edited', data: { note: 'not a lifecycle event' }, at: new Date(t0 + 3_600_000) });
      await appendEvent(trx, { ...ev, type: 'transition', data: { from: FIRST[s.direction], to: SECOND[s.direction] }, at: new Date(t0 + s.stay1 * 86_400_000) });
      if (s.stay2 !== null) await appendEvent(trx, { ...ev, type: 'transition', data: { from: SECOND[s.direction], to: terminal }, at: new Date(t0 + (s.stay1 + s.stay2) * 86_400_000) });
    });
  }
}

/** percentile_cont: linear interpolation between the closest ranks. */
export function percentile(values: number[], p: number): number | null {
  if (!values.length) return null;
  const v = [...values].sort((a, b) => a - b);
  const pos = p * (v.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return v[lo]! + (v[hi]! - v[lo]!) * (pos - lo);
}

export const round1 = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);

/** Count by a key, split by direction, as the figures' DirCount rows (zero rows left out). */
export function countBy(specs: CaseSpec[], keys: (s: CaseSpec) => string[]): Map<string, { incoming: number; outgoing: number; total: number }> {
  const m = new Map<string, { incoming: number; outgoing: number; total: number }>();
  for (const s of specs)
    for (const k of keys(s)) {
      const c = m.get(k) ?? { incoming: 0, outgoing: 0, total: 0 };
      c[s.direction]++;
      c.total++;
      m.set(k, c);
    }
  return m;
}

/** The expected backlog bucket of an open case on a day. */
export function bucketOf(opened: string, asOf: string): string {
  const age = Math.round((Date.parse(asOf) - Date.parse(opened)) / 86_400_000);
  return age <= 30 ? '0-30' : age <= 90 ? '31-90' : age <= 180 ? '91-180' : age <= 365 ? '181-365' : '366+';
}

/** Casework settings of an authority (its State; publication off), written in its scope. */
export async function settingsFor(db: Kysely<DB>, authority: string, country: string): Promise<void> {
  await withCaseScope(db, [authority], (trx) => trx.insertInto('casework_settings').values({ authority_id: authority, country, updated_at: new Date() }).execute());
}
