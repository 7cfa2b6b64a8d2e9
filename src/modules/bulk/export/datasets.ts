/**
 * The public datasets: every published record of a type as JSON Lines or CSV, produced in keyset
 * batches so that memory stays flat whatever the size of the database. Drafts are never included.
 */
import { stringify } from 'csv-stringify/sync';
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import { LANGS } from '../../../platform/i18n/languages.js';
import { listEntryIds, listLawIds, type EntryDocument, type KnowledgeRecord, type LawDocument, type TreatyDocument, loadEntryDocuments, loadLawDocuments, type EntryType, countLaws, countVisibleEntries, countTreatyDetails, visibleLanguages } from '../../knowledge/index.js';
import { CSV_TYPES, exportHeader, partyToRow, provisionToRow, recordToRow, type CsvType } from '../domain/csv-columns.js';
import { selectFileContents } from '../repository.js';

export type ExportType = CsvType;
export type ExportFormat = 'jsonl' | 'csv';
export const EXPORT_TYPES = CSV_TYPES;
/** Types that exist as JSON Lines (treaty provisions and parties are inside the treaty records there). */
export const JSONL_TYPES = ['law', 'legislation', 'case', 'treaty', 'strategy'] as const;

/** File base name of each dataset: laws, legislation, cases, treaties, strategies, treaty-provisions, treaty-parties. */
export const DATASET_NAMES: Record<ExportType, string> = {
  law: 'laws',
  legislation: 'legislation',
  case: 'cases',
  treaty: 'treaties',
  strategy: 'strategies',
  'treaty-provision': 'treaty-provisions',
  'treaty-party': 'treaty-parties',
};

export const MEDIA_TYPES: Record<ExportFormat, string> = {
  jsonl: 'application/x-ndjson; charset=utf-8',
  csv: 'text/csv; charset=utf-8; header=present',
};

export function formatsOf(type: ExportType): ExportFormat[] {
  return (JSONL_TYPES as readonly string[]).includes(type) ? ['jsonl', 'csv'] : ['csv'];
}

const BATCH = 500;

/** Embed the bytes of law attachments (JSON Lines only), a few laws at a time to bound memory. */
async function withAttachments(db: Kysely<DB>, laws: LawDocument[]): Promise<LawDocument[]> {
  const out: LawDocument[] = [];
  let group: LawDocument[] = [];
  let bytes = 0;
  const flush = async () => {
    const contents = await selectFileContents(db, group.flatMap((l) => (l.attachment?.id ? [l.attachment.id] : [])));
    for (const l of group) {
      const a = l.attachment;
      const content = a?.id ? contents.get(a.id) : undefined;
      out.push(a && content ? { ...l, attachment: { filename: a.filename, media_type: a.media_type, content_base64: content.toString('base64') } } : l);
    }
    group = [];
    bytes = 0;
  };
  for (const l of laws) {
    group.push(l);
    bytes += l.attachment?.byte_size ?? 0;
    if (bytes > 32 * 1024 * 1024) await flush();
  }
  await flush();
  return out;
}

/** Published documents of a type in id order, batch by batch. */
export async function* documentBatches(db: Kysely<DB>, type: 'law' | EntryType, options: { attachments?: boolean; batch?: number } = {}): AsyncGenerator<KnowledgeRecord[]> {
  const limit = options.batch ?? BATCH;
  let after: string | undefined;
  for (;;) {
    if (type === 'law') {
      const ids = await listLawIds(db, { limit, ...(after ? { after } : {}) });
      if (!ids.length) return;
      after = ids[ids.length - 1];
      const laws = await loadLawDocuments(db, ids);
      yield options.attachments ? await withAttachments(db, laws) : laws;
    } else {
      const ids = await listEntryIds(db, { type, limit, publishedOnly: true, ...(after ? { after } : {}) });
      if (!ids.length) return;
      after = ids[ids.length - 1];
      yield await loadEntryDocuments(db, ids, { publishedOnly: true });
    }
  }
}

/** CSV language columns: the six UN languages, then any other language present, in a stable order. */
export async function csvLanguages(db: Kysely<DB>, type: ExportType): Promise<string[]> {
  if (type === 'treaty-party') return [];
  const present = await visibleLanguages(db, type === 'treaty-provision' ? 'treaty-provision' : type);
  return [...LANGS, ...present.filter((l) => !(LANGS as readonly string[]).includes(l)).sort()];
}

export interface ExportChunk {
  text: string;
  records: number;
}

const csvLine = (rows: string[][]) => (rows.length ? stringify(rows, { record_delimiter: '\n' }) : '');

/** The content of one dataset, chunk by chunk (one chunk per batch of records). */
export async function* datasetChunks(db: Kysely<DB>, type: ExportType, format: ExportFormat): AsyncGenerator<ExportChunk> {
  if (format === 'jsonl') {
    if (!(JSONL_TYPES as readonly string[]).includes(type)) throw new Error(`${type} is exported as CSV only`);
    for await (const docs of documentBatches(db, type as 'law' | EntryType, { attachments: true })) {
      yield { text: docs.map((d) => `${JSON.stringify(d)}\n`).join(''), records: docs.length };
    }
    return;
  }
  const langs = await csvLanguages(db, type);
  // A byte-order mark lets spreadsheet programs recognise UTF-8 (Arabic, Chinese, Russian).
  yield { text: `\uFEFF${csvLine([exportHeader(type, langs)])}`, records: 0 };
  if (type === 'treaty-provision' || type === 'treaty-party') {
    for await (const docs of documentBatches(db, 'treaty')) {
      const treaties = docs as TreatyDocument[];
      const rows =
        type === 'treaty-provision'
          ? treaties.flatMap((t) => (t.provisions ?? []).map((p) => provisionToRow(t.id, p, langs)))
          : treaties.flatMap((t) => (t.parties ?? []).map((p) => partyToRow(t.id, p)));
      if (rows.length) yield { text: csvLine(rows), records: rows.length };
    }
    return;
  }
  for await (const docs of documentBatches(db, type)) {
    yield { text: csvLine(docs.map((d) => recordToRow(d as EntryDocument | LawDocument, langs))), records: docs.length };
  }
}

export interface DatasetInfo {
  type: ExportType;
  records: number;
  demo_records?: number;
  formats: ExportFormat[];
}

/** Every dataset with the number of records it has now. */
export async function listDatasets(db: Kysely<DB>): Promise<DatasetInfo[]> {
  const [entries, laws, details] = await Promise.all([countVisibleEntries(db), countLaws(db), countTreatyDetails(db)]);
  return EXPORT_TYPES.map((type) => {
    const formats = formatsOf(type);
    if (type === 'law') return { type, records: laws.total, demo_records: laws.demo, formats };
    if (type === 'treaty-provision') return { type, records: details.provisions, formats };
    if (type === 'treaty-party') return { type, records: details.parties, formats };
    const c = entries.get(type) ?? { total: 0, demo: 0 };
    return { type, records: c.total, demo_records: c.demo, formats };
  });
}

/** The licence of Palermo's own content and data (LICENSE-DATA); official texts keep their own terms. */
export const DATA_LICENCE = {
  name: 'CC BY 4.0',
  title: 'Creative Commons Attribution 4.0 International',
  url: 'https://creativecommons.org/licenses/by/4.0/',
  official_texts: 'Official texts (treaties, laws, court decisions) are reproduced from their official sources; their reuse follows the terms of the State or organization that published them.',
};
