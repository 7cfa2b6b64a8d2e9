/** Import a file of knowledge content (JSON Lines, CSV, Akoma Ntoso), all or nothing, and record the run. */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import { ValidationError } from '../../../platform/http/errors.js';
import { listCountries } from '../../reference/index.js';
import { CSV_TYPES, isCsvType, type CsvType } from '../domain/csv-columns.js';
import { analyzeTables, finishImportRun, insertImportRun } from '../repository.js';
import { aknSource } from './akn.js';
import { csvSource } from './csv.js';
import { jsonlSource } from './jsonl.js';
import { runPipeline, type PipelineOptions, type PipelineResult } from './pipeline.js';
import { keepAlive, thisProcess } from './runs.js';
import { fileChunks, hashFile, type ImportFormat, type ImportSource } from './source.js';

export const IMPORT_FORMATS: readonly ImportFormat[] = ['jsonl', 'csv', 'akn'];

export interface ImportOptions extends PipelineOptions {
  format?: ImportFormat;
  /** CSV: the record type of the file (otherwise taken from the file name, e.g. cases.csv). Akoma Ntoso: law or case, checked against the document. */
  type?: CsvType;
  /** Longest line of a JSON Lines file / record of a CSV file (tests use small values). */
  maxLineBytes?: number;
}

export interface ImportReport extends PipelineResult {
  runId: number;
  file: string;
  format: ImportFormat;
  recordType?: CsvType;
  sha256: string;
  bytes: number;
}

const EXTENSIONS: Record<string, ImportFormat> = { '.jsonl': 'jsonl', '.ndjson': 'jsonl', '.csv': 'csv', '.xml': 'akn', '.akn': 'akn' };

/** File base names of each CSV type (as `palermo export` writes them), singular and plural. */
const CSV_NAMES: Record<string, CsvType> = {
  law: 'law',
  laws: 'law',
  legislation: 'legislation',
  case: 'case',
  cases: 'case',
  treaty: 'treaty',
  treaties: 'treaty',
  strategy: 'strategy',
  strategies: 'strategy',
  'treaty-provision': 'treaty-provision',
  'treaty-provisions': 'treaty-provision',
  'treaty-party': 'treaty-party',
  'treaty-parties': 'treaty-party',
};

export function formatOfFile(file: string): ImportFormat | undefined {
  const name = file.toLowerCase();
  if (name.endsWith('.akn.xml')) return 'akn';
  return EXTENSIONS[path.extname(name)];
}

export function csvTypeOfFile(file: string): CsvType | undefined {
  const base = path.basename(file.toLowerCase()).replace(/\.csv$/, '').replace(/^palermo-/, '').replace(/_/g, '-');
  return CSV_NAMES[base];
}

async function countryLookup(db: Kysely<DB>): Promise<(iso2: string) => string | undefined> {
  const byIso2 = new Map((await listCountries(db)).map((c) => [c.iso2, c.iso3]));
  return (iso2) => byIso2.get(iso2.toUpperCase());
}

/** The source for a file, or a ValidationError naming what is wrong with the request. */
export async function openSource(db: Kysely<DB>, file: string, options: ImportOptions): Promise<{ source: ImportSource; format: ImportFormat; type?: CsvType }> {
  const stat = await fs.stat(file).catch(() => undefined);
  if (!stat) throw new ValidationError([{ field: 'file', message: `${file}: no such file` }]);
  if (!stat.isFile()) throw new ValidationError([{ field: 'file', message: `${file}: not a file` }]);
  const format = options.format ?? formatOfFile(file);
  if (!format) throw new ValidationError([{ field: 'format', message: `cannot tell the format of ${path.basename(file)} from its extension: give --format ${IMPORT_FORMATS.join('|')}` }]);
  const open = () => fileChunks(file);
  if (options.type && format === 'jsonl') throw new ValidationError([{ field: 'type', message: `--type ${options.type} does not apply to JSON Lines: each record names its own type` }]);
  if (format === 'jsonl') return { source: jsonlSource(open, { ...(options.maxLineBytes ? { maxLineBytes: options.maxLineBytes } : {}) }), format };
  if (format === 'akn') {
    const type = options.type === 'legislation' ? 'law' : options.type;
    if (type && type !== 'law' && type !== 'case') throw new ValidationError([{ field: 'type', message: `--type ${type} does not apply to Akoma Ntoso: a document is imported as law (an act or bill) or case (a judgment)` }]);
    return { source: aknSource(open, await countryLookup(db), { bytes: stat.size, ...(type ? { type } : {}) }), format };
  }
  const type = options.type ?? csvTypeOfFile(file);
  if (!type || !isCsvType(type)) throw new ValidationError([{ field: 'type', message: `give the record type of this CSV file: --type ${CSV_TYPES.join('|')}` }]);
  return { source: csvSource(type, open, { ...(options.maxLineBytes ? { maxRecordChars: options.maxLineBytes } : {}) }), format, type };
}

function summary(r: PipelineResult, file: string): string {
  if (r.outcome === 'failed') return `import of ${file} failed, nothing was written: ${r.failure}`;
  if (r.outcome === 'invalid') return `${file} is invalid: ${r.issueCount} ${r.issueCount === 1 ? 'problem' : 'problems'}; nothing was written`;
  if (r.dryRun) return `${file} is valid: ${r.records} records (dry run, nothing written)`;
  return `${file}: ${r.records} records, ${r.created} created, ${r.updated} updated, ${r.unchanged} unchanged`;
}

/** Validate and (unless dry run) import one file. Throws ValidationError only for a bad request (no file, unknown format). */
export async function importFile(db: Kysely<DB>, file: string, options: ImportOptions = {}): Promise<ImportReport> {
  const { source, format, type } = await openSource(db, file, options);
  const { sha256, bytes } = await hashFile(file);
  const name = path.basename(file);
  const runId = await insertImportRun(db, { file_name: name, format, record_type: type ?? null, sha256, byte_size: bytes, dry_run: options.dryRun ?? false, ...thisProcess() });
  const stopBeating = keepAlive(db, runId);
  let result: PipelineResult;
  try {
    result = await runPipeline(db, source, options);
  } catch (err) {
    // Reading or checking failed for another reason than the content (e.g. the database went away).
    result = { outcome: 'failed', dryRun: options.dryRun ?? false, records: 0, created: 0, updated: 0, unchanged: 0, issues: [], issueCount: 0, warnings: [], failure: err instanceof Error ? err.message : String(err) };
  } finally {
    stopBeating();
  }
  if (result.outcome === 'succeeded' && result.created + result.updated > 0) await analyzeTables(db).catch(() => undefined);
  await finishImportRun(db, runId, {
    outcome: result.outcome,
    records: result.records,
    created: result.created,
    updated: result.updated,
    unchanged: result.unchanged,
    error_count: result.issueCount,
    errors: result.issues.slice(0, 100),
    message: summary(result, name),
  }).catch(() => undefined);
  return { ...result, runId, file: name, format, ...(type ? { recordType: type } : {}), sha256, bytes };
}

export { summary as describeImport };
