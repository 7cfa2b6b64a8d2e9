/**
 * SQL writing reference data (places and taxonomy terms). Upserts touch only rows whose content
 * changed and report which rows were inserted or updated, so a reload can say what it did.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { json } from '../../platform/db/types.js';
import type { CountryRecord, RegionRecord } from './sources/places.js';
import type { Taxonomy } from './tables.js';

export interface UpsertCounts {
  created: number;
  updated: number;
  unchanged: number;
}

function count(total: number, returned: { inserted: boolean }[]): UpsertCounts {
  const created = returned.filter((r) => r.inserted).length;
  const updated = returned.length - created;
  return { created, updated, unchanged: total - returned.length };
}

/** Serialise reference writes of concurrent starts (several app nodes on one PostgreSQL). */
export async function lockReferenceLoad(db: Kysely<DB>): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext('palermo.reference.load'))`.execute(db);
}

export async function upsertRegions(db: Kysely<DB>, rows: readonly RegionRecord[]): Promise<UpsertCounts> {
  if (!rows.length) return count(0, []);
  const returned = await db
    .insertInto('regions')
    .values(rows.map((r) => ({ code: r.code, level: r.level, parent_code: r.parent_code, names: json(r.names) })))
    .onConflict((oc) =>
      oc
        .column('code')
        .doUpdateSet((eb) => ({
          level: eb.ref('excluded.level'),
          parent_code: eb.ref('excluded.parent_code'),
          names: eb.ref('excluded.names'),
          updated_at: sql`now()`,
        }))
        .where(sql<boolean>`(regions.level, regions.parent_code, regions.names) IS DISTINCT FROM (excluded.level, excluded.parent_code, excluded.names)`),
    )
    .returning(sql<boolean>`(xmax = 0)`.as('inserted'))
    .execute();
  return count(rows.length, returned);
}

export async function upsertCountries(db: Kysely<DB>, rows: readonly CountryRecord[]): Promise<UpsertCounts> {
  if (!rows.length) return count(0, []);
  const returned = await db
    .insertInto('countries')
    .values(
      rows.map((c) => ({
        iso3: c.iso3,
        iso2: c.iso2,
        m49: c.m49,
        region_code: c.region_code,
        subregion_code: c.subregion_code,
        intermediate_region_code: c.intermediate_region_code,
        kind: c.kind,
        names: json(c.names),
        formal_names: c.formal_names ? json(c.formal_names) : null,
      })),
    )
    .onConflict((oc) =>
      oc
        .column('iso3')
        .doUpdateSet((eb) => ({
          iso2: eb.ref('excluded.iso2'),
          m49: eb.ref('excluded.m49'),
          region_code: eb.ref('excluded.region_code'),
          subregion_code: eb.ref('excluded.subregion_code'),
          intermediate_region_code: eb.ref('excluded.intermediate_region_code'),
          kind: eb.ref('excluded.kind'),
          names: eb.ref('excluded.names'),
          formal_names: eb.ref('excluded.formal_names'),
          updated_at: sql`now()`,
        }))
        .where(
          sql<boolean>`(countries.iso2, countries.m49, countries.region_code, countries.subregion_code, countries.intermediate_region_code, countries.kind, countries.names, countries.formal_names)
            IS DISTINCT FROM (excluded.iso2, excluded.m49, excluded.region_code, excluded.subregion_code, excluded.intermediate_region_code, excluded.kind, excluded.names, excluded.formal_names)`,
        ),
    )
    .returning(sql<boolean>`(xmax = 0)`.as('inserted'))
    .execute();
  return count(rows.length, returned);
}

/** Country codes held that the sources no longer list (never deleted: other data refers to them). */
export async function findCountriesNotIn(db: Kysely<DB>, iso3: readonly string[]): Promise<string[]> {
  const rows = await db.selectFrom('countries').select('iso3').where('iso3', 'not in', iso3.length ? iso3 : ['']).orderBy('iso3').execute();
  return rows.map((r) => r.iso3);
}

/** Delete the regions the sources no longer list that no country and no other region is in; returns their codes. */
export async function deleteUnusedRegionsNotIn(db: Kysely<DB>, codes: readonly string[]): Promise<string[]> {
  const rows = await sql<{ code: string }>`
    DELETE FROM regions r WHERE NOT (r.code = ANY(${[...codes]}::text[]))
      AND NOT EXISTS (SELECT 1 FROM countries c WHERE r.code IN (c.region_code, c.subregion_code, c.intermediate_region_code))
      AND NOT EXISTS (SELECT 1 FROM regions child WHERE child.parent_code = r.code)
    RETURNING r.code`.execute(db);
  return rows.rows.map((r) => r.code).sort();
}

export interface TermRow {
  taxonomy: Taxonomy;
  code: string;
  position: number;
  labels: Record<string, string>;
  descriptions: Record<string, string> | null;
  reference: string | null;
}

export async function upsertTerms(db: Kysely<DB>, rows: readonly TermRow[]): Promise<UpsertCounts> {
  if (!rows.length) return count(0, []);
  const returned = await db
    .insertInto('taxonomy_terms')
    .values(
      rows.map((t) => ({
        taxonomy: t.taxonomy,
        code: t.code,
        position: t.position,
        labels: json(t.labels),
        descriptions: t.descriptions ? json(t.descriptions) : null,
        reference: t.reference,
      })),
    )
    .onConflict((oc) =>
      oc
        .columns(['taxonomy', 'code'])
        // Labels and scope notes published by curators (edited_at set) are kept.
        .doUpdateSet((eb) => ({
          position: eb.ref('excluded.position'),
          labels: sql`CASE WHEN taxonomy_terms.edited_at IS NULL THEN excluded.labels ELSE taxonomy_terms.labels END`,
          descriptions: sql`CASE WHEN taxonomy_terms.edited_at IS NULL THEN excluded.descriptions ELSE taxonomy_terms.descriptions END`,
          reference: eb.ref('excluded.reference'),
          updated_at: sql`now()`,
        }))
        .where(
          sql<boolean>`(taxonomy_terms.position, taxonomy_terms.reference) IS DISTINCT FROM (excluded.position, excluded.reference)
            OR (taxonomy_terms.edited_at IS NULL
                AND (taxonomy_terms.labels, taxonomy_terms.descriptions) IS DISTINCT FROM (excluded.labels, excluded.descriptions))`,
        ),
    )
    .returning(sql<boolean>`(xmax = 0)`.as('inserted'))
    .execute();
  return count(rows.length, returned);
}

/** Keys ("taxonomy:code") of the terms held that are not among `defined`. */
export async function selectTermKeysNotIn(db: Kysely<DB>, defined: readonly string[]): Promise<string[]> {
  const key = sql<string>`taxonomy || ':' || code`;
  const rows = await db.selectFrom('taxonomy_terms').select(key.as('key')).where(key, 'not in', defined.length ? defined : ['']).execute();
  return rows.map((r) => r.key);
}

/**
 * Delete some terms (keys "taxonomy:code"); returns the keys deleted. If another table still refers
 * to one of them, the deletion is rolled back to a savepoint and nothing is deleted.
 */
export async function deleteTerms(db: Kysely<DB>, keys: readonly string[]): Promise<string[]> {
  if (!keys.length) return [];
  await sql`SAVEPOINT reference_prune_terms`.execute(db);
  try {
    const rows = await sql<{ key: string }>`
      DELETE FROM taxonomy_terms t WHERE t.taxonomy || ':' || t.code = ANY(${[...keys]}::text[])
      RETURNING t.taxonomy || ':' || t.code AS key`.execute(db);
    await sql`RELEASE SAVEPOINT reference_prune_terms`.execute(db);
    return rows.rows.map((r) => r.key);
  } catch {
    await sql`ROLLBACK TO SAVEPOINT reference_prune_terms`.execute(db);
    return [];
  }
}

/** Replace the labels and scope notes of one term (editorial changes). */
export async function updateTermTexts(db: Kysely<DB>, taxonomy: Taxonomy, code: string, labels: Record<string, string>, descriptions: Record<string, string> | null): Promise<void> {
  await db
    .updateTable('taxonomy_terms')
    .set({ labels: json(labels), descriptions: descriptions ? json(descriptions) : null, updated_at: sql`now()`, edited_at: sql`now()` })
    .where('taxonomy', '=', taxonomy)
    .where('code', '=', code)
    .execute();
}
