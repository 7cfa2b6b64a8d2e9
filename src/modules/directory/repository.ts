/** All SQL of the directory: the live authorities, their search, facets, and figures. */
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
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
  texts: { names: string; labels: string; publicText: string; fullText: string };
  demo: boolean;
  origin: 'import' | 'demo' | 'editor';
  content_hash: string;
  /** Set the verification (publication, or an import that carries one); undefined keeps it. */
  verified?: { on: string | null; by: string | null; userId: string | null };
}

function vector(names: string, labels: string, rest: string) {
  return sql`setweight(to_tsvector('palermo_simple', ${names}), 'A') || setweight(to_tsvector('palermo_simple', ${labels}), 'B') || setweight(to_tsvector('palermo_simple', ${rest}), 'C')`;
}

/** Insert or replace the live row of an authority (published again if it was archived). */
export async function upsertAuthority(db: Kysely<DB>, r: AuthorityRowInput): Promise<void> {
  const values = {
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
    search_full: vector(r.texts.names, r.texts.labels, r.texts.fullText),
    demo: r.demo,
    origin: r.origin,
    content_hash: r.content_hash,
    ...(r.verified ? { verified_on: r.verified.on, verified_by: r.verified.by, verified_by_user: r.verified.userId } : {}),
  };
  const { id: _id, origin: _origin, ...update } = values;
  await db
    .insertInto('authorities')
    .values(values as never)
    .onConflict((oc) => oc.column('id').doUpdateSet({ ...update, updated_at: sql`now()`, archived_at: null } as never))
    .execute();
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
export async function selectAuthorityPage(db: Kysely<DB>, after: { country: string; name_sort: string; id: string } | undefined, limit: number) {
  let q = db
    .selectFrom('authorities')
    .select([...LIVE_COLUMNS, 'name_sort'])
    .where('state', '=', 'published')
    .orderBy('country')
    .orderBy('name_sort')
    .orderBy('id')
    .limit(limit);
  if (after) q = q.where(sql<SqlBool>`(country, name_sort, id) > (${after.country}, ${after.name_sort}, ${after.id})`);
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
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('authorities').select(['id', 'content_hash', 'country', 'state']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, { hash: r.content_hash, country: r.country, state: r.state }]));
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

function conditions(f: SearchFilter): Expression<SqlBool>[] {
  const where: Expression<SqlBool>[] = [sql<SqlBool>`a.state = 'published'`];
  if (f.tsquery || f.like) {
    const vec = f.restricted ? sql`a.search_full` : sql`a.search_public`;
    const parts = [];
    if (f.tsquery) parts.push(sql`${vec} @@ to_tsquery('palermo_simple', ${f.tsquery})`);
    if (f.like) parts.push(sql`a.names_text ILIKE ${f.like}`);
    where.push(sql<SqlBool>`(${sql.join(parts, sql` OR `)})`);
  }
  if (f.countries) where.push(f.countries.length ? sql<SqlBool>`a.country IN (${sql.join([...f.countries])})` : sql<SqlBool>`false`);
  if (f.fn) where.push(sql<SqlBool>`a.functions @> ARRAY[${f.fn}]::text[]`);
  if (f.instrument) where.push(sql<SqlBool>`a.instruments @> ARRAY[${f.instrument}]::text[]`);
  if (f.language) where.push(f.restricted ? sql<SqlBool>`a.languages @> ARRAY[${f.language}]::text[]` : sql<SqlBool>`a.languages_public @> ARRAY[${f.language}]::text[]`);
  if (f.electronic) where.push(f.restricted ? sql<SqlBool>`a.electronic = ${f.electronic}` : sql<SqlBool>`a.electronic_public = ${f.electronic}`);
  if (f.stale) where.push(sql<SqlBool>`(a.verified_on IS NULL OR a.verified_on < current_date - 365)`);
  return where;
}

/** One page of matching authorities (ids in order) and the total. */
export async function searchPage(db: Kysely<DB>, f: SearchFilter, limit: number, offset: number): Promise<{ ids: string[]; total: number }> {
  const where = sql.join(conditions(f), sql` AND `);
  const vec = f.restricted ? sql`a.search_full` : sql`a.search_public`;
  const rank = f.tsquery
    ? sql`ts_rank(${vec}, to_tsquery('palermo_simple', ${f.tsquery})) + CASE WHEN a.names_text ILIKE ${f.like ?? ''} THEN 1 ELSE 0 END`
    : f.like
      ? sql`CASE WHEN a.names_text ILIKE ${f.like} THEN 1 ELSE 0 END`
      : undefined;
  const rows = await sql<{ id: string; total: number }>`
    SELECT a.id, count(*) OVER () AS total FROM authorities a
    WHERE ${where}
    ORDER BY ${rank ? sql`${rank} DESC,` : sql``} a.name_sort, a.id
    LIMIT ${limit} OFFSET ${offset}`.execute(db);
  let total = rows.rows[0]?.total ?? 0;
  if (!rows.rows.length && offset > 0) {
    const c = await sql<{ n: number }>`SELECT count(*) AS n FROM authorities a WHERE ${where}`.execute(db);
    total = c.rows[0]?.n ?? 0;
  }
  return { ids: rows.rows.map((r) => r.id), total: Number(total) };
}

export type FacetName = 'country' | 'function' | 'instrument' | 'language' | 'electronic';

/** Counts of the matching authorities by country, function, instrument, language and electronic acceptance. */
export async function facetCounts(db: Kysely<DB>, f: SearchFilter): Promise<{ facet: FacetName; value: string; n: number }[]> {
  const where = sql.join(conditions(f), sql` AND `);
  const langs = f.restricted ? sql`languages` : sql`languages_public`;
  const elec = f.restricted ? sql`electronic` : sql`electronic_public`;
  const r = await sql<{ facet: FacetName; value: string; n: number }>`
    WITH hits AS (SELECT a.country, a.functions, a.instruments, a.${langs} AS langs, a.${elec} AS elec FROM authorities a WHERE ${where})
    SELECT 'country' AS facet, country AS value, count(*) AS n FROM hits GROUP BY country
    UNION ALL SELECT 'function', v, count(*) FROM hits, unnest(functions) AS v GROUP BY v
    UNION ALL SELECT 'instrument', v, count(*) FROM hits, unnest(instruments) AS v GROUP BY v
    UNION ALL SELECT 'language', v, count(*) FROM hits, unnest(langs) AS v GROUP BY v
    UNION ALL SELECT 'electronic', elec, count(*) FROM hits WHERE elec IS NOT NULL GROUP BY elec`.execute(db);
  return r.rows.map((x) => ({ ...x, n: Number(x.n) }));
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

/**
 * Practitioners by the year their status was granted (accounts' user_roles; a revoked grant is
 * deleted there, so it no longer counts in any year).
 */
export async function practitionerYears(db: Kysely<DB>): Promise<{ year: number; granted: number }[]> {
  const r = await sql<{ year: number; granted: number }>`
    SELECT extract(year FROM granted_at)::int AS year, count(DISTINCT user_id)::int AS granted
    FROM user_roles WHERE role = 'practitioner' GROUP BY 1 ORDER BY 1`.execute(db);
  return r.rows;
}

/** Open revisions (drafts and reviews) of authorities of some countries, for the work queue. */
export async function selectOpenAuthorityRevisions(db: Kysely<DB>, countries: readonly string[] | 'all', authorityIds: readonly string[], limit: number) {
  let q = db
    .selectFrom('revisions as r')
    .leftJoin('users as u', 'u.id', 'r.author_id')
    .select(['r.id', 'r.subject_id', 'r.number', 'r.state', 'r.author_id', 'r.note', 'r.updated_at', 'r.submitted_at', 'u.display_name as author_name', sql<string>`r.document->>'country'`.as('country'), sql<Record<string, string>>`r.document->'names'`.as('names')])
    .where('r.subject_type', '=', 'authority')
    .where('r.state', 'in', ['draft', 'in_review'])
    .orderBy('r.updated_at', 'desc')
    .limit(limit);
  if (countries !== 'all') {
    const c = [...countries];
    const a = [...authorityIds];
    q = q.where((eb) => eb.or([...(c.length ? [eb(sql<string>`r.document->>'country'`, 'in', c)] : []), ...(a.length ? [eb('r.subject_id', 'in', a)] : []), sql<SqlBool>`false`]));
  }
  return q.execute();
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

/** Countries that have demo knowledge content (the demo seed gives each of them authorities). */
export async function selectDemoCountries(db: Kysely<DB>): Promise<string[]> {
  const rows = await db.selectFrom('entries').select('country').distinct().where('demo', '=', true).where('country', 'is not', null).orderBy('country').execute();
  return rows.map((r) => r.country!).filter(Boolean);
}

export async function analyzeAuthorities(db: Kysely<DB>): Promise<void> {
  await sql`ANALYZE authorities`.execute(db);
}

/** The country named by the open (draft or in-review) revision of an authority, if any. */
export async function selectOpenRevisionCountry(db: Kysely<DB>, id: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('revisions')
    .select(sql<string | null>`document->>'country'`.as('country'))
    .where('subject_type', '=', 'authority')
    .where('subject_id', '=', id)
    .where('state', 'in', ['draft', 'in_review'])
    .executeTakeFirst();
  return row?.country ?? undefined;
}

/** The country of the latest revision of an authority that never went live. */
export async function selectAnyRevisionCountry(db: Kysely<DB>, id: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('revisions')
    .select(sql<string | null>`document->>'country'`.as('country'))
    .where('subject_type', '=', 'authority')
    .where('subject_id', '=', id)
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.country ?? undefined;
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
