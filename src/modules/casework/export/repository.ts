/** SQL of the export: the authority's own cases page by page, with their rows and history; the access log. */
import { sql, type Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import type { StoredEvent } from '../domain/history.js';
import type { StoredCase } from '../domain/record-rows.js';

const CASE_COLUMNS = [
  'id', 'reference', 'direction', 'kind', 'state', 'state_since', 'partner_country', 'partner_authority_id', 'partner_authority_name', 'partner_reference', 'title', 'summary', 'measures', 'crime_types', 'offence_text',
  'proceeding_authority', 'proceeding_number', 'urgency', 'urgency_reason', 'confidential', 'partner_deadline', 'languages', 'translation_required', 'channel', 'received_on', 'sent_on', 'executed_on', 'closed_on', 'postponed_until',
  'outcome', 'refusal_grounds',
] as const;

export interface ExportedCase extends StoredCase {
  events: (StoredEvent & { actorName: string | null })[];
}

/** One page of the authority's own cases (by id, after `after`), with everything of theirs. */
export async function selectCasePage(trx: Transaction<DB>, authorityId: string, after: string | null, limit: number, withHistory: boolean): Promise<ExportedCase[]> {
  let q = trx.selectFrom('casework_cases').select([...CASE_COLUMNS]).where('authority_id', '=', authorityId).orderBy('id').limit(limit);
  if (after) q = q.where('id', '>', after);
  const cases = await q.execute();
  if (!cases.length) return [];
  const ids = cases.map((c) => c.id);
  const [persons, bases, executions, deadlines, events] = await Promise.all([
    trx.selectFrom('case_persons').select(['case_id', 'role', 'family_name', 'given_names', 'birth_date', 'nationalities', 'identity_documents', 'note']).where('case_id', 'in', ids).orderBy('created_at').orderBy('id').execute(),
    trx.selectFrom('case_legal_bases').select(['case_id', 'basis', 'instrument_id', 'article', 'note']).where('case_id', 'in', ids).orderBy('position').execute(),
    trx
      .selectFrom('case_executions')
      .select(['id', 'case_id', 'executing_authority_id', 'executing_name', 'body_kind', 'state', 'state_since', 'their_reference', 'measures', 'forwarded_on', 'due_on', 'last_news_on', 'note'])
      .where('case_id', 'in', ids)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
    trx.selectFrom('case_deadlines').select(['case_id', 'execution_id', 'kind', 'label', 'due_on', 'met_on']).where('case_id', 'in', ids).orderBy('due_on').orderBy('kind').orderBy('label').orderBy('id').execute(),
    withHistory
      ? trx.selectFrom('case_events').select(['id', 'case_id', 'seq', 'at', 'actor_id', 'actor_name', 'acting_authority_id', 'type', 'data', 'prev_hash', 'hash']).where('case_id', 'in', ids).orderBy('case_id').orderBy('seq').execute()
      : Promise.resolve([]),
  ]);
  const group = <T extends { case_id: string }>(rows: T[]) => {
    const m = new Map<string, T[]>();
    for (const r of rows) (m.get(r.case_id) ?? m.set(r.case_id, []).get(r.case_id)!).push(r);
    return m;
  };
  const [p, b, x, d, e] = [group(persons), group(bases), group(executions), group(deadlines), group(events)];
  return cases.map((c) => ({
    case: c as StoredCase['case'],
    persons: p.get(c.id) ?? [],
    legalBases: b.get(c.id) ?? [],
    executions: x.get(c.id) ?? [],
    deadlines: d.get(c.id) ?? [],
    events: (e.get(c.id) ?? []).map((r) => ({
      id: r.id,
      caseId: r.case_id,
      seq: r.seq,
      at: new Date(r.at).toISOString(),
      actorId: r.actor_id,
      actorName: r.actor_name,
      actingAuthorityId: r.acting_authority_id,
      type: r.type,
      data: r.data,
      prevHash: r.prev_hash,
      hash: r.hash,
    })),
  }));
}

/** Most persons, tracks and deadlines one case of the authority has (the CSV header). */
export async function selectGroupSizes(trx: Transaction<DB>, authorityId: string): Promise<{ persons: number; executions: number; deadlines: number }> {
  const r = await sql<{ persons: number; executions: number; deadlines: number }>`
    SELECT coalesce((SELECT max(n) FROM (SELECT count(*)::int AS n FROM case_persons p JOIN casework_cases c ON c.id = p.case_id WHERE c.authority_id = ${authorityId} GROUP BY p.case_id) s), 0) AS persons,
           coalesce((SELECT max(n) FROM (SELECT count(*)::int AS n FROM case_executions x JOIN casework_cases c ON c.id = x.case_id WHERE c.authority_id = ${authorityId} GROUP BY x.case_id) s), 0) AS executions,
           coalesce((SELECT max(n) FROM (SELECT count(*)::int AS n FROM case_deadlines d JOIN casework_cases c ON c.id = d.case_id WHERE c.authority_id = ${authorityId} GROUP BY d.case_id) s), 0) AS deadlines`.execute(trx);
  return r.rows[0] ?? { persons: 0, executions: 0, deadlines: 0 };
}

/** Log the export of these cases (case_access_log, action 'export'). */
export async function logExport(trx: Transaction<DB>, caseIds: readonly string[], userId: string | null, authorityId: string): Promise<void> {
  if (!caseIds.length) return;
  await trx.insertInto('case_access_log').values(caseIds.map((id) => ({ case_id: id, user_id: userId, acting_authority_id: authorityId, action: 'export' as const }))).execute();
}
