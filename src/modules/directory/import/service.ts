/**
 * Import of authorities from JSON Lines or CSV, all or nothing. Every line is checked first (schema,
 * references, permission for the record's State); one problem anywhere and nothing is written, and
 * every problem is reported with its line and field. Then, in one transaction:
 *  - administrators (and the command line): records are published at once (they are the source of
 *    record, e.g. the UNODC directory); identical records are left as they are;
 *  - focal points: each record becomes a draft of the workflow, reviewed and published by another
 *    focal point of the State (four eyes).
 * Reuses the bulk module's line reader (JSON Lines) and UTF-8 decoder (CSV).
 */
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type { Kysely } from 'kysely';
import { chunks, inTransaction } from '../../../platform/db/batch.js';
import type { DB } from '../../../platform/db/schema.js';
import { AppError, ValidationError, type FieldIssue } from '../../../platform/http/errors.js';
import { allow, assertAllowed } from '../../access/index.js';
import { recordAudit, type AuditContext } from '../../audit/index.js';
import { decodeUtf8, Utf8Error, jsonlSource } from '../../bulk/index.js';
import { unknownLaws } from '../adapter.js';
import { checkAuthority } from '../domain/checks.js';
import { parseCsvHeader, rowToDocument } from '../domain/csv.js';
import type { AuthorityDocument } from '../domain/schema.js';
import { saveAuthorityDraft } from '../editing.js';
import { authorityHash, loadDirectoryRefs, writeLiveMany } from '../live.js';
import { analyzeAuthorities, selectContentHashes } from '../repository.js';

export type ImportFormat = 'jsonl' | 'csv';

export interface ImportResult {
  mode: 'published' | 'drafts';
  read: number;
  created: number;
  updated: number;
  unchanged: number;
  drafts: number;
  dryRun: boolean;
}

interface Candidate {
  line: number;
  value: unknown;
}

const MAX_ISSUES = 1000;
/** Authorities written (and audited) per multi-row statement. */
const WRITE_BATCH = 500;

async function* csvCandidates(open: () => AsyncIterable<Uint8Array>, issues: FieldIssue[]): AsyncGenerator<Candidate> {
  const parser = parse({ relax_column_count: true, skip_empty_lines: true, info: true, max_record_size: 8 * 1024 * 1024 });
  const input = Readable.from(decodeUtf8(open()));
  input.on('error', (err) => parser.destroy(err));
  input.pipe(parser);
  let columns: ReturnType<typeof parseCsvHeader>['columns'] | undefined;
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const newlines = item.record.reduce((n, c) => n + (c.match(/\n/g)?.length ?? 0), 0);
      const line = item.info.lines - newlines;
      if (!columns) {
        const header = parseCsvHeader(item.record.map((c, i) => (i === 0 ? c.replace(/^\uFEFF/, '') : c)));
        if (header.issues.length) {
          issues.push(...header.issues.map((i) => ({ ...i, line })));
          return;
        }
        columns = header.columns;
        continue;
      }
      if (item.record.every((c) => !c.trim())) continue;
      const { value, issues: cellIssues } = rowToDocument(columns, item.record);
      if (cellIssues.length) issues.push(...cellIssues.map((i) => ({ ...i, line })));
      else yield { line, value };
    }
  } catch (err) {
    if (err instanceof Utf8Error) issues.push({ line: err.line, field: '(file)', message: err.message });
    else issues.push({ line: Number((err as { lines?: number }).lines ?? 1), field: '(csv)', message: (err as Error).message });
  } finally {
    input.destroy();
    parser.destroy();
  }
}

async function* jsonlCandidates(open: () => AsyncIterable<Uint8Array>, issues: FieldIssue[]): AsyncGenerator<Candidate> {
  for await (const item of jsonlSource(open, { maxLineBytes: 8 * 1024 * 1024 }).items()) {
    if (item.kind === 'error') issues.push(...item.issues);
    else if (item.kind === 'record') yield { line: item.line, value: item.value };
  }
}

/** Import a file of authorities (see the module comment). Throws ValidationError listing every problem by line. */
export async function importAuthorities(
  db: Kysely<DB>,
  ctx: AuditContext,
  format: ImportFormat,
  open: () => AsyncIterable<Uint8Array>,
  options: { dryRun?: boolean } = {},
): Promise<ImportResult> {
  const admin = allow(ctx.actor, 'directory.import', {});
  if (!admin) {
    const countries = ctx.actor.grants.filter((g) => g.role === 'focal_point').map((g) => g.country);
    if (!countries.length) assertAllowed(ctx.actor, 'directory.import', {});
  }
  const refs = await loadDirectoryRefs(db);
  const issues: FieldIssue[] = [];
  const docs: { line: number; doc: AuthorityDocument }[] = [];
  const seen = new Map<string, number>();
  for await (const c of format === 'csv' ? csvCandidates(open, issues) : jsonlCandidates(open, issues)) {
    const checked = checkAuthority(c.value, refs);
    if (!checked.ok) {
      issues.push(...checked.issues.map((i) => ({ ...i, line: c.line })));
      continue;
    }
    const doc = checked.doc;
    if (seen.has(doc.id)) issues.push({ line: c.line, field: 'id', message: `${doc.id} is also on line ${seen.get(doc.id)}` });
    seen.set(doc.id, c.line);
    if (!admin && !allow(ctx.actor, 'directory.import', { country: doc.country })) issues.push({ line: c.line, field: 'country', message: `you may import authorities of your own State only, not ${doc.country}` });
    for (const i of await unknownLaws(db, doc)) issues.push({ ...i, line: c.line });
    docs.push({ line: c.line, doc });
    if (issues.length >= MAX_ISSUES) break;
  }
  const existing = await selectContentHashes(db, docs.map((d) => d.doc.id));
  for (const { line, doc } of docs) {
    const e = existing.get(doc.id);
    if (e && e.country !== doc.country) issues.push({ line, field: 'country', message: `${doc.id} belongs to ${e.country}; an authority cannot move to another State` });
  }
  if (!docs.length && !issues.length) issues.push({ line: 1, field: '(file)', message: 'holds no authority' });
  if (issues.length) throw new ValidationError(issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)).slice(0, MAX_ISSUES));

  const result: ImportResult = { mode: admin ? 'published' : 'drafts', read: docs.length, created: 0, updated: 0, unchanged: 0, drafts: 0, dryRun: !!options.dryRun };
  if (options.dryRun) return result;
  await inTransaction(db, async (trx) => {
    if (!admin) {
      for (const { line, doc } of docs) {
        try {
          await saveAuthorityDraft(trx, ctx, doc.id, doc, 'Imported from a file');
        } catch (err) {
          if (err instanceof AppError) throw new ValidationError([{ line, field: err.issues?.[0]?.field ?? 'id', message: err.issues?.[0]?.message ?? err.message }]);
          throw err;
        }
        result.drafts++;
      }
      return;
    }
    const changed = docs.filter(({ doc }) => {
      const e = existing.get(doc.id);
      return !(e && e.hash === authorityHash(doc) && e.state === 'published');
    });
    result.unchanged = docs.length - changed.length;
    // Multi-row statements: a few hundred authorities and their audit events per round trip.
    for (const part of chunks(changed, WRITE_BATCH)) {
      await writeLiveMany(
        trx,
        part.map(({ doc }) => ({ doc, options: { origin: 'import' as const, demo: !!doc.demo, ...(doc.verified ? { verified: { on: doc.verified.on, by: doc.verified.by ?? null, userId: null } } : {}) } })),
      );
      await recordAudit(
        trx,
        ctx,
        ...part.map(({ line, doc }) => ({ action: 'directory.import', targetType: 'authority', targetId: doc.id, changes: { outcome: existing.has(doc.id) ? 'updated' : 'created', line } })),
      );
      for (const { doc } of part) {
        if (existing.has(doc.id)) result.updated++;
        else result.created++;
      }
    }
  });
  if (result.created || result.updated) await analyzeAuthorities(db);
  return result;
}
