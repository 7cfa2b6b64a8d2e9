/** SQL for the figures of the public exports (counts, languages present, extracts of laws): visible content only (./visibility.ts). */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import type { EntryType } from '../tables.js';
import { entryIsVisible, textIsVisible } from './visibility.js';

/** Entries with at least one published language version, per type (what the public export contains). */
export async function countVisibleEntries(db: Kysely<DB>): Promise<Map<EntryType, { total: number; demo: number }>> {
  const rows = await db
    .selectFrom('entries as e')
    .select(['e.type', sql<number>`count(*)::int`.as('total'), sql<number>`count(*) FILTER (WHERE e.demo)::int`.as('demo')])
    .where(entryIsVisible('e.id'))
    .groupBy('e.type')
    .execute();
  return new Map(rows.map((r) => [r.type, { total: r.total, demo: r.demo }]));
}

export async function countLaws(db: Kysely<DB>): Promise<{ total: number; demo: number }> {
  const row = await db
    .selectFrom('laws')
    .select([sql<number>`count(*)::int`.as('total'), sql<number>`count(*) FILTER (WHERE demo)::int`.as('demo')])
    .executeTakeFirstOrThrow();
  return row;
}

/** Provisions and parties of treaties with a published version (for the CSV datasets). */
export async function countTreatyDetails(db: Kysely<DB>): Promise<{ provisions: number; parties: number }> {
  const published = (column: 'treaty_articles.treaty_id' | 'treaty_parties.treaty_id') => entryIsVisible(column);
  const [p, q] = await Promise.all([
    db.selectFrom('treaty_articles').select(sql<number>`count(*)::int`.as('n')).where(published('treaty_articles.treaty_id')).executeTakeFirstOrThrow(),
    db.selectFrom('treaty_parties').select(sql<number>`count(*)::int`.as('n')).where(published('treaty_parties.treaty_id')).executeTakeFirstOrThrow(),
  ]);
  return { provisions: p.n, parties: q.n };
}

/** Languages of published versions of entries of a type (CSV columns), or of laws, or of treaty provisions. */
export async function selectVisibleLanguages(db: Kysely<DB>, of: EntryType | 'law' | 'treaty-provision'): Promise<string[]> {
  if (of === 'law') {
    const rows = await db.selectFrom('law_texts').select('lang').distinct().execute();
    return rows.map((r) => r.lang);
  }
  if (of === 'treaty-provision') {
    const rows = await sql<{ lang: string }>`
      SELECT DISTINCT k AS lang FROM treaty_articles a, LATERAL (SELECT jsonb_object_keys(a.titles) UNION SELECT jsonb_object_keys(a.texts)) AS x(k)`.execute(db);
    return rows.rows.map((r) => r.lang);
  }
  const rows = await db
    .selectFrom('entry_texts as t')
    .innerJoin('entries as e', 'e.id', 't.entry_id')
    .select('t.lang')
    .distinct()
    .where('e.type', '=', of)
    .where(textIsVisible('t'))
    .execute();
  return rows.map((r) => r.lang);
}

/** Published extracts of the given laws, in their order within each law. */
export async function selectVisibleExtractIdsOfLaws(db: Kysely<DB>, lawIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (!lawIds.length) return out;
  const rows = await db
    .selectFrom('legislation as l')
    .select(['l.law_id', 'l.entry_id'])
    .where('l.law_id', 'in', [...lawIds])
    .where(entryIsVisible('l.entry_id'))
    .orderBy('l.law_id')
    .orderBy(sql`l.position NULLS LAST`)
    .orderBy('l.entry_id')
    .execute();
  for (const r of rows) {
    const list = out.get(r.law_id);
    if (list) list.push(r.entry_id);
    else out.set(r.law_id, [r.entry_id]);
  }
  return out;
}
