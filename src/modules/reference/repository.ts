/** SQL reading reference data: places, taxonomies, instruments and their articles. */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { Taxonomy } from './tables.js';
import { entryIsVisible, visibleTitles } from '../knowledge/index.js';

export async function selectCountries(db: Kysely<DB>) {
  return db.selectFrom('countries').select(['iso3', 'iso2', 'm49', 'region_code', 'subregion_code', 'intermediate_region_code', 'names']).orderBy('iso3').execute();
}

export async function selectRegions(db: Kysely<DB>) {
  return db.selectFrom('regions').select(['code', 'level', 'parent_code', 'names']).orderBy('code').execute();
}

export async function selectTerms(db: Kysely<DB>, taxonomy?: Taxonomy) {
  let q = db.selectFrom('taxonomy_terms').select(['taxonomy', 'code', 'position', 'labels', 'descriptions', 'reference']).orderBy('taxonomy').orderBy('position');
  if (taxonomy) q = q.where('taxonomy', '=', taxonomy);
  return q.execute();
}

/** Treaties that have articles (the instruments content is indexed by), with their published titles. */
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

/** Entries of a country with at least one published language version, by type. */
export async function countPublishedEntriesByType(db: Kysely<DB>, iso3: string): Promise<{ type: string; count: number }[]> {
  return db
    .selectFrom('entries as e')
    .select(['e.type', sql<number>`count(*)::int`.as('count')])
    // The type list lets the (type, country) index serve the lookup.
    .where('e.type', 'in', ['legislation', 'case', 'treaty', 'strategy'])
    .where('e.country', '=', iso3)
    .where(entryIsVisible('e.id'))
    .groupBy('e.type')
    .execute();
}

/** The treaties a country takes part in (signature, consent, entry into force), with the treaties' published titles. */
export async function selectTreatyParticipation(db: Kysely<DB>, iso3: string) {
  return db
    .selectFrom('treaty_parties as p')
    .innerJoin('treaties as t', 't.entry_id', 'p.treaty_id')
    .select([
      'p.treaty_id',
      't.short_name',
      't.kind',
      'p.signed_on',
      'p.consent_kind',
      'p.consent_on',
      'p.entry_into_force_on',
      'p.demo',
      visibleTitles('p.treaty_id').as('titles'),
    ])
    .where('p.country', '=', iso3)
    .where(entryIsVisible('p.treaty_id'))
    .orderBy('t.adopted_on')
    .orderBy('p.treaty_id')
    .execute();
}

/** Fingerprint of the labels other modules copy (term labels, country names and regions). */
export async function selectReferenceSignature(db: Kysely<DB>): Promise<string> {
  const r = await sql<{ signature: string }>`
    SELECT md5(
      coalesce((SELECT string_agg(taxonomy || ':' || code || labels::text, E'\n' ORDER BY taxonomy, code) FROM taxonomy_terms), '') || E'\n--\n' ||
      coalesce((SELECT string_agg(iso3 || coalesce(region_code, '') || coalesce(subregion_code, '') || names::text, E'\n' ORDER BY iso3) FROM countries), '')
    ) AS signature`.execute(db);
  return r.rows[0]!.signature;
}
