/** The worklist: parse and check the query (400 naming the parameter), then list and count in the scope. */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { ValidationError, type FieldIssue } from '../../platform/http/errors.js';
import type { Actor } from '../access/index.js';
import { CASE_KINDS, CASE_STATES, DIRECTIONS } from './domain/vocabulary.js';
import { countViews, selectWorklist, WORKLIST_SORTS, WORKLIST_VIEWS, type WorklistContext, type WorklistFilter, type WorklistRow, type WorklistView } from './repository/worklist.js';
import { withCaseScope } from './repository/scope.js';
import { selectCoveredIn } from './repository/deadlines.js';
import { authoritiesFor, today } from './service-context.js';
import { listCountries } from '../reference/index.js';

export { WORKLIST_VIEWS, WORKLIST_SORTS } from './repository/worklist.js';
export type { WorklistView, WorklistRow } from './repository/worklist.js';

export const PAGE_SIZE = 50;

/** Read a worklist query (strings from a URL) into a filter; unknown values are named. */
export function parseWorklistQuery(query: Record<string, unknown>): WorklistFilter {
  const issues: FieldIssue[] = [];
  const str = (k: string): string | undefined => {
    const v = query[k];
    const s = Array.isArray(v) ? v[0] : v;
    return typeof s === 'string' && s.trim() !== '' ? s.trim() : undefined;
  };
  const oneOf = <T extends string>(k: string, values: readonly T[]): T | undefined => {
    const v = str(k);
    if (v === undefined) return undefined;
    if ((values as readonly string[]).includes(v)) return v as T;
    issues.push({ field: k, message: `must be one of: ${values.join(', ')}` });
    return undefined;
  };
  const view = oneOf('view', WORKLIST_VIEWS) ?? 'all';
  const sort = oneOf('sort', WORKLIST_SORTS) ?? 'updated';
  const direction = oneOf('direction', DIRECTIONS);
  const kind = oneOf('kind', CASE_KINDS);
  const state = oneOf('state', CASE_STATES);
  const partnerCountry = str('partner_country')?.toUpperCase();
  if (partnerCountry && !/^[A-Z]{3}$/.test(partnerCountry)) issues.push({ field: 'partner_country', message: 'must be an ISO alpha-3 code' });
  const q = str('q');
  if (q && (q.length > 200 || q.includes('\u0000'))) issues.push({ field: 'q', message: 'must be at most 200 characters of text' });
  const pageText = str('page') ?? '1';
  const page = /^\d{1,6}$/.test(pageText) ? Number(pageText) : NaN;
  if (!(page >= 1)) issues.push({ field: 'page', message: 'must be a whole number from 1' });
  if (issues.length) throw new ValidationError(issues);
  return { view, sort, direction, kind, state, partnerCountry, q, page, pageSize: PAGE_SIZE };
}

function context(actor: Actor, authorities: string[]): WorklistContext {
  const now = new Date();
  const week = new Date(now.getTime() + 7 * 86_400_000);
  return { authorities, userId: actor.userId, today: today(), weekEnd: week.toISOString().slice(0, 10) };
}

/** A deputy's "mine" includes, during the absence, the cases of the officers they cover (settings-service addDeputy). */
async function addCovering(trx: Transaction<DB>, ctx: WorklistContext): Promise<void> {
  if (ctx.userId) ctx.covering = await selectCoveredIn(trx, ctx.authorities, ctx.userId, ctx.today);
}

export interface Worklist {
  filter: WorklistFilter;
  total: number;
  pages: number;
  rows: WorklistRow[];
  counts: Record<WorklistView, number>;
}

/** The actor's worklist (403 without casework.read anywhere). */
export async function listWorklist(db: Kysely<DB>, actor: Actor, query: Record<string, unknown>): Promise<Worklist> {
  const authorities = authoritiesFor(actor, 'casework.read');
  const filter = parseWorklistQuery(query);
  if (filter.q && filter.q.length >= 3) {
    const needle = filter.q.toLocaleLowerCase();
    filter.qCountries = (await listCountries(db)).filter((c) => Object.values(c.names).some((n) => typeof n === 'string' && n.toLocaleLowerCase().includes(needle))).map((c) => c.iso3);
  }
  const ctx = context(actor, authorities);
  return withCaseScope(db, authorities, async (trx) => {
    await addCovering(trx, ctx);
    const counts = await countViews(trx, filter, ctx);
    // The view's count (with the filters) is its total: the list need not count again.
    const { total, rows } = await selectWorklist(trx, filter, ctx, counts[filter.view]);
    return { filter, total, pages: Math.max(1, Math.ceil(total / filter.pageSize)), rows, counts };
  });
}

/** Only the counts per view (for a badge or a dashboard). */
export async function worklistCounts(db: Kysely<DB>, actor: Actor): Promise<Record<WorklistView, number>> {
  const authorities = authoritiesFor(actor, 'casework.read');
  const filter = parseWorklistQuery({});
  const ctx = context(actor, authorities);
  return withCaseScope(db, authorities, async (trx) => {
    await addCovering(trx, ctx);
    return countViews(trx, filter, ctx);
  });
}
