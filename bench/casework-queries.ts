/**
 * What the casework bench measures, as SQL equivalent to what the services need. HOOKS: when the
 * worklist (repository/worklist.ts), case page (service.ts), statistics (statistics/) and transition
 * services are merged, replace each function below by a call to the service with a supervisor actor
 * of the authority; the bench (casework.bench.ts) calls only these four functions.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../src/platform/db/schema.js';
import { withCaseScope } from '../src/modules/casework/repository/scope.js';
import { appendEvent, listEvents } from '../src/modules/casework/repository/history.js';
import { verifyChain } from '../src/modules/casework/domain/history.js';
import type { CaseState } from '../src/modules/casework/domain/vocabulary.js';

const FINISHED: CaseState[] = ['closed', 'refused', 'withdrawn', 'lapsed'];

/** Worklist: the authority's open cases by state and date, one page of 50, with the counts per state. */
export async function worklist(db: Kysely<DB>, authorityId: string, page = 0) {
  return withCaseScope(db, [authorityId], async (trx) => {
    const rows = await trx
      .selectFrom('casework_cases')
      .select(['id', 'reference', 'title', 'kind', 'direction', 'state', 'state_since', 'partner_country', 'urgency', 'partner_deadline', 'assigned_to'])
      .where('authority_id', '=', authorityId)
      .where('state', 'not in', FINISHED)
      .orderBy('state_since')
      .orderBy('id')
      .limit(50)
      .offset(page * 50)
      .execute();
    const counts = await sql<{ state: string; n: number }>`SELECT state, count(*)::int AS n FROM casework_cases WHERE authority_id = ${authorityId} AND state <> ALL (${FINISHED}) GROUP BY state`.execute(trx);
    const overdue = await sql<{ n: number }>`SELECT count(*)::int AS n FROM case_deadlines d JOIN casework_cases c ON c.id = d.case_id WHERE c.authority_id = ${authorityId} AND d.met_on IS NULL AND d.due_on < current_date`.execute(trx);
    return { rows, counts: counts.rows, overdue: overdue.rows[0]!.n };
  });
}

/** Case page: the case, its persons, legal bases, tracks, deadlines and the last 100 events. */
export async function casePage(db: Kysely<DB>, authorityId: string, caseId: string) {
  return withCaseScope(db, [authorityId], async (trx) => {
    const c = await trx.selectFrom('casework_cases').selectAll().where('id', '=', caseId).executeTakeFirstOrThrow();
    const [persons, bases, executions, deadlines, events] = await Promise.all([
      trx.selectFrom('case_persons').selectAll().where('case_id', '=', caseId).execute(),
      trx.selectFrom('case_legal_bases').selectAll().where('case_id', '=', caseId).execute(),
      trx.selectFrom('case_executions').selectAll().where('case_id', '=', caseId).execute(),
      trx.selectFrom('case_deadlines').selectAll().where('case_id', '=', caseId).execute(),
      trx.selectFrom('case_events').selectAll().where('case_id', '=', caseId).orderBy('seq', 'desc').limit(100).execute(),
    ]);
    return { c, persons, bases, executions, deadlines, events };
  });
}

/** Statistics of the authority: by year, direction, kind and outcome, with median and p90 processing days. */
export async function statistics(db: Kysely<DB>, authorityId: string) {
  return withCaseScope(db, [authorityId], async (trx) => {
    const byKind = await sql`
      SELECT extract(year FROM coalesce(received_on, sent_on))::int AS year, direction, kind, coalesce(outcome, 'open') AS outcome, count(*)::int AS n,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY executed_on - coalesce(received_on, sent_on)) AS median_days,
             percentile_cont(0.9) WITHIN GROUP (ORDER BY executed_on - coalesce(received_on, sent_on)) AS p90_days
      FROM casework_cases WHERE authority_id = ${authorityId} GROUP BY 1, 2, 3, 4`.execute(trx);
    const byPartner = await sql`SELECT partner_country, direction, count(*)::int AS n FROM casework_cases WHERE authority_id = ${authorityId} GROUP BY 1, 2`.execute(trx);
    const untoc = await sql`SELECT count(DISTINCT b.case_id)::int AS n FROM case_legal_bases b JOIN casework_cases c ON c.id = b.case_id WHERE c.authority_id = ${authorityId} AND b.basis = 'untoc'`.execute(trx);
    return { byKind: byKind.rows, byPartner: byPartner.rows, untoc: untoc.rows };
  });
}

/** One transition: lock the case, change its state (version checked), append the event. */
export async function transition(db: Kysely<DB>, authorityId: string, caseId: string, to: string) {
  await withCaseScope(db, [authorityId], async (trx) => {
    const c = await trx.selectFrom('casework_cases').select(['state', 'version']).where('id', '=', caseId).forUpdate().executeTakeFirstOrThrow();
    await trx.updateTable('casework_cases').set({ state: to as never, state_since: new Date(), version: c.version + 1, updated_at: new Date() }).where('id', '=', caseId).where('version', '=', c.version).execute();
    await appendEvent(trx, { caseId, type: 'transition', data: { from: c.state, to }, actorId: null, actorName: 'bench', actingAuthorityId: authorityId });
  });
}

/** Verify the chains of these cases; returns the events checked. */
export async function verifyCases(db: Kysely<DB>, authorityId: string, caseIds: readonly string[]): Promise<number> {
  return withCaseScope(db, [authorityId], async (trx) => {
    let events = 0;
    for (const id of caseIds) {
      const head = await trx.selectFrom('casework_cases').select(['history_seq', 'history_head']).where('id', '=', id).executeTakeFirstOrThrow();
      const v = verifyChain(await listEvents(trx, id), { seq: head.history_seq, head: head.history_head });
      if (!v.ok) throw new Error(`chain of ${id} broken: ${JSON.stringify(v.problem)}`);
      events += v.events;
    }
    return events;
  });
}
