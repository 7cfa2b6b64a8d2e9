/**
 * Export of an authority's own cases as canonical records (JSON Lines with the hash-chained history,
 * or CSV without it), streamed page by page; every exported case is logged as 'export' in
 * case_access_log in the transaction that read it.
 */
import { stringify } from 'csv-stringify/sync';
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import { ForbiddenError } from '../../../platform/http/errors.js';
import { assertAllowed, assertAllowedSomewhere, type Actor } from '../../access/index.js';
import type { CaseRecord, HistoryEventRecord } from '../domain/record.js';
import { recordOfRows } from '../domain/record-rows.js';
import { withCaseScope } from '../repository/scope.js';
import { exportHeader, recordToRow } from '../import/csv-columns.js';
import { logExport, selectCasePage, selectGroupSizes, type ExportedCase } from './repository.js';

export type ExportFormat = 'jsonl' | 'csv';
const PAGE = 500;

export interface ExportOptions {
  authorityId: string;
  format: ExportFormat;
  actor: Actor;
}

function withHistory(c: ExportedCase): CaseRecord {
  const record = recordOfRows(c);
  const history: HistoryEventRecord[] = c.events.map((e) => ({
    seq: e.seq,
    at: e.at,
    actor_id: e.actorId,
    actor_name: e.actorName,
    acting_authority_id: e.actingAuthorityId,
    type: e.type,
    data: e.data,
    prev_hash: e.prevHash,
    hash: e.hash,
  }));
  return { ...record, history };
}

/** Check the permission (API): the actor must be a supervisor of the authority. */
export function assertMayExport(actor: Actor, authorityId: string): void {
  assertAllowedSomewhere(actor, 'casework.export');
  try {
    assertAllowed(actor, 'casework.export', { authorityId });
  } catch (err) {
    if (err instanceof ForbiddenError) throw new ForbiddenError('You may not export the cases of this authority');
    throw err;
  }
}

/** The authority's cases as records, page by page (each page read and logged in one transaction). */
export async function* exportRecords(db: Kysely<DB>, options: Omit<ExportOptions, 'format'> & { history?: boolean }): AsyncGenerator<CaseRecord> {
  let after: string | null = null;
  for (;;) {
    const page: ExportedCase[] = await withCaseScope(db, [options.authorityId], async (trx) => {
      const rows = await selectCasePage(trx, options.authorityId, after, PAGE, options.history !== false);
      await logExport(
        trx,
        rows.map((r) => r.case.id),
        options.actor.userId,
        options.authorityId,
      );
      return rows;
    });
    if (!page.length) return;
    for (const c of page) yield options.history === false ? recordOfRows(c) : withHistory(c);
    after = page[page.length - 1]!.case.id;
    if (page.length < PAGE) return;
  }
}

/** The export file as text chunks: one JSON object per line, or a CSV with a header. */
export async function* exportText(db: Kysely<DB>, options: ExportOptions): AsyncGenerator<string> {
  if (options.format === 'jsonl') {
    for await (const r of exportRecords(db, options)) yield `${JSON.stringify(r)}\n`;
    return;
  }
  const sizes = await withCaseScope(db, [options.authorityId], (trx) => selectGroupSizes(trx, options.authorityId));
  yield stringify([exportHeader(sizes.persons, sizes.executions, sizes.deadlines)]);
  for await (const r of exportRecords(db, { ...options, history: false })) yield stringify([recordToRow(r, sizes.persons, sizes.executions, sizes.deadlines)]);
}
