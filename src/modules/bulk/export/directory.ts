/** `palermo export <dir>`: every dataset as files, streamed to disk, with a manifest.json describing them. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import { allLawsAsAkn } from './akn.js';
import { DATA_LICENCE, DATASET_NAMES, EXPORT_TYPES, datasetChunks, formatsOf, type ExportChunk, type ExportFormat, type ExportType } from './datasets.js';

export type DirectoryFormat = ExportFormat | 'akn';
export const DIRECTORY_FORMATS: readonly DirectoryFormat[] = ['jsonl', 'csv', 'akn'];

/** The order in which the files import cleanly (what they refer to comes first). */
export const IMPORT_ORDER: readonly ExportType[] = ['law', 'treaty', 'treaty-provision', 'treaty-party', 'legislation', 'case', 'strategy'];

export interface ManifestFile {
  path: string;
  type: ExportType;
  format: DirectoryFormat;
  records: number;
  /** Akoma Ntoso: one file per law under the directory `path`. */
  files?: number;
  bytes: number;
  sha256?: string;
}

export interface Manifest {
  generator: string;
  manifest_version: 1;
  exported_at: string;
  source?: string;
  published_only: true;
  /** Licence of Palermo's own content and data (LICENSE-DATA). */
  licence: typeof DATA_LICENCE;
  formats: DirectoryFormat[];
  types: ExportType[];
  /** Files in the order to import them. */
  files: ManifestFile[];
  notes: string[];
}

/** Write chunks to a file (through a .partial name, renamed when complete), with size and hash. */
async function writeFile(file: string, chunks: AsyncIterable<ExportChunk | string> | Iterable<string>): Promise<{ records: number; bytes: number; sha256: string }> {
  const partial = `${file}.partial`;
  const out = fs.createWriteStream(partial);
  const hash = crypto.createHash('sha256');
  let records = 0;
  let bytes = 0;
  try {
    for await (const chunk of chunks) {
      const text = typeof chunk === 'string' ? chunk : chunk.text;
      if (typeof chunk !== 'string') records += chunk.records;
      const buf = Buffer.from(text, 'utf8');
      hash.update(buf);
      bytes += buf.length;
      if (!out.write(buf)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
  } catch (err) {
    out.destroy();
    await fs.promises.rm(partial, { force: true });
    throw err;
  }
  await fs.promises.rename(partial, file);
  return { records, bytes, sha256: hash.digest('hex') };
}

export interface ExportDirectoryOptions {
  formats?: readonly DirectoryFormat[];
  types?: readonly ExportType[];
  now?: Date;
  /** PUBLIC_URL of the installation, recorded as the source. */
  source?: string;
  onFile?: (file: ManifestFile) => void;
}

export async function exportToDirectory(db: Kysely<DB>, dir: string, options: ExportDirectoryOptions = {}): Promise<Manifest> {
  const formats = [...(options.formats ?? DIRECTORY_FORMATS)];
  const types = IMPORT_ORDER.filter((t) => !options.types || options.types.includes(t));
  const now = options.now ?? new Date();
  await fs.promises.mkdir(dir, { recursive: true });
  const files: ManifestFile[] = [];
  const add = (f: ManifestFile) => {
    files.push(f);
    options.onFile?.(f);
  };

  for (const type of types) {
    for (const format of formats) {
      if (format === 'akn' || !formatsOf(type).includes(format)) continue;
      const name = `${DATASET_NAMES[type]}.${format}`;
      const result = await writeFile(path.join(dir, name), datasetChunks(db, type, format));
      add({ path: name, type, format, ...result });
    }
  }
  if (formats.includes('akn') && types.includes('law')) {
    await fs.promises.mkdir(path.join(dir, 'akn'), { recursive: true });
    let records = 0;
    let bytes = 0;
    for await (const { law, xml } of allLawsAsAkn(db, now)) {
      const result = await writeFile(path.join(dir, 'akn', `${law.id}.xml`), [xml]);
      records++;
      bytes += result.bytes;
    }
    add({ path: 'akn/', type: 'law', format: 'akn', records, files: records, bytes });
  }

  const manifest: Manifest = {
    generator: 'Palermo',
    manifest_version: 1,
    exported_at: now.toISOString(),
    ...(options.source ? { source: options.source } : {}),
    published_only: true,
    licence: DATA_LICENCE,
    formats,
    types: [...types],
    files,
    notes: [
      'Published language versions only; drafts are never exported.',
      'Records with "demo": true (CSV column demo) are synthetic demonstration data, not real law or case law.',
      'Formats are described in docs/IMPORT-FORMATS.md. Import the files in the order listed here.',
    ],
  };
  await fs.promises.writeFile(path.join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

export { EXPORT_TYPES };
