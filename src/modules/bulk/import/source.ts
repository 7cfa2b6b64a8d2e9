/** What an importer of one file format produces: records (or line-level errors), pass after pass. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import type { LineIssue } from '../domain/report.js';
import type { CsvType } from '../domain/csv-columns.js';

export type ImportFormat = 'jsonl' | 'csv' | 'akn';

/** Where a problem with a record field is in the file: its line, and the field or column to name. */
export type Locate = (field: string) => { line: number; field: string };

export type ImportItem =
  /** A candidate knowledge record (untrusted: validated by the pipeline). */
  | { kind: 'record'; line: number; value: unknown; locate?: Locate }
  /** Replace the provisions or the parties of an existing treaty (CSV treaty-provision / treaty-party files). */
  | { kind: 'patch'; line: number; treatyId: string; field: 'provisions' | 'parties'; value: unknown[]; locate?: Locate }
  /** Something that could not even be read as a record (syntax, encoding, header). */
  | { kind: 'error'; issues: LineIssue[] };

export interface ImportSource {
  format: ImportFormat;
  /** CSV: the record type of the file. */
  recordType?: CsvType;
  /** Read the file from its start; every call is a new pass over the file. */
  items(): AsyncIterable<ImportItem>;
  /** Remarks that are not errors (e.g. Akoma Ntoso content outside any section), after a pass. */
  warnings?(): LineIssue[];
}

export const READ_CHUNK_BYTES = 1 << 20;

/** The bytes of a file, in chunks of 1 MiB. */
export function fileChunks(path: string): AsyncIterable<Buffer> {
  return fs.createReadStream(path, { highWaterMark: READ_CHUNK_BYTES });
}

export async function hashFile(path: string): Promise<{ sha256: string; bytes: number }> {
  const hash = crypto.createHash('sha256');
  let bytes = 0;
  for await (const chunk of fileChunks(path)) {
    hash.update(chunk);
    bytes += chunk.length;
  }
  return { sha256: hash.digest('hex'), bytes };
}
