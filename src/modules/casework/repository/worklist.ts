/**
 * SQL of the worklist: the views (mine, team, due this week, overdue, awaiting the partner, awaiting
 * an executing authority, forwarded to us), their counts, filters, search and sort. Runs in the
 * caller's scoped transaction: row-level security applies on top of the authority conditions.
 */
import { sql, type Expression, type ExpressionBuilder, type RawBuilder, type SqlBool, type Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';

export const WORKLIST_VIEWS = ['all', 'mine', 'team', 'due_week', 'overdue', 'awaiting_partner', 'awaiting_executing', 'forwarded_to_us', 'closed'] as const;
export type WorklistView = (typeof WORKLIST_VIEWS)[number];
export const WORKLIST_SORTS = ['updated', 'state_since', 'reference', 'due'] as const;
export type WorklistSort = (typeof WORKLIST_SORTS)[number];

/** States in which a case needs nothing more from anyone (kept out of the working views). Migration 0080's index of open cases has this list, in this order, as its predicate. */
export const ENDED_STATES = ['closed', 'refused', 'withdrawn', 'lapsed'] as const;

export interface WorklistFilter {
  view: WorklistView;
  direction?: 'incoming' | 'outgoing';
  kind?: string;
  state?: string;
  partnerCountry?: string;
  q?: string;
  /** Partner States whose name (in any language) contains q. */
  qCountries?: readonly string[];
  sort: WorklistSort;
  page: number;
  pageSize: number;
}

export interface WorklistContext {
  /** Authorities whose own cases the reader works on. */
  authorities: readonly string[];
  userId: string | null;
  /** Officers whose cases the reader covers today as their deputy (per authority): their cases are in "mine" too. */
  covering?: readonly { authorityId: string; userId: string }[];
  today: string;
  weekEnd: string;
}

type EB = ExpressionBuilder<DB, 'casework_cases'>;

const arr = (xs: readonly string[]) => sql<string[]>`${sql.val([...xs])}::text[]`;
const like = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function openDeadline(eb: EB, cond: (eb: ExpressionBuilder<DB, 'case_deadlines'>) => Expression<SqlBool>) {
  return eb.exists(eb.selectFrom('case_deadlines').select(sql`1`.as('x')).whereRef('case_deadlines.case_id', '=', 'casework_cases.id').where('met_on', 'is', null).where(cond));
}

/** Assigned to the reader, or to an officer the reader covers as deputy in that officer's authority. */
function mineCondition(eb: EB, ctx: WorklistContext): Expression<SqlBool> {
  if (!ctx.userId) return sql<SqlBool>`false`;
  const covered = (ctx.covering ?? []).map((c) => eb.and([eb('authority_id', '=', c.authorityId), eb('assigned_to', '=', c.userId)]));
  return eb.or([eb('assigned_to', '=', ctx.userId), ...covered]);
}

function viewCondition(eb: EB, view: WorklistView, ctx: WorklistContext): Expression<SqlBool> {
  const own = eb('authority_id', 'in', ctx.authorities.length ? [...ctx.authorities] : ['']);
  const open = eb('state', 'not in', [...ENDED_STATES]);
  switch (view) {
    case 'all':
      return own;
    case 'mine':
      return eb.and([own, open, mineCondition(eb, ctx)]);
    case 'team':
      return eb.and([own, open]);
    case 'due_week':
      return eb.and([own, open, openDeadline(eb, (d) => d.and([d('due_on', '>=', ctx.today), d('due_on', '<=', ctx.weekEnd)]))]);
    case 'overdue':
      return eb.and([own, open, openDeadline(eb, (d) => d('due_on', '<', ctx.today))]);
    case 'awaiting_partner':
      return eb.and([own, eb('direction', '=', 'outgoing'), eb('state', 'in', ['sent', 'acknowledged', 'additional_info_requested'])]);
    case 'awaiting_executing':
      return eb.and([own, eb('direction', '=', 'incoming'), eb('state', '=', 'forwarded')]);
    case 'forwarded_to_us':
      return eb.and([eb.not(own), sql<SqlBool>`casework_cases.executing_authority_ids && ${arr(ctx.authorities)}`]);
    case 'closed':
      return eb.and([own, eb('state', 'in', [...ENDED_STATES])]);
  }
}

/**
 * The cases a search finds: references (ours, the partner's, an executing authority's), title,
 * offences as written, partner authority, persons' names (trigram indexes), partner State (code, or
 * a name in any language). Looked up by casework_search_ids (migration 0088), which applies the
 * scope's visibility itself so that the trigram indexes can serve ILIKE (not leakproof: never an
 * index condition under row-level security). The view is joined to these ids (a semi-join) under
 * row-level security: nothing reads every case of the authority.
 */
function searchIds(q: string, qCountries: readonly string[]) {
  return sql<{ id: string }>`SELECT s.id FROM casework_search_ids(${like(q)}, ${arr([q.toUpperCase(), ...qCountries])}) AS s`;
}

/** The counts' statement looks the search up once, as this common table expression, for its four parts. */
const FOUND = 'worklist_found';

/** The filters; `inFound`: the search's ids are the statement's FOUND expression (countViews). */
function filterCondition(eb: EB, f: Omit<WorklistFilter, 'view'>, inFound = false): Expression<SqlBool> {
  const parts: Expression<SqlBool>[] = [];
  if (f.direction) parts.push(eb('casework_cases.direction', '=', f.direction));
  if (f.kind) parts.push(eb('casework_cases.kind', '=', f.kind as never));
  if (f.state) parts.push(eb('casework_cases.state', '=', f.state as never));
  if (f.partnerCountry) parts.push(eb('casework_cases.partner_country', '=', f.partnerCountry));
  const q = f.q?.trim();
  if (q) parts.push(sql<SqlBool>`casework_cases.id IN (${inFound ? sql`SELECT id FROM ${sql.table(FOUND)}` : searchIds(q, f.qCountries ?? [])})`);
  return eb.and(parts);
}

export interface WorklistRow {
  id: string;
  authority_id: string;
  reference: string | null;
  direction: 'incoming' | 'outgoing';
  kind: string;
  state: string;
  title: string;
  partner_country: string;
  partner_reference: string | null;
  urgency: string;
  assigned_to: string | null;
  state_since: Date;
  updated_at: Date;
  next_due: string | null;
  version: number;
}

/** One page of a view; `knownTotal` is the view's count when the caller has it already (countViews, with the same filters). */
export async function selectWorklist(trx: Transaction<DB>, f: WorklistFilter, ctx: WorklistContext, knownTotal?: number): Promise<{ total: number; rows: WorklistRow[] }> {
  const base = trx.selectFrom('casework_cases').where((eb) => eb.and([viewCondition(eb, f.view, ctx), filterCondition(eb, f)]));
  const total = knownTotal ?? Number((await base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  const nextDue = sql<string | null>`(SELECT to_char(min(d.due_on), 'YYYY-MM-DD') FROM case_deadlines d WHERE d.case_id = casework_cases.id AND d.met_on IS NULL)`;
  let q = base.select([
    'id',
    'authority_id',
    'reference',
    'direction',
    'kind',
    'state',
    'title',
    'partner_country',
    'partner_reference',
    'urgency',
    'assigned_to',
    'state_since',
    'updated_at',
    'version',
    nextDue.as('next_due'),
  ]);
  switch (f.sort) {
    case 'updated':
      q = q.orderBy('updated_at', 'desc');
      break;
    case 'state_since':
      q = q.orderBy('state_since', 'asc');
      break;
    case 'reference':
      q = q.orderBy(sql`reference IS NULL`).orderBy('reference', 'asc');
      break;
    case 'due':
      q = q.orderBy(sql`${nextDue} IS NULL`).orderBy(nextDue);
      break;
  }
  const rows = await q.orderBy('id').limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute();
  return { total, rows: rows as WorklistRow[] };
}

/**
 * How many cases each view holds; the filters and search apply to the counts too. Four narrow
 * one-row parts in one statement instead of one pass over every case of the authorities (migrations
 * 0080 and 0088): the open cases on the partial index of open cases, all cases on the authority's
 * index (closed = all - open: a state is ended or open), both index-only with the filter columns;
 * the deadlines of open cases through that index and the deadlines' case index; the cases forwarded
 * to us through the GIN index of executing authorities. A search joins each part to the ids it
 * finds through the trigram indexes (searchIds), looked up once for the four as the FOUND expression.
 */
export async function countViews(trx: Transaction<DB>, f: Omit<WorklistFilter, 'view'>, ctx: WorklistContext): Promise<Record<WorklistView, number>> {
  const own = ctx.authorities.length ? [...ctx.authorities] : [''];
  const ended = [...ENDED_STATES];
  const n = (x: unknown) => Number(x ?? 0);
  const deadline = (cond: RawBuilder<unknown>) => sql<SqlBool>`EXISTS (SELECT 1 FROM case_deadlines d WHERE d.case_id = casework_cases.id AND d.met_on IS NULL AND ${cond})`;
  const q = f.q?.trim();
  const cases = () => trx.selectFrom('casework_cases').where((eb) => filterCondition(eb, f, Boolean(q)));
  const row = await (q ? trx.with(FOUND, () => sql`(${searchIds(q, f.qCountries ?? [])})`) : trx)
    .selectFrom([
      // Open cases: the views that are subsets of them.
      cases()
        .where('authority_id', 'in', own)
        .where('state', 'not in', ended)
        .select((eb) => [
          eb.fn.countAll<string>().as('team'),
          sql<string>`count(*) FILTER (WHERE ${mineCondition(eb, ctx)})`.as('mine'),
          sql<string>`count(*) FILTER (WHERE direction = 'outgoing' AND state IN ('sent', 'acknowledged', 'additional_info_requested'))`.as('awaiting_partner'),
          sql<string>`count(*) FILTER (WHERE direction = 'incoming' AND state = 'forwarded')`.as('awaiting_executing'),
        ])
        .as('o'),
      // Every case of the authorities; the ended ones are all but the open ones.
      cases()
        .where('authority_id', 'in', own)
        .select((eb) => eb.fn.countAll<string>().as('all'))
        .as('a'),
      // Open cases with an open deadline up to the end of the week: overdue ones, and those due this week.
      cases()
        .where('authority_id', 'in', own)
        .where('state', 'not in', ended)
        .where(deadline(sql`d.due_on <= ${ctx.weekEnd}`))
        .select([
          sql<string>`count(*) FILTER (WHERE ${deadline(sql`d.due_on < ${ctx.today}`)})`.as('overdue'),
          sql<string>`count(*) FILTER (WHERE ${deadline(sql`d.due_on >= ${ctx.today} AND d.due_on <= ${ctx.weekEnd}`)})`.as('due_week'),
        ])
        .as('d'),
      // Cases of other authorities forwarded to ours for execution (GIN index).
      cases()
        .where(sql<SqlBool>`executing_authority_ids && ${arr(ctx.authorities)}`)
        .where('authority_id', 'not in', own)
        .select((eb) => eb.fn.countAll<string>().as('forwarded_to_us'))
        .as('f'),
    ])
    .selectAll()
    .executeTakeFirstOrThrow();
  return {
    all: n(row.all),
    mine: n(row.mine),
    team: n(row.team),
    due_week: n(row.due_week),
    overdue: n(row.overdue),
    awaiting_partner: n(row.awaiting_partner),
    awaiting_executing: n(row.awaiting_executing),
    forwarded_to_us: n(row.forwarded_to_us),
    closed: n(row.all) - n(row.team),
  };
}
