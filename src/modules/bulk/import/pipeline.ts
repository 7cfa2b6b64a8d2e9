/**
 * The import of one file, all or nothing, in three passes over the source:
 *   1. scan   — syntax and schema of every record, duplicate ids, which ids the file defines;
 *   2. check  — rules and references (checkRecords) in batches, knowing every id of the file;
 *   3. write  — only if passes 1–2 found nothing: saveRecords in batches inside ONE transaction.
 * Nothing but ids and small indexes is kept in memory between passes.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import { inTransaction } from '../../../platform/db/batch.js';
import type { FieldIssue } from '../../../platform/http/errors.js';
import { parseRecord, parseArticleRef, type ReferenceSets, type EntryDocument, type KnowledgeRecord, type RecordType, checkRecords, loadReferenceSets } from '../../knowledge/index.js';
import { IssueList, type LineIssue } from '../domain/report.js';
import type { ImportItem, ImportSource } from './source.js';
import { ImportWriter, loadTreaties, mergePatch, type PatchItem } from './writer.js';

export interface PipelineOptions {
  dryRun?: boolean;
  /** Records per checkRecords / saveRecords call (default 500). */
  batchSize?: number;
  /** Issues kept for the report (all are counted). */
  keepIssues?: number;
  onProgress?: (progress: { pass: 'scan' | 'check' | 'write'; records: number }) => void;
}

export interface PipelineResult {
  outcome: 'succeeded' | 'invalid' | 'failed';
  dryRun: boolean;
  records: number;
  created: number;
  updated: number;
  unchanged: number;
  issues: LineIssue[];
  issueCount: number;
  warnings: LineIssue[];
  /** Why a write failed (outcome "failed"). */
  failure?: string;
}

type RecordItem = Extract<ImportItem, { kind: 'record' }>;

function locate(item: RecordItem | PatchItem, issue: FieldIssue): LineIssue {
  const where = item.locate ? item.locate(issue.field) : { line: item.line, field: issue.field };
  return { line: where.line, field: where.field, message: issue.message };
}

const keyOf = (r: KnowledgeRecord) => `${r.type === 'law' ? 'law' : 'entry'}:${r.id}`;

/** Ids the file references, by key ("law:x", "entry:y"). */
function referencesOf(r: KnowledgeRecord): string[] {
  if (r.type === 'law') return [];
  const refs = (r.articles ?? []).map((a) => `entry:${parseArticleRef(a).treatyId}`);
  if (r.type === 'legislation') refs.push(`law:${r.law_id}`);
  if (r.type === 'treaty' && r.parent_id) refs.push(`entry:${r.parent_id}`);
  return refs;
}

interface Scan {
  records: number;
  /** First line of each key ("law:x", "entry:y", "patch:parties:z"). */
  seen: Map<string, number>;
  pending: Map<string, RecordType>;
  fileArticles: Set<string>;
  /** Keys referenced before the line that defines them. */
  referencedEarly: Set<string>;
  treatyParents: Map<string, { parent: string; item: RecordItem }>;
  /** Ordinals of items that failed in pass 1 (skipped afterwards). */
  bad: Set<number>;
}

async function scan(source: ImportSource, issues: IssueList, options: PipelineOptions): Promise<Scan> {
  const s: Scan = { records: 0, seen: new Map(), pending: new Map(), fileArticles: new Set(), referencedEarly: new Set(), treatyParents: new Map(), bad: new Set() };
  let ordinal = -1;
  for await (const item of source.items()) {
    ordinal++;
    if (item.kind === 'error') {
      for (const i of item.issues) issues.add(i);
      continue;
    }
    if (item.kind === 'patch') {
      s.records += item.value.length;
      const key = `patch:${item.field}:${item.treatyId}`;
      const first = s.seen.get(key);
      if (first !== undefined) {
        issues.add({ line: item.line, field: 'treaty_id', message: `rows of treaty "${item.treatyId}" must be next to each other: it already appeared on line ${first}` });
        s.bad.add(ordinal);
      } else s.seen.set(key, item.line);
      continue;
    }
    s.records++;
    if (s.records % (options.batchSize ?? 500) === 0) options.onProgress?.({ pass: 'scan', records: s.records });
    const parsed = parseRecord(item.value);
    if (!parsed.ok) {
      for (const i of parsed.issues) issues.add(locate(item, i));
      s.bad.add(ordinal);
      continue;
    }
    const record = parsed.value;
    const key = keyOf(record);
    const first = s.seen.get(key);
    if (first !== undefined) {
      issues.add(locate(item, { field: 'id', message: `"${record.id}" is defined twice: also on line ${first}` }));
      s.bad.add(ordinal);
      continue;
    }
    s.seen.set(key, item.line);
    if (!s.pending.has(record.id)) s.pending.set(record.id, record.type);
    for (const ref of referencesOf(record)) if (!s.seen.has(ref)) s.referencedEarly.add(ref);
    if (record.type === 'treaty') {
      for (const p of record.provisions ?? []) s.fileArticles.add(`${record.id}:${p.number}`);
      if (record.parent_id) s.treatyParents.set(record.id, { parent: record.parent_id, item });
    }
  }
  // Treaties of the file whose parents form a cycle can never be written.
  for (const [id, { item }] of s.treatyParents) {
    const chain = [id];
    for (let p = s.treatyParents.get(id)?.parent; p !== undefined && chain.length <= s.treatyParents.size; p = s.treatyParents.get(p)?.parent) {
      chain.push(p);
      if (p === id) {
        issues.add(locate(item, { field: 'parent_id', message: `treaties refer to each other as parents: ${chain.join(' → ')}` }));
        break;
      }
    }
  }
  return s;
}

/** Pass 2: rules and references of every record that passed pass 1. */
async function check(db: Kysely<DB>, source: ImportSource, s: Scan, refs: ReferenceSets, issues: IssueList, options: PipelineOptions): Promise<void> {
  const size = options.batchSize ?? 500;
  let records: { record: KnowledgeRecord; item: RecordItem }[] = [];
  let patches: PatchItem[] = [];
  let done = 0;
  const flush = async () => {
    const list = records;
    records = [];
    if (!list.length) return;
    const problems = await checkRecords(db, list.map((x) => x.record), { refs, pending: s.pending });
    for (const [index, found] of problems) for (const i of found) issues.add(locate(list[index]!.item, i));
    done += list.length;
    options.onProgress?.({ pass: 'check', records: done });
  };
  const flushPatches = async () => {
    const list = patches;
    patches = [];
    if (!list.length) return;
    const treaties = await loadTreaties(db, list.map((p) => p.treatyId));
    const merged: { record: KnowledgeRecord; item: PatchItem }[] = [];
    for (const p of list) {
      const treaty = treaties.get(p.treatyId);
      if (!treaty) {
        issues.add({ line: p.line, field: 'treaty_id', message: `unknown treaty "${p.treatyId}" (import the treaty first)` });
        continue;
      }
      const parsed = parseRecord(mergePatch(treaty, p));
      if (!parsed.ok) for (const i of parsed.issues) issues.add(locate(p, i));
      else merged.push({ record: parsed.value, item: p });
    }
    const problems = await checkRecords(db, merged.map((m) => m.record), { refs });
    for (const [index, found] of problems) for (const i of found) issues.add(locate(merged[index]!.item, i));
  };

  let ordinal = -1;
  for await (const item of source.items()) {
    ordinal++;
    if (item.kind === 'error' || s.bad.has(ordinal)) continue;
    if (item.kind === 'patch') {
      patches.push(item);
      if (patches.length >= Math.max(1, Math.floor(size / 20))) await flushPatches();
      continue;
    }
    const parsed = parseRecord(item.value);
    if (!parsed.ok) continue;
    records.push({ record: parsed.value, item });
    if (records.length >= size) await flush();
  }
  await flush();
  await flushPatches();
}

/** Pass 3: write everything in one transaction, in an order the foreign keys accept. */
async function write(db: Kysely<DB>, source: ImportSource, s: Scan, refs: ReferenceSets, options: PipelineOptions) {
  const forward = [...s.referencedEarly].some((key) => s.seen.has(key));
  const inFile = (treatyId: string) => s.seen.has(`entry:${treatyId}`);
  return inTransaction(db, async (trx) => {
    const writer = new ImportWriter(trx, refs, {
      size: options.batchSize ?? 500,
      inFile,
      // CSV cannot carry law attachments: a CSV law keeps the attachment it has.
      keepAttachments: source.format === 'csv',
      progress: (n) => options.onProgress?.({ pass: 'write', records: n }),
    });
    // A file whose references all point backwards is written in one pass; otherwise laws first,
    // then treaties (parents before their protocols), then everything else.
    const phases: ((r: KnowledgeRecord | undefined) => boolean)[] = forward
      ? [(r) => r?.type === 'law', (r) => r?.type === 'treaty', (r) => r === undefined || (r.type !== 'law' && r.type !== 'treaty')]
      : [() => true];
    for (const wanted of phases) {
      let ordinal = -1;
      for await (const item of source.items()) {
        ordinal++;
        if (item.kind === 'error' || s.bad.has(ordinal)) continue;
        if (item.kind === 'patch') {
          if (wanted(undefined)) await writer.addPatch(item);
          continue;
        }
        const parsed = parseRecord(item.value);
        if (parsed.ok && wanted(parsed.value)) await writer.add(parsed.value as KnowledgeRecord | EntryDocument);
      }
      await writer.finishPhase();
    }
    return writer.counts;
  });
}

export async function runPipeline(db: Kysely<DB>, source: ImportSource, options: PipelineOptions = {}): Promise<PipelineResult> {
  const issues = new IssueList(options.keepIssues ?? 1000);
  const dryRun = options.dryRun ?? false;
  const s = await scan(source, issues, options);
  const warnings = [...(source.warnings?.() ?? [])];
  if (!issues.count && !s.records) warnings.push({ line: 1, field: '(file)', message: 'contains no records' });
  const base = { dryRun, records: s.records, created: 0, updated: 0, unchanged: 0, warnings };
  const refs = await loadReferenceSets(db);
  const withFileArticles: ReferenceSets = { ...refs, articles: s.fileArticles.size ? new Set([...refs.articles, ...s.fileArticles]) : refs.articles };
  await check(db, source, s, withFileArticles, issues, options);
  if (issues.count) return { ...base, outcome: 'invalid', issues: issues.list(), issueCount: issues.count };
  if (dryRun) return { ...base, outcome: 'succeeded', issues: [], issueCount: 0 };
  try {
    const counts = await write(db, source, s, withFileArticles, options);
    return { ...base, ...counts, outcome: 'succeeded', issues: [], issueCount: 0 };
  } catch (err) {
    return { ...base, outcome: 'failed', issues: [], issueCount: 0, failure: err instanceof Error ? err.message : String(err) };
  }
}
