/** All SQL of the directory: the live authorities, their search, facets, and figures. */
import { sql, type Expression, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { chunks, inTransaction } from '../../platform/db/batch.js';
import { json } from '../../platform/db/types.js';
import type { AuthorityDocument } from './domain/schema.js';

export interface AuthorityRowInput {
  id: string;
  country: string;
  document: AuthorityDocument;
  name_sort: string;
  names_text: string;
  functions: string[];
  instruments: string[];
  languages: string[];
  languages_public: string[];
  electronic: string | null;
  electronic_public: string | null;
  texts: { names: string; labels: string; publicText: string; restrictedText: string };
  demo: boolean;
  origin: 'import' | 'demo' | 'editor';
  content_hash: string;
  /** Set the verification (publication, or an import that carries one); undefined keeps it. */
  verified?: { on: string | null; by: string | null; userId: string | null };
}

function vector(names: string, labels: string, rest: string) {
  return sql`setweight(to_tsvector('palermo_simple', ${names}), 'A') || setweight(to_tsvector('palermo_simple', ${labels}), 'B') || setweight(to_tsvector('palermo_simple', ${rest}), 'C')`;
}

function rowValues(r: AuthorityRowInput) {
  return {
    id: r.id,
    country: r.country,
    state: 'published' as const,
    document: json(r.document),
    names: json(r.document.names),
    name_sort: r.name_sort,
    names_text: r.names_text,
    functions: r.functions,
    instruments: r.instruments,
    languages: r.languages,
    languages_public: r.languages_public,
    electronic: r.electronic,
    electronic_public: r.electronic_public,
    search_public: vector(r.texts.names, r.texts.labels, r.texts.publicText),
    search_restricted: sql`setweight(to_tsvector('palermo_simple', ${r.texts.restrictedText}), 'C')`,
    demo: r.demo,
    origin: r.origin,
    content_hash: r.content_hash,
    ...(r.verified ? { verified_on: r.verified.on, verified_by: r.verified.by, verified_by_user: r.verified.userId } : {}),
  };
}

/** Columns replaced when an authority is written again (id and origin stay). */
const UPDATED = ['country', 'state', 'document', 'names', 'name_sort', 'names_text', 'functions', 'instruments', 'languages', 'languages_public', 'electronic', 'electronic_public', 'search_public', 'search_restricted', 'demo', 'content_hash'] as const;
const VERIFIED = ['verified_on', 'verified_by', 'verified_by_user'] as const;

/** Rows per INSERT statement: about 25 parameters each, well under PostgreSQL's 65,535. */
const ROWS_PER_STATEMENT = 250;

/**
 * Insert or replace the live rows of authorities (published again if archived), in multi-row
 * statements: rows that set their verification and rows that keep it go in separate statements.
 */
export async function upsertAuthorities(db: Kysely<DB>, rows: readonly AuthorityRowInput[]): Promise<void> {
  const last = [...new Map(rows.map((r) => [r.id, r])).values()]; // one row per id per statement
  for (const verified of [true, false]) {
    const group = last.filter((r) => !!r.verified === verified);
    const columns = verified ? [...UPDATED, ...VERIFIED] : UPDATED;
    for (const part of chunks(group, ROWS_PER_STATEMENT)) {
      await db
        .insertInto('authorities')
        .values(part.map(rowValues) as never)
        .onConflict((oc) =>
          oc.column('id').doUpdateSet({
            ...Object.fromEntries(columns.map((c) => [c, sql.ref(`excluded.${c}`)])),
            updated_at: sql`now()`,
            archived_at: null,
          } as never),
        )
        .execute();
    }
  }
}

export interface LiveAuthority {
  id: string;
  country: string;
  state: 'published' | 'archived';
  document: AuthorityDocument;
  demo: boolean;
  content_hash: string;
  verified_on: string | null;
  verified_by: string | null;
  created_at: Date;
  updated_at: Date;
}

const LIVE_COLUMNS = ['id', 'country', 'state', 'document', 'demo', 'content_hash', 'verified_on', 'verified_by', 'created_at', 'updated_at'] as const;

export async function selectAuthorities(db: Kysely<DB>, ids: readonly string[], options: { publishedOnly: boolean } = { publishedOnly: true }): Promise<LiveAuthority[]> {
  if (!ids.length) return [];
  let q = db.selectFrom('authorities').select([...LIVE_COLUMNS]).where('id', 'in', [...new Set(ids)]);
  if (options.publishedOnly) q = q.where('state', '=', 'published');
  return (await q.execute()) as LiveAuthority[];
}

export async function selectAuthoritiesOfCountry(db: Kysely<DB>, country: string): Promise<LiveAuthority[]> {
  return (await db.selectFrom('authorities').select([...LIVE_COLUMNS]).where('country', '=', country).where('state', '=', 'published').orderBy('name_sort').orderBy('id').execute()) as LiveAuthority[];
}

/** Published authorities in book order (country, name), keyset-paginated. */
export async function selectAuthorityPage(db: Kysely<DB>, after: { country: string; name_sort: string; id: string } | undefined, limit: number, country?: string) {
  let q = db
    .selectFrom('authorities')
    .select([...LIVE_COLUMNS, 'name_sort'])
    .where('state', '=', 'published')
    .orderBy('country')
    .orderBy('name_sort')
    .orderBy('id')
    .limit(limit);
  if (after) q = q.where(sql<SqlBool>`(country, name_sort, id) > (${after.country}, ${after.name_sort}, ${after.id})`);
  if (country) q = q.where('country', '=', country);
  return (await q.execute()) as (LiveAuthority & { name_sort: string })[];
}

export async function updateState(db: Kysely<DB>, id: string, state: 'published' | 'archived'): Promise<void> {
  await db
    .updateTable('authorities')
    .set({ state, archived_at: state === 'archived' ? sql`now()` : null, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

export async function updateVerified(db: Kysely<DB>, id: string, on: string, by: string | null, userId: string | null): Promise<boolean> {
  const r = await db.updateTable('authorities').set({ verified_on: on, verified_by: by, verified_by_user: userId }).where('id', '=', id).where('state', '=', 'published').executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function deleteDemoAuthorities(db: Kysely<DB>): Promise<number> {
  const r = await db.deleteFrom('authorities').where('demo', '=', true).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function selectContentHashes(db: Kysely<DB>, ids: readonly string[]): Promise<Map<string, { hash: string; country: string; state: string }>> {
  const out = new Map<string, { hash: string; country: string; state: string }>();
  for (const part of chunks([...new Set(ids)], 5000)) {
    const rows = await db.selectFrom('authorities').select(['id', 'content_hash', 'country', 'state']).where('id', 'in', part).execute();
    for (const r of rows) out.set(r.id, { hash: r.content_hash, country: r.country, state: r.state });
  }
  return out;
}

/** Filters of a directory search; `restricted` chooses the practitioners' columns. */
export interface SearchFilter {
  restricted: boolean;
  tsquery?: string;
  like?: string;
  countries?: readonly string[];
  fn?: string;
  instrument?: string;
  language?: string;
  electronic?: string;
  /** Not verified within the last 365 days (or never). */
  stale?: boolean;
}

/** "facet:value" keys every match must hold (migration 0041: facets_public / facets_full). */
function requiredKeys(f: SearchFilter): string[] {
  return [
    ...(f.fn ? [`function:${f.fn}`] : []),
    ...(f.instrument ? [`instrument:${f.instrument}`] : []),
    ...(f.language ? [`language:${f.language}`] : []),
    ...(f.electronic ? [`electronic:${f.electronic}`] : []),
  ];
}

const facetsColumn = (f: SearchFilter) => (f.restricted ? sql.ref('a.facets_full') : sql.ref('a.facets_public'));
const tsquery = (q: string) => sql`to_tsquery('palermo_simple', ${q})`;

function conditions(f: SearchFilter): Expression<SqlBool>[] {
  const where: Expression<SqlBool>[] = [sql<SqlBool>`a.state = 'published'`];
  if (f.tsquery || f.like) {
    const vec = f.restricted ? sql.ref('a.search_full') : sql.ref('a.search_public');
    const parts = [];
    // The substring test on names first: rechecking a row then rarely needs its (TOASTed) vector.
    if (f.like) parts.push(sql`a.names_text ILIKE ${f.like}`);
    if (f.tsquery) parts.push(sql`${vec} @@ ${tsquery(f.tsquery)}`);
    where.push(sql<SqlBool>`(${sql.join(parts, sql` OR `)})`);
  }
  if (f.countries) where.push(f.countries.length ? sql<SqlBool>`a.country IN (${sql.join([...f.countries])})` : sql<SqlBool>`false`);
  const keys = requiredKeys(f);
  if (keys.length) where.push(sql<SqlBool>`${facetsColumn(f)} @> ARRAY[${sql.join(keys)}]::text[]`);
  if (f.stale) where.push(sql<SqlBool>`(a.verified_on IS NULL OR a.verified_on < current_date - 365)`);
  return where;
}

/**
 * One page of matching authorities (ids in order). A text query ranks in two tiers: matches on the
 * names (a word of the names starts with each query word, or the names contain the typed text) first,
 * then the other matches; by name within each tier. Each tier reads at most offset + limit rows in
 * name order, so a broad query walks the name index and stops early instead of ranking every match.
 */
export function searchPageQuery(f: SearchFilter, limit: number, offset: number): RawBuilder<{ id: string }> {
  const where = sql.join(conditions(f), sql` AND `);
  if (!f.tsquery && !f.like) return sql<{ id: string }>`SELECT a.id FROM authorities a WHERE ${where} ORDER BY a.name_sort, a.id LIMIT ${limit} OFFSET ${offset}`;
  const names = [...(f.like ? [sql`a.names_text ILIKE ${f.like}`] : []), ...(f.tsquery ? [sql`a.search_names @@ ${tsquery(f.tsquery)}`] : [])];
  const onNames = sql<SqlBool>`(${sql.join(names, sql` OR `)})`;
  const tier = (n: number, cond: RawBuilder<SqlBool>) =>
    sql`(SELECT a.id, ${sql.lit(n)} AS tier, a.name_sort FROM authorities a WHERE ${where} AND ${cond} ORDER BY a.name_sort, a.id LIMIT ${offset + limit})`;
  return sql<{ id: string }>`
    SELECT t.id FROM (${tier(0, onNames)} UNION ALL ${tier(1, sql<SqlBool>`NOT ${onNames}`)}) AS t
    ORDER BY t.tier, t.name_sort, t.id LIMIT ${limit} OFFSET ${offset}`;
}

/**
 * How to read the matches of a text query. The planner cannot see that testing a row's (TOASTed)
 * vector is costly, nor how many rows a prefix query matches, so the caller says, from the counts:
 * `walk` the name index and stop after a page (many matches), or take the `bitmap` of the matches
 * from the text indexes and sort them (few matches). Neither reads every row's vector.
 */
export type ScanPlan = 'walk' | 'bitmap';

async function withPlan<T>(db: Kysely<DB>, plan: ScanPlan, run: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
  return inTransaction(db, async (trx) => {
    await sql`SET LOCAL enable_seqscan = off`.execute(trx);
    await (plan === 'walk' ? sql`SET LOCAL enable_bitmapscan = off` : sql`SET LOCAL enable_indexscan = off`).execute(trx);
    return run(trx);
  });
}

export async function searchPage(db: Kysely<DB>, f: SearchFilter, limit: number, offset: number, plan: ScanPlan = 'bitmap'): Promise<string[]> {
  const query = searchPageQuery(f, limit, offset);
  const rows = f.tsquery || f.like ? await withPlan(db, plan, async (trx) => (await query.execute(trx)).rows) : (await query.execute(db)).rows;
  return rows.map((r) => r.id);
}

export type FacetName = 'country' | 'function' | 'instrument' | 'language' | 'electronic';

/** Counts of the matching authorities by facet key, in one pass over the matches' facet keys. */
export function facetCountsQuery(f: SearchFilter): RawBuilder<{ key: string; n: number }> {
  const where = sql.join(conditions(f), sql` AND `);
  return sql<{ key: string; n: number }>`
    SELECT k AS key, count(*)::int AS n FROM authorities a CROSS JOIN LATERAL unnest(${facetsColumn(f)}) AS k
    WHERE ${where} GROUP BY k`;
}

/** Counts by country, function, instrument, language and electronic acceptance. */
export async function facetCounts(db: Kysely<DB>, f: SearchFilter): Promise<{ facet: FacetName; value: string; n: number }[]> {
  // Bitmap scans of the text indexes: a sequential scan would test (decompress) every row's vector.
  const rows = f.tsquery || f.like ? await withPlan(db, 'bitmap', async (trx) => (await facetCountsQuery(f).execute(trx)).rows) : (await facetCountsQuery(f).execute(db)).rows;
  return rows.map((r) => {
    const at = r.key.indexOf(':');
    return { facet: r.key.slice(0, at) as FacetName, value: r.key.slice(at + 1), n: Number(r.n) };
  });
}

/** The number of changes of the authorities so far (incremented by a trigger, migration 0041). */
export async function readDirectoryGeneration(db: Kysely<DB>): Promise<string> {
  const r = await sql<{ g: string | null }>`SELECT value #>> '{}' AS g FROM app_settings WHERE key = 'directory.generation'`.execute(db);
  return r.rows[0]?.g ?? '0';
}

/** EXPLAIN (ANALYZE, BUFFERS) of a query (benchmarks). */
export async function explainQuery(db: Kysely<DB>, query: RawBuilder<unknown>): Promise<string[]> {
  const r = await sql<{ 'QUERY PLAN': string }>`EXPLAIN (ANALYZE, BUFFERS) ${query}`.execute(db);
  return r.rows.map((row) => row['QUERY PLAN']);
}

/** Authorities published (created) and archived per year, for the figures. */
export async function authorityYears(db: Kysely<DB>): Promise<{ year: number; created: number; archived: number; demo_created: number }[]> {
  const r = await sql<{ year: number; created: number; archived: number; demo_created: number }>`
    SELECT year::int AS year, sum(created)::int AS created, sum(archived)::int AS archived, sum(demo_created)::int AS demo_created FROM (
      SELECT extract(year FROM created_at) AS year, 1 AS created, 0 AS archived, CASE WHEN demo THEN 1 ELSE 0 END AS demo_created FROM authorities
      UNION ALL
      SELECT extract(year FROM archived_at), 0, 1, 0 FROM authorities WHERE state = 'archived' AND archived_at IS NOT NULL
    ) t GROUP BY year ORDER BY year`.execute(db);
  return r.rows;
}

/** Published authorities of some countries not verified within a year, oldest first. */
export async function selectStale(db: Kysely<DB>, countries: readonly string[] | 'all', limit: number) {
  let q = db
    .selectFrom('authorities')
    .select(['id', 'country', 'names', 'verified_on', 'created_at'])
    .where('state', '=', 'published')
    .where(sql<SqlBool>`(verified_on IS NULL OR verified_on < current_date - 365)`)
    .orderBy(sql`verified_on NULLS FIRST`)
    .orderBy('id')
    .limit(limit);
  if (countries !== 'all') q = countries.length ? q.where('country', 'in', [...countries]) : q.where(sql<SqlBool>`false`);
  return q.execute();
}

export async function analyzeAuthorities(db: Kysely<DB>): Promise<void> {
  await sql`ANALYZE authorities`.execute(db);
}

/** Language tags used by names, urgent procedures and notes of published authorities (CSV columns). */
export async function selectTextLanguages(db: Kysely<DB>): Promise<string[]> {
  const r = await sql<{ lang: string }>`
    SELECT DISTINCT k AS lang FROM authorities,
      LATERAL (SELECT jsonb_object_keys(names) UNION SELECT jsonb_object_keys(coalesce(document->'urgent_procedure', '{}'::jsonb)) UNION SELECT jsonb_object_keys(coalesce(document->'notes', '{}'::jsonb))) AS t(k)
    WHERE state = 'published' ORDER BY 1`.execute(db);
  return r.rows.map((x) => x.lang);
}

/** Published authorities per country (book contents), and a version stamp of the published directory. */
export async function countPublishedByCountry(db: Kysely<DB>): Promise<{ country: string; n: number }[]> {
  const rows = await db.selectFrom('authorities').select(['country', sql<number>`count(*)::int`.as('n')]).where('state', '=', 'published').groupBy('country').orderBy('country').execute();
  return rows.map((r) => ({ country: r.country, n: Number(r.n) }));
}

export async function directoryVersion(db: Kysely<DB>): Promise<string> {
  const r = await sql<{ v: string }>`SELECT coalesce(max(updated_at)::text, '') || '/' || count(*) || '/' || coalesce(max(verified_on)::text, '') AS v FROM authorities`.execute(db);
  return r.rows[0]?.v ?? '';
}
