/** All SQL of the providers module: the live (published) service providers, their list and filters. */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { json } from '../../platform/db/types.js';
import type { ProviderDocument } from './domain/schema.js';

export interface ProviderRowInput {
  document: ProviderDocument;
  name_sort: string;
  data_categories_public: string[];
  search_public: string;
  search_full: string;
  demo: boolean;
  content_hash: string;
  /** Set the verification date (publication); undefined keeps it. */
  verified_on?: string;
}

/** Insert or replace the live row of a provider (published again if archived). */
export async function upsertProvider(db: Kysely<DB>, r: ProviderRowInput): Promise<void> {
  const values = {
    id: r.document.id,
    country: r.document.country,
    state: 'published' as const,
    document: json(r.document),
    name_sort: r.name_sort,
    services: [...r.document.services],
    data_categories: (r.document.data ?? []).map((d) => d.category),
    data_categories_public: r.data_categories_public,
    search_public: r.search_public,
    search_full: r.search_full,
    demo: r.demo,
    content_hash: r.content_hash,
    ...(r.verified_on ? { verified_on: r.verified_on } : {}),
  };
  const { id: _id, ...update } = values;
  await db
    .insertInto('providers')
    .values(values)
    .onConflict((oc) => oc.column('id').doUpdateSet({ ...update, updated_at: sql`now()`, archived_at: null }))
    .execute();
}

export interface LiveProvider {
  id: string;
  country: string;
  state: 'published' | 'archived';
  document: ProviderDocument;
  demo: boolean;
  content_hash: string;
  verified_on: string | null;
  created_at: Date;
  updated_at: Date;
}

const LIVE_COLUMNS = ['id', 'country', 'state', 'document', 'demo', 'content_hash', 'verified_on', 'created_at', 'updated_at'] as const;

export async function selectProvider(db: Kysely<DB>, id: string): Promise<LiveProvider | undefined> {
  return (await db.selectFrom('providers').select([...LIVE_COLUMNS]).where('id', '=', id).executeTakeFirst()) as LiveProvider | undefined;
}

/** The published providers among the given ids. */
export async function selectPublishedProviders(db: Kysely<DB>, ids: readonly string[]): Promise<LiveProvider[]> {
  if (!ids.length) return [];
  return (await db.selectFrom('providers').select([...LIVE_COLUMNS]).where('id', 'in', [...ids]).where('state', '=', 'published').execute()) as LiveProvider[];
}

/** Ids of every published provider, in id order. */
export async function selectPublishedProviderIds(db: Kysely<DB>): Promise<string[]> {
  return (await db.selectFrom('providers').select('id').where('state', '=', 'published').orderBy('id').execute()).map((r) => r.id);
}

export interface ProviderFilter {
  /** A LIKE pattern (escaped) over the lower-cased search text. */
  like?: string;
  country?: string;
  service?: string;
  category?: string;
  /** Search and filter over practitioners-only fields too. */
  restricted: boolean;
}

function filtered(db: Kysely<DB>, f: ProviderFilter) {
  let q = db.selectFrom('providers').where('state', '=', 'published');
  if (f.like) q = q.where(f.restricted ? 'search_full' : 'search_public', 'like', f.like);
  if (f.country) q = q.where('country', '=', f.country);
  if (f.service) q = q.where(sql<boolean>`services @> ARRAY[${f.service}]::text[]`);
  if (f.category) q = q.where(f.restricted ? sql<boolean>`data_categories @> ARRAY[${f.category}]::text[]` : sql<boolean>`data_categories_public @> ARRAY[${f.category}]::text[]`);
  return q;
}

/** One page of published providers matching the filter, in name order, and the total. */
export async function searchProviderRows(db: Kysely<DB>, f: ProviderFilter, page: { limit: number; offset: number }): Promise<{ total: number; rows: LiveProvider[] }> {
  const [count, rows] = await Promise.all([
    filtered(db, f).select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow(),
    filtered(db, f).select([...LIVE_COLUMNS]).orderBy('name_sort').orderBy('id').limit(page.limit).offset(page.offset).execute(),
  ]);
  return { total: Number(count.n), rows: rows as LiveProvider[] };
}

/** States where published providers are established, for the country filter. */
export async function selectProviderCountries(db: Kysely<DB>): Promise<string[]> {
  return (await db.selectFrom('providers').select('country').distinct().where('state', '=', 'published').orderBy('country').execute()).map((r) => r.country);
}

export async function updateProviderState(db: Kysely<DB>, id: string, state: 'published' | 'archived'): Promise<void> {
  await db
    .updateTable('providers')
    .set({ state, archived_at: state === 'archived' ? sql`now()` : null, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

/** Content hashes of the demo providers, to leave identical ones untouched. */
export async function selectDemoHashes(db: Kysely<DB>): Promise<Map<string, string>> {
  return new Map((await db.selectFrom('providers').select(['id', 'content_hash']).where('demo', '=', true).execute()).map((r) => [r.id, r.content_hash]));
}

/** Delete the demo providers (and nothing else); their editorial revisions stay as history. */
export async function deleteDemoProviders(db: Kysely<DB>): Promise<number> {
  const r = await db.deleteFrom('providers').where('demo', '=', true).executeTakeFirst();
  return Number(r.numDeletedRows);
}
