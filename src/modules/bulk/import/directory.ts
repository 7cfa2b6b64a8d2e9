/** Import a directory written by `palermo export`: its files in the manifest's order, each all or nothing. */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import { ValidationError } from '../../../platform/http/errors.js';
import type { Manifest } from '../export/directory.js';
import { importFile, type ImportOptions, type ImportReport } from './service.js';

/**
 * The files to import from an export directory: for each dataset the JSON Lines file when there is
 * one (full fidelity), else the CSV file; `format` picks one format only.
 */
export async function filesOfExport(dir: string, format?: 'jsonl' | 'csv'): Promise<string[]> {
  const text = await fs.readFile(path.join(dir, 'manifest.json'), 'utf8').catch(() => undefined);
  if (text === undefined) throw new ValidationError([{ field: 'file', message: `${dir} is a directory without manifest.json: give a file, or a directory written by palermo export` }]);
  let manifest: Manifest;
  try {
    manifest = JSON.parse(text) as Manifest;
  } catch {
    throw new ValidationError([{ field: 'manifest.json', message: 'is not valid JSON' }]);
  }
  const out: string[] = [];
  const byType = new Map<string, Manifest['files']>();
  for (const f of manifest.files ?? []) byType.set(f.type, [...(byType.get(f.type) ?? []), f]);
  for (const [, files] of byType) {
    const pick = format ? files.find((f) => f.format === format) : (files.find((f) => f.format === 'jsonl') ?? files.find((f) => f.format === 'csv'));
    if (pick) out.push(path.join(dir, pick.path));
  }
  return out;
}

/** Import each file of an export directory; stops at the first file that is not imported. */
export async function importDirectory(db: Kysely<DB>, dir: string, options: ImportOptions & { onFile?: (report: ImportReport) => void } = {}): Promise<ImportReport[]> {
  const reports: ImportReport[] = [];
  const { format, onFile, ...rest } = options;
  if (rest.type) throw new ValidationError([{ field: 'type', message: `--type ${rest.type} does not apply to an export directory: each file's type comes from its manifest` }]);
  for (const file of await filesOfExport(dir, format === 'jsonl' || format === 'csv' ? format : undefined)) {
    const report = await importFile(db, file, rest);
    reports.push(report);
    onFile?.(report);
    if (report.outcome !== 'succeeded') break;
  }
  return reports;
}
