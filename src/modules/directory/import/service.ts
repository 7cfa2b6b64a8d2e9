/**
 * Import of authorities from JSON Lines or CSV, all or nothing. Every line is checked first (schema,
 * references, permission for the record's State); one problem anywhere and nothing is written, and
 * every problem is reported with its line and field (a record for a State the importer may not act
 * for is also audited as a refused directory.import). Then, in one transaction, every change keeps
 * its revision (history with a readable diff):
 *  - the command line (whoever controls the installation, e.g. loading the UNODC directory): records
 *    are published at once, each as a published revision; identical records are left as they are;
 *  - administrators on the web: each changed record is submitted for review (in review), published
 *    by a focal point of its State — never by the importer (four eyes);
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
import { allow, assertAllowed, scopeOf } from '../../access/index.js';
import { recordAudit, type AuditContext } from '../../audit/index.js';
import { decodeUtf8, Utf8Error, jsonlSource } from '../../bulk/index.js';
import { unknownLaws } from '../adapter.js';
import { checkAuthority } from '../domain/checks.js';
import { parseCsvHeader, rowToDocument } from '../domain/csv.js';
import type { AuthorityDocument } from '../domain/schema.js';
import { recordPublishedMany, saveDraft, subjectsWithOpenRevision, transition, type WorkflowAdapter } from '../../workflow/index.js';
import { AUTHORITY_PART, authorityAdapter } from '../adapter.js';
import { saveAuthorityDraft } from '../editing.js';
import { auditRefusal } from '../refusals.js';
import { authorityHash, contentOf, loadDirectoryRefs, writeLiveMany } from '../live.js';
import { analyzeAuthorities, selectAuthorities, selectContentHashes } from '../repository.js';

export type ImportFormat = 'jsonl' | 'csv';

/** The workflow as an importer acts in it: creating and submitting changes needs directory.import (for the record's State). */
const importAdapter: WorkflowAdapter = { ...authorityAdapter, actions: { ...authorityAdapter.actions, create: 'directory.import', edit: 'directory.import' } };

export interface ImportResult {
  /** published: the command line; review: submitted for review (administrators); drafts: focal points. */
  mode: 'published' | 'review' | 'drafts';
  read: number;
  created: number;
  updated: number;
  unchanged: number;
  drafts: number;
  /** Changes submitted for review (mode review). */
  submitted: number;
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

async function refuse(db: Kysely<DB>, ctx: AuditContext, countries: Set<string>): Promise<void> {
  if (countries.size) await auditRefusal(db, ctx, { action: 'directory.import', targetType: 'directory', details: { countries: [...countries].sort().slice(0, 50) } }, 'records for a State the importer may not act for');
}

/** The content a revision holds: no dates, verification or demo mark (as the workflow adapter keeps it). */
function draftContent(doc: AuthorityDocument): AuthorityDocument {
  const { demo: _demo, ...content } = contentOf(doc);
  return content;
}

function lineError(line: number, err: unknown): never {
  if (err instanceof AppError) throw new ValidationError([{ line, field: err.issues?.[0]?.field ?? 'id', message: err.issues?.[0]?.message ?? err.message }]);
  throw err;
}

/** Import a file of authorities (see the module comment). Throws ValidationError listing every problem by line. */
export async function importAuthorities(
  db: Kysely<DB>,
  ctx: AuditContext,
  format: ImportFormat,
  open: () => AsyncIterable<Uint8Array>,
  options: { dryRun?: boolean } = {},
): Promise<ImportResult> {
  const scope = scopeOf(ctx.actor, 'directory.import');
  if (!scope.some) assertAllowed(ctx.actor, 'directory.import', {});
  const mode: ImportResult['mode'] = ctx.actor.via === 'cli' ? 'published' : scope.all ? 'review' : 'drafts';
  const refs = await loadDirectoryRefs(db);
  const issues: FieldIssue[] = [];
  const docs: { line: number; doc: AuthorityDocument }[] = [];
  const seen = new Map<string, number>();
  const refused = new Set<string>();
  for await (const c of format === 'csv' ? csvCandidates(open, issues) : jsonlCandidates(open, issues)) {
    const checked = checkAuthority(c.value, refs);
    if (!checked.ok) {
      issues.push(...checked.issues.map((i) => ({ ...i, line: c.line })));
      continue;
    }
    const doc = checked.doc;
    if (seen.has(doc.id)) issues.push({ line: c.line, field: 'id', message: `${doc.id} is also on line ${seen.get(doc.id)}` });
    seen.set(doc.id, c.line);
    if (!allow(ctx.actor, 'directory.import', { country: doc.country, authorityId: doc.id })) {
      refused.add(doc.country);
      issues.push({ line: c.line, field: 'country', message: `you may import authorities of your own State only, not ${doc.country}` });
    }
    for (const i of await unknownLaws(db, doc)) issues.push({ ...i, line: c.line });
    docs.push({ line: c.line, doc });
    if (issues.length >= MAX_ISSUES) break;
  }
  const existing = await selectContentHashes(db, docs.map((d) => d.doc.id));
  for (const { line, doc } of docs) {
    const e = existing.get(doc.id);
    if (e && e.country !== doc.country) issues.push({ line, field: 'country', message: `${doc.id} belongs to ${e.country}; an authority cannot move to another State` });
  }
  const changed = docs.filter(({ doc }) => {
    const e = existing.get(doc.id);
    return !(e && e.hash === authorityHash(doc) && e.state === 'published');
  });
  if (mode === 'review') {
    const inProgress = await subjectsWithOpenRevision(db, 'authority', changed.map(({ doc }) => doc.id));
    for (const { line, doc } of changed) if (inProgress.has(doc.id)) issues.push({ line, field: 'id', message: `${doc.id} has a change in progress (a draft or a review): it must be published or discarded first` });
  }
  if (!docs.length && !issues.length) issues.push({ line: 1, field: '(file)', message: 'holds no authority' });
  if (issues.length) {
    await refuse(db, ctx, refused);
    throw new ValidationError(issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)).slice(0, MAX_ISSUES));
  }

  const result: ImportResult = { mode, read: docs.length, created: 0, updated: 0, unchanged: 0, drafts: 0, submitted: 0, dryRun: !!options.dryRun };
  if (options.dryRun) return result;
  await inTransaction(db, async (trx) => {
    if (mode === 'drafts') {
      for (const { line, doc } of docs) {
        await saveAuthorityDraft(trx, ctx, doc.id, doc, 'Imported from a file').catch((err: unknown) => lineError(line, err));
        result.drafts++;
      }
      return;
    }
    result.unchanged = docs.length - changed.length;
    if (mode === 'review') {
      // Four eyes: the importer submits; a focal point of the State reviews and publishes.
      for (const { line, doc } of changed) {
        const rev = await saveDraft(trx, ctx, importAdapter, { subjectId: doc.id, part: AUTHORITY_PART, document: doc, note: 'Imported from a file' }).catch((err: unknown) => lineError(line, err));
        await transition(trx, ctx, importAdapter, rev.id, 'submit').catch((err: unknown) => lineError(line, err));
        result.submitted++;
      }
      return;
    }
    // The command line: published at once, each change kept as a published revision (multi-row
    // statements: a few hundred authorities, their revisions and audit events per round trip).
    for (const part of chunks(changed, WRITE_BATCH)) {
      const before = new Map((await selectAuthorities(trx, part.filter((p) => existing.has(p.doc.id)).map((p) => p.doc.id), { publishedOnly: false })).map((r) => [r.id, contentOf(r.document)]));
      await recordPublishedMany(trx, ctx, authorityAdapter, AUTHORITY_PART, part.map(({ doc }) => ({ subjectId: doc.id, document: draftContent(doc), ...(before.has(doc.id) ? { previous: before.get(doc.id) } : {}) })), 'Imported from a file (command line)');
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
