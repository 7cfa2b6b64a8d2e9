/** CSV: one record type per file (see domain/csv-columns.ts), streamed with csv-parse. */
import { Readable } from 'node:stream';
import { parse, type CsvError } from 'csv-parse';
import { decodeUtf8, Utf8Error } from '../domain/lines.js';
import type { LineIssue } from '../domain/report.js';
import { columnOfField, parseHeader, rowToFields, rowToParty, rowToProvision, rowToRecord, type CsvType, type HeaderColumn } from '../domain/csv-columns.js';
import type { ImportItem, ImportSource, Locate } from './source.js';

export const DEFAULT_MAX_RECORD_CHARS = 128 * 1024 * 1024;
/** Most rows one treaty may have in a provisions or parties file (the schema's limits). */
const GROUP_LIMIT = { 'treaty-provision': 2000, 'treaty-party': 300 } as const;

interface Row {
  line: number;
  cells: string[];
}

/** Rows of a CSV text stream with their first line; quoting errors end the reading (reported). */
async function* csvRows(text: AsyncIterable<string>, maxRecordChars: number, onError: (issue: LineIssue) => void): AsyncGenerator<Row> {
  const parser = parse({
    relax_column_count: true,
    skip_records_with_error: true,
    skip_empty_lines: true,
    info: true,
    max_record_size: maxRecordChars,
  });
  let broken: LineIssue | undefined;
  parser.on('skip', (err: CsvError | undefined) => {
    if (broken) return;
    const line = Number((err as { lines?: number } | undefined)?.lines ?? 0) || 1;
    broken = { line, field: '(csv)', message: `${err?.message ?? 'unreadable CSV'}; the rest of the file was not read` };
  });
  const input = Readable.from(text);
  input.on('error', (err) => parser.destroy(err));
  input.pipe(parser);
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (broken) break;
      const newlines = item.record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
      yield { line: item.info.lines - newlines, cells: item.record };
    }
  } catch (err) {
    if (err instanceof Utf8Error) broken ??= { line: err.line, field: '(file)', message: `${err.message}; the rest of the file was not read` };
    else {
      const e = err as CsvError & { lines?: number };
      broken ??= { line: Number(e.lines ?? 0) || 1, field: '(csv)', message: `${e.message}; the rest of the file was not read` };
    }
  } finally {
    input.destroy();
    parser.destroy();
  }
  if (broken) onError(broken);
}

const blankRow = (cells: readonly string[]) => cells.every((c) => !c.trim());

export function csvSource(type: CsvType, open: () => AsyncIterable<Uint8Array>, options: { maxRecordChars?: number } = {}): ImportSource {
  const maxRecordChars = options.maxRecordChars ?? DEFAULT_MAX_RECORD_CHARS;
  return {
    format: 'csv',
    recordType: type,
    async *items(): AsyncGenerator<ImportItem> {
      const errors: LineIssue[] = [];
      let columns: HeaderColumn[] | undefined;
      let group: { treatyId: string; line: number; rows: { line: number; value: Record<string, unknown> }[] } | undefined;

      const flush = (): ImportItem | undefined => {
        if (!group) return undefined;
        const g = group;
        group = undefined;
        const field = type === 'treaty-provision' ? 'provisions' : 'parties';
        const locate: Locate = (f) => {
          const m = new RegExp(`^${field}\\.(\\d+)(?:\\.(.*))?$`).exec(f);
          const row = m ? g.rows[Number(m[1])] : undefined;
          if (!row) return { line: g.line, field: f === field ? 'treaty_id' : columnOfField(f) };
          return { line: row.line, field: m![2] ? columnOfField(m![2]) : 'treaty_id' };
        };
        return { kind: 'patch', line: g.line, treatyId: g.treatyId, field, value: g.rows.map((r) => r.value), locate };
      };

      for await (const row of csvRows(decodeUtf8(open()), maxRecordChars, (e) => errors.push(e))) {
        if (!columns) {
          const header = parseHeader(type, row.cells);
          if (header.issues.length) {
            yield { kind: 'error', issues: header.issues.map((i) => ({ line: row.line, ...i })) };
            return;
          }
          columns = header.columns;
          continue;
        }
        if (blankRow(row.cells)) continue;
        if (row.cells.length !== columns.length) {
          yield { kind: 'error', issues: [{ line: row.line, field: '(row)', message: `has ${row.cells.length} values but the header has ${columns.length} columns` }] };
          continue;
        }
        const fields = rowToFields(columns, row.cells);
        if (fields.issues.length) {
          yield { kind: 'error', issues: fields.issues.map((i) => ({ line: row.line, ...i })) };
          continue;
        }
        if (type === 'treaty-provision' || type === 'treaty-party') {
          const parsed = type === 'treaty-provision' ? rowToProvision(fields) : rowToParty(fields);
          const treatyId = parsed.treatyId;
          const value = 'provision' in parsed ? parsed.provision : parsed.party;
          if (!treatyId) {
            yield { kind: 'error', issues: [{ line: row.line, field: 'treaty_id', message: 'is required' }] };
            continue;
          }
          if (group && group.treatyId !== treatyId) {
            const done = flush();
            if (done) yield done;
          }
          group ??= { treatyId, line: row.line, rows: [] };
          if (group.rows.length >= GROUP_LIMIT[type]) {
            yield { kind: 'error', issues: [{ line: row.line, field: 'treaty_id', message: `treaty "${treatyId}" has more than ${GROUP_LIMIT[type]} rows` }] };
            continue;
          }
          group.rows.push({ line: row.line, value });
          continue;
        }
        const line = row.line;
        yield { kind: 'record', line, value: rowToRecord(type, fields), locate: (f) => ({ line, field: columnOfField(f) }) };
      }
      const last = flush();
      if (last) yield last;
      if (!columns && !errors.length) errors.push({ line: 1, field: '(file)', message: 'is empty: a CSV file starts with a header row' });
      if (errors.length) yield { kind: 'error', issues: errors };
    },
  };
}
