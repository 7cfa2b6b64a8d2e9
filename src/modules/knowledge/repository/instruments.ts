/** SQL of the instruments: treaties that have articles (content is tagged with them), and their articles. */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import { entryIsVisible, visibleTitles } from './visibility.js';

/** Visible treaties that have articles, with their published titles, oldest first; one when `id` is given. */
export async function selectInstruments(db: Kysely<DB>, id?: string) {
  let q = db
    .selectFrom('treaties as t')
    .innerJoin('entries as e', 'e.id', 't.entry_id')
    .select([
      't.entry_id as id',
      't.kind',
      't.short_name',
      't.organization',
      't.adopted_on',
      't.adopted_at',
      't.entry_into_force_on',
      't.depositary',
      't.parent_id',
      't.source_url',
      'e.demo',
      visibleTitles('t.entry_id').as('titles'),
      sql<number>`(SELECT count(*) FROM treaty_articles a WHERE a.treaty_id = t.entry_id)::int`.as('article_count'),
    ])
    .where(sql<boolean>`EXISTS (SELECT 1 FROM treaty_articles a WHERE a.treaty_id = t.entry_id)`)
    .where(entryIsVisible('t.entry_id'))
    .orderBy('t.adopted_on')
    .orderBy('t.entry_id');
  if (id) q = q.where('t.entry_id', '=', id);
  return q.execute();
}

/** The articles of a treaty in their order (one when `number` is given), with their terms; texts only when asked. */
export async function selectArticles(db: Kysely<DB>, treatyId: string, options: { number?: string; withText: boolean }) {
  let q = db
    .selectFrom('treaty_articles as a')
    .select([
      'a.treaty_id',
      'a.number',
      'a.position',
      'a.titles',
      sql<string[]>`coalesce((SELECT array_agg(t.taxonomy || ':' || t.code ORDER BY t.taxonomy, t.code) FROM treaty_article_terms t WHERE t.treaty_id = a.treaty_id AND t.number = a.number), '{}')`.as('terms'),
    ])
    .where('a.treaty_id', '=', treatyId)
    .orderBy('a.position');
  if (options.number) q = q.where('a.number', '=', options.number);
  if (options.withText) q = q.select('a.texts');
  return q.execute() as Promise<
    { treaty_id: string; number: string; position: number; titles: Record<string, string>; terms: string[]; texts?: Record<string, string> }[]
  >;
}
