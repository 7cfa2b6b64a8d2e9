/**
 * Exports of the whole directory: the books (PDF, DOCX) and the files (JSON Lines, CSV).
 *
 * Two editions: public (the default, for everyone) and restricted, with the practitioners-only
 * fields, asked for explicitly (`edition=restricted`) and given only to those allowed
 * directory.export_restricted (focal points and administrators): 401/403 otherwise, the refusal
 * audited. Every restricted export is recorded in the audit log (directory.export).
 */
import type { Kysely } from 'kysely';
import { Type } from 'typebox';
import type { DB } from '../../../platform/db/schema.js';
import type { Lang } from '../../../platform/i18n/languages.js';
import { assertAllowedSomewhere } from '../../access/index.js';
import { type AuditContext } from '../../audit/index.js';
import type { DirectoryViewer } from '../domain/visibility.js';
import { parseForm } from '../forms.js';
import { refusalsAudited } from '../refusals.js';
import { directoryVersion, readDirectoryGeneration } from '../repository.js';
import { bookCacheDir, cachedBook } from './book-cache.js';
import { buildBookDocx } from './docx.js';
import { buildBookPdf } from './pdf.js';
import { auditExport, csvChunks, jsonlChunks, type ExportFormat } from './stream.js';

export const EDITIONS = ['public', 'restricted'] as const;
export type Edition = (typeof EDITIONS)[number];

export const EditionParam = Type.Optional(Type.Enum(EDITIONS, { description: 'public (default): without the fields restricted to registered practitioners; restricted: with them (directory.export_restricted: focal points and administrators; audited)' }));
const BookQuery = Type.Object({ edition: EditionParam });

/** The viewer of an export of this edition, after checking the actor may take it (restricted). */
async function exportViewer(db: Kysely<DB>, ctx: AuditContext, edition: Edition, format: ExportFormat, lang?: string): Promise<DirectoryViewer> {
  if (edition !== 'restricted') return { restricted: false };
  await refusalsAudited(db, ctx, { action: 'directory.export_restricted', targetType: 'directory', targetId: format }, async () => {
    assertAllowedSomewhere(ctx.actor, 'directory.export_restricted');
  });
  const viewer = { restricted: true };
  await auditExport(db, ctx, viewer, format, lang);
  return viewer;
}

export interface BookRequest {
  format: 'pdf' | 'docx';
  lang: Lang;
  /** The request's query: { edition? }. */
  query: unknown;
  site: string;
  /** DATA_DIR: books are cached in DATA_DIR/cache/books. */
  dataDir: string;
}

/** The file of a book (built once per directory version, see book-cache.ts) and its edition. */
export async function directoryBook(db: Kysely<DB>, ctx: AuditContext, req: BookRequest): Promise<{ file: string; restricted: boolean }> {
  const { edition = 'public' } = parseForm(BookQuery, req.query);
  const viewer = await exportViewer(db, ctx, edition, req.format, req.lang);
  const now = new Date();
  // The generation changes with every write on any node; the content summary (last change, count)
  // keeps a cache from answering for another database behind the same DATA_DIR (a restored backup).
  const key = { format: req.format, lang: req.lang, restricted: viewer.restricted, site: req.site, version: `${await readDirectoryGeneration(db)}|${await directoryVersion(db)}`, day: now.toISOString().slice(0, 10) };
  const options = { lang: req.lang, viewer, site: req.site, now };
  const file = await cachedBook(bookCacheDir(req.dataDir), key, (out, work) => (req.format === 'pdf' ? buildBookPdf(db, options, out, work) : buildBookDocx(db, options, out)));
  return { file, restricted: viewer.restricted };
}

/** The whole directory as JSON Lines or CSV, streamed, in the edition asked for. */
export async function directoryExport(db: Kysely<DB>, ctx: AuditContext, format: 'jsonl' | 'csv', edition: Edition = 'public'): Promise<{ chunks: AsyncIterable<string>; restricted: boolean }> {
  const viewer = await exportViewer(db, ctx, edition, format);
  return { chunks: format === 'csv' ? csvChunks(db, viewer) : jsonlChunks(db, viewer), restricted: viewer.restricted };
}
