/**
 * Streaming the directory out: published authorities in book order (country, name), a page at a
 * time, each passed through visibleAuthority. JSON Lines and CSV for practitioners' systems; the
 * PDF and DOCX books read the same stream.
 */
import { stringify } from 'csv-stringify/sync';
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import { recordAudit, type AuditContext } from '../../audit/index.js';
import { csvHeader, documentToRow } from '../domain/csv.js';
import type { AuthorityDocument } from '../domain/schema.js';
import { visibleAuthority, type DirectoryViewer } from '../domain/visibility.js';
import { documentOf, isStale } from '../live.js';
import { selectAuthorityPage, selectTextLanguages } from '../repository.js';

export interface ExportedAuthority {
  doc: AuthorityDocument;
  demo: boolean;
  stale: boolean;
}

/** Pages of published authorities (of one country, when given) as the viewer may see them. Only one page is held at a time. */
export async function* authorityBatches(db: Kysely<DB>, viewer: DirectoryViewer, pageSize = 250, country?: string): AsyncGenerator<ExportedAuthority[]> {
  let after: { country: string; name_sort: string; id: string } | undefined;
  for (;;) {
    const rows = await selectAuthorityPage(db, after, pageSize, country);
    if (!rows.length) return;
    yield rows.map((r) => ({ doc: visibleAuthority(documentOf(r), viewer), demo: r.demo, stale: isStale(r.verified_on) }));
    if (rows.length < pageSize) return;
    const last = rows[rows.length - 1]!;
    after = { country: last.country, name_sort: last.name_sort, id: last.id };
  }
}

export type ExportFormat = 'jsonl' | 'csv' | 'pdf' | 'docx';

/** Every export that contains practitioners-only data is recorded in the audit log. */
export async function auditExport(db: Kysely<DB>, ctx: AuditContext, viewer: DirectoryViewer, format: ExportFormat, lang?: string): Promise<void> {
  if (!viewer.restricted) return;
  await recordAudit(db, ctx, { action: 'directory.export', targetType: 'directory', targetId: format, changes: { format, restricted: true, ...(lang ? { lang } : {}) } });
}

export async function* jsonlChunks(db: Kysely<DB>, viewer: DirectoryViewer): AsyncGenerator<string> {
  for await (const batch of authorityBatches(db, viewer)) yield batch.map((a) => `${JSON.stringify(a.doc)}\n`).join('');
}

export async function* csvChunks(db: Kysely<DB>, viewer: DirectoryViewer): AsyncGenerator<string> {
  const header = csvHeader(await selectTextLanguages(db));
  // A byte-order mark lets spreadsheet programs recognise UTF-8 (Arabic, Chinese, Russian).
  yield `\uFEFF${stringify([header], { record_delimiter: '\n' })}`;
  for await (const batch of authorityBatches(db, viewer)) yield stringify(batch.map((a) => documentToRow(a.doc, header)), { record_delimiter: '\n' });
}
