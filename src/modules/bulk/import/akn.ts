/** Akoma Ntoso 3.0: one act (its law and its sections as extracts) or one judgment (a case) per file, parsed with saxes. */
import { AknReader } from '../domain/akn-read.js';
import { mapAkn, type AknImportType, type AknMapping } from '../domain/akn-map.js';
import { decodeUtf8, Utf8Error } from '../domain/lines.js';
import type { LineIssue } from '../domain/report.js';
import type { ImportItem, ImportSource } from './source.js';

/** Largest Akoma Ntoso file accepted (one act; its text is kept while it is read). */
export const MAX_AKN_BYTES = 200 * 1024 * 1024;

async function readAkn(chunks: AsyncIterable<Uint8Array>, countryByIso2: (iso2: string) => string | undefined, expected: AknImportType | undefined): Promise<AknMapping & { warnings: LineIssue[] }> {
  const reader = new AknReader();
  try {
    for await (const text of decodeUtf8(chunks)) {
      reader.write(text);
      if (!reader.ok) break;
    }
  } catch (err) {
    if (!(err instanceof Utf8Error)) throw err;
    reader.fail(err.line, '(file)', err.message);
  }
  const doc = reader.end();
  return { ...mapAkn(doc, countryByIso2, expected), warnings: doc.warnings };
}

/**
 * The records of one Akoma Ntoso document. The file is parsed once (streaming) and its records kept
 * for the following passes: one document's text is bounded by the 20,000,000-character law limit.
 */
export function aknSource(open: () => AsyncIterable<Uint8Array>, countryByIso2: (iso2: string) => string | undefined, options: { bytes?: number; type?: AknImportType } = {}): ImportSource {
  let parsed: Promise<AknMapping & { warnings: LineIssue[] }> | undefined;
  let warnings: LineIssue[] = [];
  return {
    format: 'akn',
    async *items(): AsyncGenerator<ImportItem> {
      if (options.bytes !== undefined && options.bytes > MAX_AKN_BYTES) {
        yield { kind: 'error', issues: [{ line: 1, field: '(file)', message: `is larger than ${MAX_AKN_BYTES / 1024 / 1024} MiB, the limit for one Akoma Ntoso document` }] };
        return;
      }
      parsed ??= readAkn(open(), countryByIso2, options.type);
      const result = await parsed;
      warnings = result.warnings;
      if (result.issues.length) yield { kind: 'error', issues: result.issues };
      for (const r of result.records) {
        yield { kind: 'record', line: r.line, value: r.value, locate: (field) => ({ line: r.line, field: `${r.label}.${field}` }) };
      }
    },
    warnings: () => warnings,
  };
}
