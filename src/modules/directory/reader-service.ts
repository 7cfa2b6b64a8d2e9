/**
 * What the directory's reading pages show, behind thin routes: an authority with the laws it cites
 * and the workflow steps its editors may take, and the lookup (audited when it returns
 * practitioners-only fields). Queries are checked against their schemas (forms.ts).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { ValidationError, type FieldIssue } from '../../platform/http/errors.js';
import { pickLocalized } from '../../platform/i18n/languages.js';
import { type AuditContext } from '../audit/index.js';
import { entryPath, lawPath, getLawSummaries, resolveId, loadEntryDocuments } from '../knowledge/index.js';
import { history } from '../workflow/index.js';
import { authorityAdapter, AUTHORITY_PART } from './adapter.js';
import { AuthorityPageQuery, LookupDate, LookupForm, parseForm } from './forms.js';
import { getAuthority, lookupAuthorityAudited, type AuthorityDetail, type LookupResult } from './service.js';

export interface LawLink {
  id: string;
  path: string;
  title: string;
  lang?: string;
}

/** Links (with titles) to the laws and legislation extracts an authority cites; unknown ids are left out. */
export async function lawLinks(db: Kysely<DB>, ids: readonly string[]): Promise<LawLink[]> {
  if (!ids.length) return [];
  const kinds = await Promise.all(ids.map((id) => resolveId(db, id)));
  const lawIds = ids.filter((_, i) => kinds[i] === 'law');
  const entryIds = ids.filter((_, i) => kinds[i] === 'legislation');
  const [laws, entries] = await Promise.all([getLawSummaries(db, lawIds), loadEntryDocuments(db, entryIds, { publishedOnly: true })]);
  return ids.flatMap((id): LawLink[] => {
    const law = laws.find((l) => l.id === id);
    if (law) {
      const title = pickLocalized(law.titles, 'en');
      return [{ id, path: lawPath(id), title: title?.text ?? law.citation ?? id, ...(title ? { lang: title.lang } : {}) }];
    }
    const entry = entries.find((e) => e.id === id);
    if (entry) {
      const title = pickLocalized(Object.fromEntries(Object.entries(entry.texts).map(([l, v]) => [l, v.title])), 'en');
      return [{ id, path: entryPath('legislation', id), title: title?.text ?? id, ...(title ? { lang: title.lang } : {}) }];
    }
    return [];
  });
}

/** An authority's page: the authority as the reader may see it, its laws, the steps its editors may take on its open revision. */
export async function authorityPage(db: Kysely<DB>, ctx: AuditContext, id: string, query: unknown): Promise<{ a: AuthorityDetail; laws: LawLink[]; transitions: string[]; done?: string }> {
  const { done } = parseForm(AuthorityPageQuery, query);
  const a = await getAuthority(db, ctx.actor, id);
  const laws = await lawLinks(db, a.doc.laws ?? []);
  let transitions: string[] = [];
  const open = a.workflow?.open;
  if (open) {
    const items = await history(db, ctx, authorityAdapter, id, AUTHORITY_PART);
    transitions = items.find((i) => i.revision.id === open.id)?.actions ?? [];
  }
  return { a, laws, transitions, ...(done ? { done } : {}) };
}

export interface LookupPageData {
  /** The requesting State (optional; the legal basis is shown when given). */
  from?: string;
  /** The day the legal basis is told for (YYYY-MM-DD), when given. */
  on?: string;
  state?: string;
  request?: string;
  result?: LookupResult;
  issues: FieldIssue[];
}

/** The lookup page: the form alone, an answer, or the issues of the query (400). */
export async function lookupPage(db: Kysely<DB>, ctx: AuditContext, query: unknown): Promise<LookupPageData> {
  const q = parseForm(LookupForm, query);
  const base = { ...(q.state ? { state: q.state } : {}), ...(q.request ? { request: q.request } : {}), ...(q.from ? { from: q.from } : {}), ...(q.on ? { on: q.on } : {}) };
  try {
    parseForm(LookupDate, { on: q.on ?? '' });
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    return { ...base, issues: [{ field: 'on', message: `"${(q.on ?? '').slice(0, 40)}" is not a date YYYY-MM-DD` }] };
  }
  if (!q.state && !q.request) return { issues: [] };
  try {
    return { ...base, result: await lookupAuthorityAudited(db, ctx, q), issues: [] };
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    return { ...base, issues: err.issues ?? [] };
  }
}
