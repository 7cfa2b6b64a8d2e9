/**
 * Import of existing cases for one authority (JSON Lines or CSV): all or nothing per file. The file is
 * read as a stream; valid records are written in batches inside one scoped transaction, which is
 * rolled back at the end if any line had a problem (or for a dry run). Every problem names its line
 * and field; up to MAX_ERRORS are reported. Each case gets an 'imported' event carrying the record's
 * content hash, and one 'execution_forwarded' event per executing authority's track.
 */
import crypto from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import { ForbiddenError, type FieldIssue, ValidationError } from '../../../platform/http/errors.js';
import { assertAllowed, assertAllowedSomewhere, type Actor } from '../../access/index.js';
import { getAuthority } from '../../directory/index.js';
import { isRequestable, listCountries, listTerms } from '../../reference/index.js';
import { parseCaseRecord, recordHash, type CaseRecord, type RecordRefs } from '../domain/record.js';
import { rowsOfRecord } from '../domain/record-rows.js';
import type { Direction } from '../domain/vocabulary.js';
import { appendEvent } from '../repository/history.js';
import { withCaseScope } from '../repository/scope.js';
import { highestNumbers } from './counters.js';
import { existingReferences, insertCaseRows, raiseCounters, selectSettings } from './repository.js';
import { fieldForFormat, sourceItems, type ImportFormat } from './sources.js';

export const MAX_ERRORS = 100;
const BATCH = 200;
const DEFAULT_PATTERNS = { incoming: 'MLI/{YYYY}/{NNNNN}', outgoing: 'MLO/{YYYY}/{NNNNN}' };

export interface ImportOptions {
  authorityId: string;
  format: ImportFormat;
  dryRun?: boolean;
  /** Who imports: recorded on the events. */
  actor: Actor;
}

export interface ImportReport {
  authorityId: string;
  format: ImportFormat;
  dryRun: boolean;
  /** Cases in the file that passed every check. */
  cases: number;
  /** Whether the cases were written (no error and not a dry run). */
  written: boolean;
  /** Problems with their line and field (at most MAX_ERRORS). */
  errors: FieldIssue[];
  /** More problems than shown. */
  truncated: boolean;
  /** Reference counters moved past the imported numbers. */
  counters: { direction: Direction; year: number; number: number }[];
}

/** Country codes and the measure and crime terms, for checking records. */
export async function recordRefs(db: Kysely<DB>): Promise<RecordRefs> {
  const [countries, measures, crimes] = await Promise.all([listCountries(db), listTerms(db, 'measure'), listTerms(db, 'crime')]);
  return { countries: new Set(countries.map((c) => c.iso3)), partners: new Set(countries.filter(isRequestable).map((c) => c.iso3)), measures: new Set(measures.map((t) => t.code)), crimes: new Set(crimes.map((t) => t.code)) };
}

/** The authority's country: its casework settings, else the directory. */
export async function authorityCountry(db: Kysely<DB>, actor: Actor, authorityId: string): Promise<string> {
  const settings = await withCaseScope(db, [authorityId], (trx) => selectSettings(trx, authorityId));
  if (settings) return settings.country;
  try {
    return (await getAuthority(db, actor, authorityId)).doc.country;
  } catch {
    throw new ValidationError([{ field: 'authority', message: `is not an authority of the directory (${authorityId})` }]);
  }
}

class RollBack extends Error {}

/** Import as a signed-in supervisor of the authority (API): permission first. */
export async function importCasesAs(db: Kysely<DB>, actor: Actor, chunks: AsyncIterable<Uint8Array | string>, options: Omit<ImportOptions, 'actor'>): Promise<ImportReport> {
  assertAllowedSomewhere(actor, 'casework.import');
  try {
    assertAllowed(actor, 'casework.import', { authorityId: options.authorityId });
  } catch (err) {
    if (err instanceof ForbiddenError) throw new ForbiddenError('You may not import cases for this authority');
    throw err;
  }
  return importCases(db, chunks, { ...options, actor });
}

/**
 * Import a file for an authority. The caller has checked the permission (importCasesAs) or is the
 * command line, which acts for the authority it names.
 */
export async function importCases(db: Kysely<DB>, chunks: AsyncIterable<Uint8Array | string>, options: ImportOptions): Promise<ImportReport> {
  const { authorityId, format } = options;
  const country = await authorityCountry(db, options.actor, authorityId);
  const refs = await recordRefs(db);
  const errors: FieldIssue[] = [];
  let truncated = false;
  const fail = (line: number, field: string, message: string) => {
    if (errors.length >= MAX_ERRORS) truncated = true;
    else errors.push({ line, field: fieldForFormat(format, field), message });
  };
  const report: ImportReport = { authorityId, format, dryRun: !!options.dryRun, cases: 0, written: false, errors, truncated: false, counters: [] };
  const linesOfReference = new Map<string, number>();
  const seenRefs: { direction: CaseRecord['direction']; reference?: string }[] = [];
  const now = new Date();

  const writeBatch = async (trx: Transaction<DB>, batch: { line: number; record: CaseRecord }[]) => {
    const refsInBatch = batch.flatMap((b) => (b.record.reference ? [b.record.reference] : []));
    const taken = await existingReferences(trx, authorityId, refsInBatch);
    const ok = batch.filter((b) => {
      if (b.record.reference && taken.has(b.record.reference)) {
        fail(b.line, 'reference', `is already used by a case of the authority (${b.record.reference})`);
        return false;
      }
      return true;
    });
    if (errors.length) return; // nothing more is written: the transaction will be rolled back
    const rows = ok.map((b) => rowsOfRecord(b.record, { caseId: crypto.randomUUID(), authorityId, country, executionIds: (b.record.executions ?? []).map(() => crypto.randomUUID()), now: now.toISOString() }));
    await insertCaseRows(trx, rows);
    const actor = { actorId: options.actor.userId, actorName: options.actor.name, actingAuthorityId: authorityId, at: now };
    for (const [i, b] of ok.entries()) {
      const r = rows[i]!;
      const source = b.record.history?.length ? { source_id: b.record.id, source_head: b.record.history[b.record.history.length - 1]!.hash } : {};
      await appendEvent(trx, { ...actor, caseId: r.case.id, type: 'imported', data: { content_hash: recordHash(b.record), reference: b.record.reference ?? null, format, line: b.line, ...source } });
      for (const e of r.executions) {
        await appendEvent(trx, { ...actor, caseId: r.case.id, type: 'execution_forwarded', data: { execution_id: e.id, executing_authority_id: e.executing_authority_id, executing_name: e.executing_name, state: e.state, forwarded_on: e.forwarded_on } });
      }
    }
  };

  try {
    await withCaseScope(db, [authorityId], async (trx) => {
      let batch: { line: number; record: CaseRecord }[] = [];
      for await (const item of sourceItems(format, chunks)) {
        if ('issues' in item) {
          for (const i of item.issues) fail(item.line, i.field, i.message);
          continue;
        }
        const parsed = parseCaseRecord(item.value, refs);
        if (!parsed.ok) {
          for (const i of parsed.issues) fail(item.line, i.field, i.message);
          continue;
        }
        const ref = parsed.record.reference;
        if (ref) {
          const first = linesOfReference.get(ref);
          if (first !== undefined) {
            fail(item.line, 'reference', `is also the reference of line ${first} (${ref})`);
            continue;
          }
          linesOfReference.set(ref, item.line);
        }
        report.cases++;
        seenRefs.push({ direction: parsed.record.direction, reference: ref });
        batch.push({ line: item.line, record: parsed.record });
        if (batch.length >= BATCH) {
          await writeBatch(trx, batch);
          batch = [];
        }
      }
      if (batch.length) await writeBatch(trx, batch);
      if (!report.cases && !errors.length) fail(1, '(file)', 'holds no case');
      if (errors.length || options.dryRun) throw new RollBack();
      const settings = await selectSettings(trx, authorityId);
      report.counters = highestNumbers({ incoming: settings?.incoming_pattern ?? DEFAULT_PATTERNS.incoming, outgoing: settings?.outgoing_pattern ?? DEFAULT_PATTERNS.outgoing }, seenRefs);
      await raiseCounters(trx, authorityId, report.counters);
      report.written = true;
    });
  } catch (err) {
    if (!(err instanceof RollBack)) throw err;
  }
  report.truncated = truncated;
  if (!report.written) report.counters = [];
  return report;
}
