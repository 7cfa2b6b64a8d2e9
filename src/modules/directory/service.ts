/**
 * Reading the directory: one authority, the search with filters and facets, the lookup, a country's
 * authorities. Every document leaves through visibleAuthority (domain/visibility.ts).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { NotFoundError, ValidationError, type FieldIssue } from '../../platform/http/errors.js';
import { type Actor, allow } from '../access/index.js';
import { recordAudit, type AuditContext } from '../audit/index.js';
import { isEntryId } from '../knowledge/index.js';
import { getCountry, isRequestable, listCountriesInRegion, listTerms } from '../reference/index.js';
import { partStatuses, type PartStatus } from '../workflow/index.js';
import { visibilityOf } from './domain/checks.js';
import { isFunctionCode } from './domain/functions.js';
import { lookup, parseRequestKind, type LookupAnswer } from './domain/lookup.js';
import { ELECTRONIC, type AuthorityDocument } from './domain/schema.js';
import { likePattern, toPrefixQuery } from './domain/search-text.js';
import { viewerOf, visibleAuthority, type DirectoryViewer } from './domain/visibility.js';
import { documentOf, isStale } from './live.js';
import { directoryFacetCounts } from './facet-cache.js';
import { searchPage, selectAuthorities, type ScanPlan, selectAuthoritiesOfCountry, type FacetName, type LiveAuthority, type SearchFilter } from './repository.js';

export const PAGE_SIZE = 20;
const LANG_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

export interface AuthorityView {
  doc: AuthorityDocument;
  state: 'published' | 'archived';
  demo: boolean;
  stale: boolean;
}

function view(row: LiveAuthority, viewer: DirectoryViewer): AuthorityView {
  return { doc: visibleAuthority(documentOf(row), viewer), state: row.state, demo: row.demo, stale: isStale(row.verified_on) };
}

/** May the actor see archived authorities of this country (its editors)? */
function editsCountry(actor: Actor, country: string, id: string): boolean {
  return allow(actor, 'directory.edit', { country, authorityId: id });
}

export interface AuthorityDetail extends AuthorityView {
  /** Workflow status of the authority's part, for its editors. */
  workflow: PartStatus | null;
  /** What the actor may do: edit, verify, archive, history. */
  actions: string[];
}

/** One authority as the actor may see it (archived ones only for their editors). */
export async function getAuthority(db: Kysely<DB>, actor: Actor, id: string): Promise<AuthorityDetail> {
  if (!isEntryId(id)) throw new NotFoundError(`No authority "${id}"`);
  const [row] = await selectAuthorities(db, [id], { publishedOnly: false });
  if (!row || (row.state === 'archived' && !editsCountry(actor, row.country, id))) throw new NotFoundError(`No authority "${id}"`);
  const v = view(row, viewerOf(actor));
  const resource = { country: row.country, authorityId: id };
  const actions: string[] = [];
  let workflow: PartStatus | null = null;
  if (allow(actor, 'directory.edit', resource)) {
    actions.push('edit', 'history');
    workflow = (await partStatuses(db, 'authority', id))[0] ?? null;
  }
  if (allow(actor, 'directory.review', resource) && row.state === 'published') actions.push('verify');
  if (allow(actor, 'directory.archive', resource)) actions.push(row.state === 'published' ? 'archive' : 'restore');
  return { ...v, workflow, actions };
}

export interface DirectoryQuery {
  q?: string;
  country?: string;
  region?: string;
  function?: string;
  instrument?: string;
  language?: string;
  electronic?: string;
  stale?: string | boolean;
  page?: string | number;
}

export interface ParsedQuery {
  q: string;
  country?: string;
  region?: string;
  function?: string;
  instrument?: string;
  language?: string;
  electronic?: string;
  stale: boolean;
  page: number;
}

/** Check the query parameters of a search; ValidationError names each bad one. */
export function parseDirectoryQuery(input: DirectoryQuery): ParsedQuery {
  const issues: FieldIssue[] = [];
  const str = (name: keyof DirectoryQuery): string | undefined => {
    const v = input[name];
    if (v === undefined || v === null || v === '') return undefined;
    if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') {
      issues.push({ field: name, message: 'must be given once' });
      return undefined;
    }
    return String(v).trim() || undefined;
  };
  const q = str('q') ?? '';
  if (q.length > 200) issues.push({ field: 'q', message: 'must be at most 200 characters' });
  const country = str('country')?.toUpperCase();
  if (country && !/^[A-Z]{3}$/.test(country)) issues.push({ field: 'country', message: 'must be an ISO 3166-1 alpha-3 code' });
  const region = str('region');
  if (region && !/^[0-9]{3}$/.test(region)) issues.push({ field: 'region', message: 'must be a UN M49 area code (3 digits)' });
  const fn = str('function');
  if (fn && !isFunctionCode(fn)) issues.push({ field: 'function', message: 'is not a function code' });
  const instrument = str('instrument');
  if (instrument && !/^[a-z0-9][a-z0-9._-]{0,63}$/.test(instrument)) issues.push({ field: 'instrument', message: 'is not an instrument id' });
  const language = str('language');
  if (language && (!LANG_TAG.test(language) || language.length > 35)) issues.push({ field: 'language', message: 'must be a BCP 47 language tag' });
  const electronic = str('electronic');
  if (electronic && !(ELECTRONIC as readonly string[]).includes(electronic)) issues.push({ field: 'electronic', message: `must be one of: ${ELECTRONIC.join(', ')}` });
  const staleRaw = str('stale');
  if (staleRaw && !['1', 'true', '0', 'false'].includes(staleRaw)) issues.push({ field: 'stale', message: 'must be true or false' });
  const pageRaw = str('page') ?? '1';
  const page = Number(pageRaw);
  if (!/^\d{1,4}$/.test(pageRaw) || page < 1 || page > 1000) issues.push({ field: 'page', message: 'must be a whole number from 1 to 1000' });
  if (issues.length) throw new ValidationError(issues);
  return {
    q,
    ...(country ? { country } : {}),
    ...(region ? { region } : {}),
    ...(fn ? { function: fn } : {}),
    ...(instrument ? { instrument } : {}),
    ...(language ? { language } : {}),
    ...(electronic ? { electronic } : {}),
    stale: staleRaw === '1' || staleRaw === 'true',
    page,
  };
}

export interface SearchItem extends AuthorityView {
  /** A passage of a visible field matching the query. */
  snippet?: string;
}

export interface DirectoryResults {
  query: ParsedQuery;
  items: SearchItem[];
  total: number;
  pages: number;
  facets: Record<FacetName, { value: string; count: number }[]>;
}

/** A passage around the first visible occurrence of a query word outside the names. */
export function snippetOf(doc: AuthorityDocument, q: string): string | undefined {
  const words = q.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 2);
  if (!words.length) return undefined;
  const ml = (v?: Record<string, string>) => (v ? Object.values(v) : []);
  const candidates = [
    doc.address ?? '',
    ...(doc.contacts ?? []).map((c) => [c.name, c.title].filter(Boolean).join(', ')),
    ...ml(doc.notes),
    ...ml(doc.urgent_procedure),
    ...(doc.requirements ?? []).flatMap((r) => ml(r.conditions)),
    ...ml(doc.e_evidence?.preservation),
    ...ml(doc.e_evidence?.disclosure),
  ];
  for (const text of candidates) {
    const lower = text.toLowerCase();
    const at = Math.min(...words.map((w) => lower.indexOf(w)).filter((i) => i >= 0));
    if (!Number.isFinite(at)) continue;
    const start = Math.max(0, at - 60);
    return `${start > 0 ? '…' : ''}${text.slice(start, start + 200)}${start + 200 < text.length ? '…' : ''}`;
  }
  return undefined;
}

async function filterOf(db: Kysely<DB>, query: ParsedQuery, viewer: DirectoryViewer): Promise<SearchFilter> {
  const f: SearchFilter = { restricted: viewer.restricted };
  if (query.q) {
    const ts = toPrefixQuery(query.q);
    if (ts) f.tsquery = ts;
    f.like = likePattern(query.q);
  }
  if (query.region) {
    const inRegion = await listCountriesInRegion(db, query.region);
    if (!inRegion) throw new ValidationError([{ field: 'region', message: 'is not a UN M49 area' }]);
    f.countries = inRegion.map((c) => c.iso3).filter((c) => !query.country || c === query.country);
  } else if (query.country) f.countries = [query.country];
  if (query.function) f.fn = query.function;
  if (query.instrument) f.instrument = query.instrument;
  if (query.language) f.language = query.language;
  if (query.electronic) f.electronic = query.electronic;
  if (query.stale) f.stale = true;
  return f;
}

/** Every authority has exactly one country: the country counts add up to the number of matches. */
function matchCount(counts: readonly { facet: FacetName; n: number }[]): number {
  return counts.reduce((n, c) => (c.facet === 'country' ? n + c.n : n), 0);
}

/** Search the published directory as the actor may see it. */
export async function searchDirectory(db: Kysely<DB>, actor: Actor, input: DirectoryQuery): Promise<DirectoryResults> {
  const query = parseDirectoryQuery(input);
  const viewer = viewerOf(actor);
  const filter = await filterOf(db, query, viewer);
  const counts = await directoryFacetCounts(db, filter);
  const total = matchCount(counts);
  const offset = (query.page - 1) * PAGE_SIZE;
  let plan: ScanPlan = 'bitmap';
  if (filter.tsquery || filter.like) {
    // Walking the names in order finds a page after about (offset + 20) × all / total rows; the
    // bitmap reads every match. Walk when that is clearly fewer.
    const all = matchCount(await directoryFacetCounts(db, { restricted: filter.restricted }));
    if (total * total > 4 * (offset + PAGE_SIZE) * all) plan = 'walk';
  }
  const ids = offset < total ? await searchPage(db, filter, PAGE_SIZE, offset, plan) : [];
  const rows = await selectAuthorities(db, ids);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const items = ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const v = view(row, viewer);
    const snippet = query.q ? snippetOf(v.doc, query.q) : undefined;
    return [{ ...v, ...(snippet ? { snippet } : {}) }];
  });
  const facets: DirectoryResults['facets'] = { country: [], function: [], instrument: [], language: [], electronic: [] };
  for (const c of counts) facets[c.facet].push({ value: c.value, count: c.n });
  for (const list of Object.values(facets)) list.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  return { query, items, total, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)), facets };
}

/** The published authorities of a State (country profile, lookup), as the actor may see them. */
export async function authoritiesOfCountry(db: Kysely<DB>, actor: Actor, country: string): Promise<AuthorityView[]> {
  const viewer = viewerOf(actor);
  return (await selectAuthoritiesOfCountry(db, country)).map((r) => view(r, viewer));
}

export interface LookupResult extends LookupAnswer {
  /** The place is an area with its own regime of international cooperation (Hong Kong SAR, Macao SAR), not a State. */
  ownRegime: boolean;
  /** The views (stale, demo) of the matches, by id. */
  views: Map<string, AuthorityView>;
}

/** "Which authority do I send this to?": state = ISO alpha-3, request = a function or measure code. */
export async function lookupAuthority(db: Kysely<DB>, actor: Actor, input: { state?: unknown; request?: unknown }): Promise<LookupResult> {
  const issues: FieldIssue[] = [];
  const state = typeof input.state === 'string' ? input.state.trim().toUpperCase() : '';
  const request = typeof input.request === 'string' ? input.request.trim() : '';
  if (!state) issues.push({ field: 'state', message: 'is required: the requested State (ISO 3166-1 alpha-3)' });
  const place = /^[A-Z]{3}$/.test(state) ? await getCountry(db, state) : undefined;
  if (state && !place) issues.push({ field: 'state', message: 'is not a known ISO 3166-1 alpha-3 code' });
  else if (place && !isRequestable(place)) issues.push({ field: 'state', message: `is not a State (${state} is an area a request cannot be addressed to)` });
  const measures = new Set((await listTerms(db, 'measure')).map((t) => t.code));
  const kind = request ? parseRequestKind(request, measures) : undefined;
  if (!request) issues.push({ field: 'request', message: 'is required: a function code (e.g. extradition) or a measure code (e.g. taking-evidence)' });
  else if (!kind) issues.push({ field: 'request', message: 'is not a function or measure code' });
  if (issues.length) throw new ValidationError(issues);
  const viewer = viewerOf(actor);
  const views = await authoritiesOfCountry(db, actor, state);
  const answer = lookup(state, kind!, views.map((v) => v.doc), (doc) => !viewer.restricted && visibilityOf(doc, 'requirements') === 'practitioners');
  return { ...answer, ownRegime: place!.kind === 'area_own_regime', views: new Map(views.map((v) => [v.doc.id, v])) };
}

/**
 * Bulk reads of practitioners-only fields (the API search, the lookup) are recorded in the audit log
 * like exports (directory.read_restricted): who, which query, how many authorities and which.
 */
async function auditRestrictedRead(db: Kysely<DB>, ctx: AuditContext, kind: 'search' | 'lookup', query: Record<string, unknown>, ids: readonly string[]): Promise<void> {
  if (!viewerOf(ctx.actor).restricted || !ids.length) return;
  await recordAudit(db, ctx, { action: 'directory.read_restricted', targetType: 'directory', targetId: kind, changes: { query, count: ids.length, ids: ids.slice(0, 100) } });
}

/** The API search: searchDirectory, audited when it returns practitioners-only fields. */
export async function searchDirectoryAudited(db: Kysely<DB>, ctx: AuditContext, input: DirectoryQuery): Promise<DirectoryResults> {
  const r = await searchDirectory(db, ctx.actor, input);
  const { page, ...filters } = r.query;
  await auditRestrictedRead(db, ctx, 'search', { ...filters, page }, r.items.map((i) => i.doc.id));
  return r;
}

/** The lookup (page and API), audited when it returns practitioners-only fields. */
export async function lookupAuthorityAudited(db: Kysely<DB>, ctx: AuditContext, input: { state?: unknown; request?: unknown }): Promise<LookupResult> {
  const r = await lookupAuthority(db, ctx.actor, input);
  await auditRestrictedRead(db, ctx, 'lookup', { state: r.state, request: r.request.code }, r.matches.map((m) => m.doc.id));
  return r;
}
