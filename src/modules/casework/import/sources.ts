/**
 * Reading an import file as a stream of candidate records with their line numbers: JSON Lines (one
 * object per line) or CSV (csv-import columns). Nothing is held beyond the current line or row.
 */
import readline from 'node:readline';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type { FieldIssue } from '../../../platform/http/errors.js';
import { columnOfField, planHeader, rowToObject, type HeaderPlan } from './csv-columns.js';

export type SourceItem = { line: number; value: unknown } | { line: number; issues: FieldIssue[] };
export type ImportFormat = 'jsonl' | 'csv';

/** The longest line or row accepted (a case with many persons fits easily). */
export const MAX_LINE_CHARS = 1_000_000;

const decoded = (chunks: AsyncIterable<Uint8Array | string>) => {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  return Readable.from(
    (async function* () {
      for await (const c of chunks) yield typeof c === 'string' ? c : decoder.decode(c, { stream: true });
      yield decoder.decode();
    })(),
  );
};

export async function* jsonlItems(chunks: AsyncIterable<Uint8Array | string>): AsyncGenerator<SourceItem> {
  const rl = readline.createInterface({ input: decoded(chunks), crlfDelay: Infinity });
  let line = 0;
  try {
    for await (const raw of rl) {
      line++;
      const text = line === 1 ? raw.replace(/^\uFEFF/, '') : raw;
      if (!text.trim()) continue;
      if (text.length > MAX_LINE_CHARS) {
        yield { line, issues: [{ field: '(line)', message: `is longer than ${MAX_LINE_CHARS} characters` }] };
        continue;
      }
      try {
        yield { line, value: JSON.parse(text) as unknown };
      } catch (err) {
        yield { line, issues: [{ field: '(json)', message: `is not valid JSON: ${(err as Error).message}` }] };
      }
    }
  } catch (err) {
    yield { line: line + 1, issues: [{ field: '(file)', message: err instanceof TypeError ? 'is not valid UTF-8 (save the file with UTF-8 encoding)' : (err as Error).message }] };
  } finally {
    rl.close();
  }
}

export async function* csvItems(chunks: AsyncIterable<Uint8Array | string>): AsyncGenerator<SourceItem> {
  const parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true, max_record_size: MAX_LINE_CHARS });
  const input = decoded(chunks);
  input.on('error', (err) => parser.destroy(err));
  input.pipe(parser);
  let plan: HeaderPlan | undefined;
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const newlines = item.record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
      const line = item.info.lines - newlines;
      if (!plan) {
        const planned = planHeader(item.record);
        plan = planned.plan;
        if (planned.issues.length) {
          yield { line, issues: planned.issues };
          return;
        }
        continue;
      }
      if (item.record.every((c) => !c.trim())) continue;
      yield { line, value: rowToObject(plan, item.record) };
    }
  } catch (err) {
    const e = err as Error & { lines?: number };
    yield { line: Number(e.lines ?? 0) || 1, issues: [{ field: '(csv)', message: `${err instanceof TypeError ? 'is not valid UTF-8' : e.message}; the rest of the file was not read` }] };
  } finally {
    input.destroy();
    parser.destroy();
  }
}

export function sourceItems(format: ImportFormat, chunks: AsyncIterable<Uint8Array | string>): AsyncGenerator<SourceItem> {
  return format === 'csv' ? csvItems(chunks) : jsonlItems(chunks);
}

/** Field names as the file shows them: record paths for JSON Lines, column names for CSV. */
export function fieldForFormat(format: ImportFormat, field: string): string {
  return format === 'csv' ? columnOfField(field) : field;
}
