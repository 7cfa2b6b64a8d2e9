/**
 * Reading the service providers: one provider, the list with search and filters. Every document
 * leaves through visibleProvider (domain/visibility.ts); archived providers only for curators.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { NotFoundError, ValidationError, type FieldIssue } from '../../platform/http/errors.js';
import { type Actor, allow } from '../access/index.js';
import { isEntryId } from '../knowledge/index.js';
import { DATA_CATEGORIES, SERVICES, type DataCategory, type ProviderDocument, type Service } from './domain/schema.js';
import { hasRestricted, viewerOf, visibleProvider } from './domain/visibility.js';
import { documentOf } from './live.js';
import { searchProviderRows, selectProvider, selectProviderCountries, type LiveProvider } from './repository.js';

export const PAGE_SIZE = 20;

export interface ProviderView {
  doc: ProviderDocument;
  state: 'published' | 'archived';
  demo: boolean;
  /** The view holds practitioners-only fields (the response must not be cached). */
  restricted: boolean;
  /** The reader does not see some fields of this provider. */
  withheld: boolean;
}

function view(row: LiveProvider, actor: Actor): ProviderView {
  const viewer = viewerOf(actor);
  const full = documentOf(row);
  const withheld = !viewer.restricted && hasRestricted(full);
  return { doc: visibleProvider(full, viewer), state: row.state, demo: row.demo, restricted: viewer.restricted && hasRestricted(full), withheld };
}

export interface ProviderDetail extends ProviderView {
  /** What the actor may do: edit (propose a change), archive or restore. */
  actions: string[];
}

/** One provider as the actor may see it (archived ones only for curators). */
export async function getProvider(db: Kysely<DB>, actor: Actor, id: string): Promise<ProviderDetail> {
  const row = isEntryId(id) ? await selectProvider(db, id) : undefined;
  const editor = allow(actor, 'providers.edit');
  if (!row || (row.state === 'archived' && !editor)) throw new NotFoundError(`No provider "${id}"`);
  const actions = [...(editor ? ['edit'] : []), ...(allow(actor, 'providers.archive') ? [row.state === 'published' ? 'archive' : 'restore'] : [])];
  return { ...view(row, actor), actions };
}

export interface ProviderQuery {
  q: string;
  country?: string;
  service?: Service;
  category?: DataCategory;
  page: number;
}

const one = (v: unknown): string | undefined => (Array.isArray(v) ? one(v[0]) : typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** Check the list's query parameters: ValidationError naming each bad one. */
export function parseProviderQuery(raw: Record<string, unknown>): ProviderQuery {
  const issues: FieldIssue[] = [];
  const q = one(raw.q) ?? '';
  if (q.length > 200) issues.push({ field: 'q', message: 'must be at most 200 characters' });
  if (q.includes('\u0000')) issues.push({ field: 'q', message: 'must not contain NUL characters' });
  const country = one(raw.country)?.toUpperCase();
  if (country && !/^[A-Z]{3}$/.test(country)) issues.push({ field: 'country', message: 'must be an ISO 3166-1 alpha-3 code' });
  const service = one(raw.service);
  if (service && !(SERVICES as readonly string[]).includes(service)) issues.push({ field: 'service', message: `must be one of: ${SERVICES.join(', ')}` });
  const category = one(raw.category);
  if (category && !(DATA_CATEGORIES as readonly string[]).includes(category)) issues.push({ field: 'category', message: `must be one of: ${DATA_CATEGORIES.join(', ')}` });
  const pageText = one(raw.page) ?? '1';
  const page = /^[0-9]{1,4}$/.test(pageText) ? Number(pageText) : NaN;
  if (!(page >= 1 && page <= 1000)) issues.push({ field: 'page', message: 'must be a whole number from 1 to 1000' });
  if (issues.length) throw new ValidationError(issues);
  return { q, page, ...(country ? { country } : {}), ...(service ? { service: service as Service } : {}), ...(category ? { category: category as DataCategory } : {}) };
}

export interface ProviderResults {
  query: ProviderQuery;
  total: number;
  pages: number;
  items: ProviderView[];
  /** States where providers are established (the country filter). */
  countries: string[];
}

/** Published providers matching the query, as the actor may see them; practitioners-only fields are never searched or filtered for others. */
export async function searchProviders(db: Kysely<DB>, actor: Actor, raw: Record<string, unknown>): Promise<ProviderResults> {
  const query = parseProviderQuery(raw);
  const restricted = viewerOf(actor).restricted;
  const like = query.q ? `%${query.q.toLocaleLowerCase('en').replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  const [{ total, rows }, countries] = await Promise.all([
    searchProviderRows(db, { restricted, ...(like ? { like } : {}), ...(query.country ? { country: query.country } : {}), ...(query.service ? { service: query.service } : {}), ...(query.category ? { category: query.category } : {}) }, { limit: PAGE_SIZE, offset: (query.page - 1) * PAGE_SIZE }),
    selectProviderCountries(db),
  ]);
  return { query, total, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)), items: rows.map((r) => view(r, actor)), countries };
}
