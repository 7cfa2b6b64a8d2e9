/**
 * Search parameters: the facets, their validation (shared by the API and the pages), and the
 * canonical query string that makes every result page a stable, shareable URL. Pure.
 */
import type { FieldIssue } from '../../../platform/http/errors.js';
import { DEFAULT_LANG, isLang, type Lang } from '../../../platform/i18n/languages.js';
import type { EntryType } from '../../knowledge/index.js';
import { SEARCH_TYPES } from './document.js';

export const FACETS = ['type', 'country', 'region', 'instrument', 'article', 'crime', 'cooperation', 'issue', 'measure', 'year', 'lang'] as const;
export type FacetName = (typeof FACETS)[number];
export type Filters = Record<FacetName, string[]>;
export type SortOrder = 'relevance' | 'date';

export const MAX_QUERY_LENGTH = 1000;
export const MAX_VALUES_PER_FACET = 50;
export const MAX_PER_PAGE = 100;
export const DEFAULT_PER_PAGE = 20;
/** Results are reachable up to this position (deeper pages: narrow the search). */
export const MAX_RESULT_WINDOW = 10_000;

export interface SearchParams {
  q: string;
  filters: Filters;
  /** Interface language: analysis of the query, titles, snippets, labels and URLs. */
  hl: Lang;
  /** As requested; undefined means the default (relevance with a query, date without). */
  sort: SortOrder | undefined;
  page: number;
  perPage: number;
  /** Search q as typed: no automatic spelling correction when it finds nothing ("search instead for"). */
  verbatim?: boolean;
}

/** The order actually applied. */
export function effectiveSort(params: Pick<SearchParams, 'q' | 'sort'>): SortOrder {
  return params.sort ?? (params.q.trim() ? 'relevance' : 'date');
}

export function emptyFilters(): Filters {
  return Object.fromEntries(FACETS.map((f) => [f, []])) as unknown as Filters;
}

const TERM = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** Format of the values of each facet, with the normalisation applied before checking. */
export const FACET_VALUE: Record<FacetName, { pattern: RegExp; normalize?: (v: string) => string; description: string }> = {
  type: { pattern: new RegExp(`^(${SEARCH_TYPES.join('|')})$`), description: `one of ${SEARCH_TYPES.join(', ')}` },
  country: { pattern: /^[A-Z]{3}$/, normalize: (v) => v.toUpperCase(), description: 'an ISO 3166-1 alpha-3 code, e.g. FRA' },
  region: { pattern: /^[0-9]{3}$/, description: 'a UN M49 region or sub-region code, e.g. 150' },
  instrument: { pattern: /^[a-z0-9][a-z0-9._-]{0,127}$/, description: 'an instrument identifier, e.g. untoc' },
  article: { pattern: /^[a-z0-9][a-z0-9._-]{0,127}:[0-9]+[a-z]?(bis|ter|quater)?$/, description: 'an instrument article, e.g. untoc:18' },
  crime: { pattern: TERM, description: 'a crime type code' },
  cooperation: { pattern: TERM, description: 'a cooperation type code' },
  issue: { pattern: TERM, description: 'a cross-cutting issue code' },
  measure: { pattern: TERM, description: 'a measure code' },
  year: { pattern: /^[0-9]{4}$/, description: 'a four-digit year' },
  lang: { pattern: /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, description: 'a BCP 47 language tag, e.g. fr' },
};

export type RawQuery = Record<string, unknown>;

function values(raw: unknown): unknown[] {
  if (raw === undefined || raw === null) return [];
  return Array.isArray(raw) ? raw : [raw];
}

function single(raw: unknown, field: string, issues: FieldIssue[]): string | undefined {
  const list = values(raw);
  if (!list.length) return undefined;
  if (list.length > 1) {
    issues.push({ field, message: 'must be given once' });
    return undefined;
  }
  const v = list[0];
  if (typeof v !== 'string' && typeof v !== 'number') {
    issues.push({ field, message: 'must be a string' });
    return undefined;
  }
  return String(v);
}

function integer(raw: string | undefined, field: string, min: number, max: number, fallback: number, issues: FieldIssue[]): number {
  if (raw === undefined || raw === '') return fallback;
  if (!/^[0-9]{1,9}$/.test(raw)) {
    issues.push({ field, message: 'must be a whole number' });
    return fallback;
  }
  const n = Number(raw);
  if (n < min || n > max) {
    issues.push({ field, message: `must be between ${min} and ${max}` });
    return fallback;
  }
  return n;
}

export type ParsedParams = { ok: true; value: SearchParams } | { ok: false; issues: FieldIssue[] };

/**
 * Validate raw query parameters (strings or arrays of strings, as parsed from a URL).
 * Every problem is reported with the name of the parameter.
 */
export function parseSearchParams(raw: RawQuery, options: { defaultLang?: Lang; ignore?: readonly string[]; fixedType?: EntryType } = {}): ParsedParams {
  const issues: FieldIssue[] = [];
  const known = new Set<string>(['q', 'hl', 'sort', 'page', 'per_page', 'verbatim', ...FACETS, ...(options.ignore ?? [])]);
  for (const key of Object.keys(raw)) if (!known.has(key)) issues.push({ field: key, message: 'is not a known parameter' });

  const q = single(raw.q, 'q', issues) ?? '';
  if (q.length > MAX_QUERY_LENGTH) issues.push({ field: 'q', message: `must be at most ${MAX_QUERY_LENGTH} characters` });

  const hlRaw = single(raw.hl, 'hl', issues);
  let hl: Lang = options.defaultLang ?? DEFAULT_LANG;
  if (hlRaw !== undefined && hlRaw !== '') {
    if (isLang(hlRaw)) hl = hlRaw;
    else issues.push({ field: 'hl', message: 'must be one of: ar, zh, en, fr, es, ru' });
  }

  const sortRaw = single(raw.sort, 'sort', issues);
  let sort: SortOrder | undefined;
  if (sortRaw === 'relevance' || sortRaw === 'date') sort = sortRaw;
  else if (sortRaw !== undefined && sortRaw !== '') issues.push({ field: 'sort', message: 'must be one of: relevance, date' });

  const perPage = integer(single(raw.per_page, 'per_page', issues), 'per_page', 1, MAX_PER_PAGE, DEFAULT_PER_PAGE, issues);
  const maxPage = Math.max(1, Math.floor(MAX_RESULT_WINDOW / perPage));
  const page = integer(single(raw.page, 'page', issues), 'page', 1, maxPage, 1, issues);

  const filters = emptyFilters();
  for (const facet of FACETS) {
    const rule = FACET_VALUE[facet];
    const list = values(raw[facet]);
    if (list.length > MAX_VALUES_PER_FACET) {
      issues.push({ field: facet, message: `at most ${MAX_VALUES_PER_FACET} values` });
      continue;
    }
    const seen = new Set<string>();
    list.forEach((v, i) => {
      const field = list.length > 1 ? `${facet}.${i}` : facet;
      if (typeof v !== 'string' && typeof v !== 'number') {
        issues.push({ field, message: 'must be a string' });
        return;
      }
      const s = String(v).trim();
      if (s === '') return; // an empty value (e.g. an unset <select>) means "no filter"
      const value = rule.normalize ? rule.normalize(s) : s;
      if (!rule.pattern.test(value)) issues.push({ field, message: `must be ${rule.description}` });
      else seen.add(value);
    });
    filters[facet] = [...seen].sort();
  }
  if (options.fixedType) filters.type = [options.fixedType];
  const verbatimRaw = single(raw.verbatim, 'verbatim', issues);
  if (verbatimRaw !== undefined && verbatimRaw !== '' && verbatimRaw !== '1' && verbatimRaw !== 'true') issues.push({ field: 'verbatim', message: 'must be 1 (search the query as typed) or absent' });
  if (issues.length) return { ok: false, issues };
  return { ok: true, value: { q, filters, hl, sort, page, perPage, ...(verbatimRaw === '1' || verbatimRaw === 'true' ? { verbatim: true } : {}) } };
}

/**
 * The canonical query parameters of a search, in a fixed order (q, facets in FACETS order with
 * sorted values, sort, page, per_page); defaults are left out. Without hl: pages carry the
 * language in their path; the API adds it.
 */
export function canonicalEntries(params: SearchParams, options: { omitType?: boolean; page?: number } = {}): [string, string][] {
  const out: [string, string][] = [];
  if (params.q.trim()) out.push(['q', params.q.trim()]);
  for (const facet of FACETS) {
    if (facet === 'type' && options.omitType) continue;
    for (const v of [...params.filters[facet]].sort()) out.push([facet, v]);
  }
  if (params.sort && params.sort !== effectiveSort({ q: params.q, sort: undefined })) out.push(['sort', params.sort]);
  const page = options.page ?? params.page;
  if (page > 1) out.push(['page', String(page)]);
  if (params.perPage !== DEFAULT_PER_PAGE) out.push(['per_page', String(params.perPage)]);
  if (params.verbatim) out.push(['verbatim', '1']);
  return out;
}

export function toQueryString(entries: readonly [string, string][]): string {
  const s = new URLSearchParams(entries as [string, string][]).toString();
  return s ? `?${s}` : '';
}

/** The active filters as {facet: values} (for logs and statistics). */
export function activeFilters(filters: Filters): Partial<Filters> {
  return Object.fromEntries(FACETS.filter((f) => filters[f].length).map((f) => [f, filters[f]]));
}
