/**
 * Writing the live (published) authorities: the row and its search vectors from a canonical document,
 * the reference sets documents are checked against, and the documents as read back (with their
 * verification and dates).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { LANGS } from '../../platform/i18n/languages.js';
import { translator } from '../../platform/i18n/messages.js';
import { contentHash, loadReferenceSets } from '../knowledge/index.js';
import { listCountries, listTerms, type Country } from '../reference/index.js';
import { visibilityOf, type DirectoryRefs } from './domain/checks.js';
import { FUNCTION_BASIS, instrumentOf, type FunctionCode } from './domain/functions.js';
import type { AuthorityDocument } from './domain/schema.js';
import { normalizeSearchText, searchTexts } from './domain/search-text.js';
import { functionMessages } from './functions.messages.js';
import { upsertAuthorities, type AuthorityRowInput, type LiveAuthority } from './repository.js';

export async function loadDirectoryRefs(db: Kysely<DB>): Promise<DirectoryRefs> {
  const [sets, measures] = await Promise.all([loadReferenceSets(db), listTerms(db, 'measure')]);
  return { countries: sets.countries, articles: sets.articles, measures: new Set(measures.map((m) => m.code)) };
}

const labelCache = new Map<string, string[]>();
/** A function's label in the six languages (for the search text). */
export function functionLabels(code: string): string[] {
  let l = labelCache.get(code);
  if (!l) {
    l = LANGS.map((lang) => translator(functionMessages, lang)(code as FunctionCode));
    labelCache.set(code, l);
  }
  return l;
}

/** The content of a document that the workflow and the content hash see (no dates, no verification). */
export function contentOf(doc: AuthorityDocument): AuthorityDocument {
  const { verified: _v, created_at: _c, updated_at: _u, ...content } = doc;
  return content;
}

export function authorityHash(doc: AuthorityDocument): string {
  return contentHash(contentOf(doc));
}

export interface WriteLiveOptions {
  origin: 'import' | 'demo' | 'editor';
  demo: boolean;
  verified?: { on: string | null; by: string | null; userId: string | null };
}

/** The row of a checked document: its filter columns and search texts. */
function rowOf(doc: AuthorityDocument, options: WriteLiveOptions, countries: Country[]): AuthorityRowInput {
  const content = { ...contentOf(doc), ...(options.demo ? { demo: true } : {}) };
  if (!options.demo) delete content.demo;
  const country = countries.find((c) => c.iso3 === doc.country);
  const countryNames = country ? Object.values(country.names) : [];
  const texts = searchTexts(content, functionLabels, countryNames);
  const articles = content.functions.flatMap((f) => (f.articles?.length ? f.articles : FUNCTION_BASIS[f.code].articles));
  const sortName = (content.names.en ?? Object.values(content.names)[0] ?? content.id).toLocaleLowerCase('en');
  return {
    id: content.id,
    country: content.country,
    document: content,
    name_sort: sortName.slice(0, 500),
    names_text: normalizeSearchText(Object.values(content.names).join(' | ')),
    functions: content.functions.map((f) => f.code),
    instruments: [...new Set(articles.map(instrumentOf))],
    languages: content.languages ?? [],
    languages_public: visibilityOf(content, 'languages') === 'public' ? (content.languages ?? []) : [],
    electronic: content.electronic_requests ?? null,
    electronic_public: visibilityOf(content, 'electronic_requests') === 'public' ? (content.electronic_requests ?? null) : null,
    texts,
    demo: options.demo,
    origin: options.origin,
    content_hash: authorityHash(content),
    ...(options.verified ? { verified: options.verified } : {}),
  };
}

/**
 * Write checked documents as live authorities (insert or replace), with their filter columns and
 * search vectors, in multi-row statements (bulk import, demo seed).
 */
export async function writeLiveMany(db: Kysely<DB>, items: readonly { doc: AuthorityDocument; options: WriteLiveOptions }[]): Promise<void> {
  if (!items.length) return;
  const countries = await listCountries(db);
  await upsertAuthorities(db, items.map((i) => rowOf(i.doc, i.options, countries)));
}

/** Write one checked document as the live authority (insert or replace). */
export async function writeLive(db: Kysely<DB>, doc: AuthorityDocument, options: WriteLiveOptions): Promise<void> {
  await writeLiveMany(db, [{ doc, options }]);
}

/** The full document of a live authority as stored, with its verification and dates. */
export function documentOf(row: LiveAuthority): AuthorityDocument {
  return {
    ...row.document,
    ...(row.verified_on ? { verified: { on: row.verified_on, ...(row.verified_by ? { by: row.verified_by } : {}) } } : {}),
    created_at: new Date(row.created_at).toISOString(),
    updated_at: new Date(row.updated_at).toISOString(),
  };
}

/** Has the entry gone more than a year without verification? */
export function isStale(verifiedOn: string | null | undefined, today: Date = new Date()): boolean {
  if (!verifiedOn) return true;
  const limit = new Date(today.getTime() - 365 * 86_400_000).toISOString().slice(0, 10);
  return verifiedOn < limit;
}
