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
}

export async function selectNetworks(db: Db): Promise<NetworkRow[]> {
  return db.selectFrom('networks').select(['id', 'acronym', 'name', 'region']).orderBy('acronym').execute();
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

export async function selectCases(db: Db, networkId: string): Promise<CaseRow[]> {
  return db
    .selectFrom('network_cases')
    .select(['id', 'network_id', 'requesting_country', 'requested_country', 'kind', 'offence', sql<string>`to_char(facilitated_on, 'YYYY-MM-DD')`.as('facilitated_on'), sql<string | null>`to_char(concluded_on, 'YYYY-MM-DD')`.as('concluded_on'), 'outcome', 'recorded_at'])
    .where('network_id', '=', networkId)
    .orderBy('facilitated_on', 'desc')
    .orderBy('recorded_at', 'desc')
    .execute();
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
