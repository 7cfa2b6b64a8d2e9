/** All SQL of the networks module. */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { CountRow } from './domain/figures.js';
import type { CooperationKind, Outcome } from './domain/vocabulary.js';

type Db = Kysely<DB>;

export interface NetworkRow {
  id: string;
  acronym: string;
  name: string;
  region: string;
  /** Full name per language (name is the English one). */
  names: Record<string, string>;
}

export async function selectNetworks(db: Db): Promise<NetworkRow[]> {
  return db.selectFrom('networks').select(['id', 'acronym', 'name', 'region', 'names']).orderBy('acronym').execute();
}

export interface CaseRow {
  id: string;
  network_id: string;
  requesting_country: string;
  requested_country: string;
  kind: CooperationKind;
  offence: string;
  facilitated_on: string;
  concluded_on: string | null;
  outcome: Outcome;
  recorded_at: Date;
}

const cases = (db: Db) =>
  db
    .selectFrom('network_cases')
    .select(['id', 'network_id', 'requesting_country', 'requested_country', 'kind', 'offence', sql<string>`to_char(facilitated_on, 'YYYY-MM-DD')`.as('facilitated_on'), sql<string | null>`to_char(concluded_on, 'YYYY-MM-DD')`.as('concluded_on'), 'outcome', 'recorded_at']);

export async function selectCases(db: Db, networkId: string): Promise<(CaseRow & { corrections: number })[]> {
  const rows = await cases(db)
    .select((eb) => eb.selectFrom('network_case_corrections as k').whereRef('k.case_id', '=', 'network_cases.id').select(eb.fn.countAll<string>().as('n')).as('corrections'))
    .where('network_id', '=', networkId)
    .orderBy('facilitated_on', 'desc')
    .orderBy('recorded_at', 'desc')
    .execute();
  return rows.map((r) => ({ ...r, corrections: Number(r.corrections ?? 0) }));
}

/** One entry of a network's log (locked for a correction when `forUpdate`). */
export async function selectCase(db: Db, networkId: string, caseId: string, forUpdate = false): Promise<CaseRow | undefined> {
  let q = cases(db).where('network_id', '=', networkId).where('id', '=', caseId);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function updateCase(db: Db, caseId: string, values: Partial<Omit<CaseRow, 'id' | 'network_id' | 'recorded_at'>>): Promise<void> {
  await db.updateTable('network_cases').set(values).where('id', '=', caseId).execute();
}

export interface CorrectionRow {
  id: string;
  case_id: string;
  seq: number;
  changes: Record<string, { from: string | null; to: string | null }>;
  reason: string;
  corrected_by: string | null;
  corrected_by_name: string | null;
  corrected_at: Date;
  prev_hash: string;
  hash: string;
}

export async function selectCorrections(db: Db, caseId: string): Promise<CorrectionRow[]> {
  const rows = await db.selectFrom('network_case_corrections').selectAll().where('case_id', '=', caseId).orderBy('seq').execute();
  return rows.map((r) => ({ ...r, id: String(r.id) }));
}

export async function insertCorrection(db: Db, row: Omit<CorrectionRow, 'id' | 'changes'> & { changes: string }): Promise<void> {
  await db.insertInto('network_case_corrections').values(row).execute();
}

export async function insertCase(db: Db, row: Omit<CaseRow, 'id' | 'recorded_at'> & { recorded_by: string | null }): Promise<string> {
  return (await db.insertInto('network_cases').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Cases per year (of facilitated_on) and network. */
export async function countPerYear(db: Db): Promise<CountRow[]> {
  const rows = await db
    .selectFrom('network_cases')
    .select([sql<number>`extract(year from facilitated_on)::int`.as('year'), 'network_id', (eb) => eb.fn.countAll<string>().as('n')])
    .groupBy([sql`extract(year from facilitated_on)`, 'network_id'])
    .execute();
  return rows.map((r) => ({ year: Number(r.year), network_id: r.network_id, n: Number(r.n) }));
}

/** Cases per kind of cooperation or per offence, and network (all years). */
export async function countBy(db: Db, field: 'kind' | 'offence'): Promise<{ key: string; network_id: string; n: number }[]> {
  const rows = await db.selectFrom('network_cases').select([sql.ref<string>(field).as('key'), 'network_id', (eb) => eb.fn.countAll<string>().as('n')]).groupBy([field, 'network_id']).execute();
  return rows.map((r) => ({ key: r.key, network_id: r.network_id, n: Number(r.n) }));
}

export interface NetworkDetail extends NetworkRow {
  names: Record<string, string>;
  secretariat_authority_id: string | null;
  members: string[];
}

export async function selectNetworkDetail(db: Db, id: string): Promise<NetworkDetail | undefined> {
  const row = await db.selectFrom('networks').select(['id', 'acronym', 'name', 'region', 'names', 'secretariat_authority_id']).where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const members = (await db.selectFrom('network_members').select('country').where('network_id', '=', id).orderBy('country').execute()).map((r) => r.country);
  return { ...row, members };
}

/** false when the id is taken. */
export async function insertNetwork(db: Db, row: { id: string; acronym: string; name: string; region: string; names: string; secretariat_authority_id: string | null }): Promise<boolean> {
  return !!(await db.insertInto('networks').values(row).onConflict((oc) => oc.column('id').doNothing()).returning('id').executeTakeFirst());
}

export async function updateNetwork(db: Db, id: string, row: { acronym: string; name: string; region: string; names: string; secretariat_authority_id: string | null }): Promise<void> {
  await db.updateTable('networks').set(row).where('id', '=', id).execute();
}

export async function replaceMembers(db: Db, id: string, countries: readonly string[]): Promise<void> {
  await db.deleteFrom('network_members').where('network_id', '=', id).execute();
  if (countries.length) await db.insertInto('network_members').values(countries.map((country) => ({ network_id: id, country }))).execute();
}
