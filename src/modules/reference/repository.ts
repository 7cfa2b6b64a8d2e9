/** SQL reading reference data: places and taxonomies. */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { Taxonomy } from './tables.js';

export async function selectCountries(db: Kysely<DB>) {
  return db.selectFrom('countries').select(['iso3', 'iso2', 'm49', 'region_code', 'subregion_code', 'intermediate_region_code', 'kind', 'names', 'formal_names']).orderBy('iso3').execute();
}

export async function selectRegions(db: Kysely<DB>) {
  return db.selectFrom('regions').select(['code', 'level', 'parent_code', 'names']).orderBy('code').execute();
}

export async function selectTerms(db: Kysely<DB>, taxonomy?: Taxonomy) {
  let q = db.selectFrom('taxonomy_terms').select(['taxonomy', 'code', 'position', 'labels', 'descriptions', 'reference']).orderBy('taxonomy').orderBy('position');
  if (taxonomy) q = q.where('taxonomy', '=', taxonomy);
  return q.execute();
}

/** Fingerprint of the labels other modules copy (term labels, country names and regions). */
export async function selectReferenceSignature(db: Kysely<DB>): Promise<string> {
  const r = await sql<{ signature: string }>`
    SELECT md5(
      coalesce((SELECT string_agg(taxonomy || ':' || code || labels::text, E'\n' ORDER BY taxonomy, code) FROM taxonomy_terms), '') || E'\n--\n' ||
      coalesce((SELECT string_agg(iso3 || kind || coalesce(region_code, '') || coalesce(subregion_code, '') || names::text, E'\n' ORDER BY iso3) FROM countries), '')
    ) AS signature`.execute(db);
  return r.rows[0]!.signature;
}
