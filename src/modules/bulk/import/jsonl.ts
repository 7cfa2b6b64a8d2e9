/** JSON Lines: one canonical knowledge record (schemas.ts) per line. */
import { splitLines } from '../domain/lines.js';
import type { ImportItem, ImportSource } from './source.js';

/** Default longest accepted line: room for a law with its full text and an embedded attachment. */
export const DEFAULT_MAX_LINE_BYTES = 128 * 1024 * 1024;

function jsonError(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return `invalid JSON: ${msg.length > 200 ? `${msg.slice(0, 200)}…` : msg}`;
}

export function jsonlSource(open: () => AsyncIterable<Uint8Array>, options: { maxLineBytes?: number } = {}): ImportSource {
  const maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  return {
    format: 'jsonl',
    async *items(): AsyncGenerator<ImportItem> {
      for await (const raw of splitLines(open(), maxLineBytes)) {
        if ('error' in raw) {
          yield { kind: 'error', issues: [{ line: raw.line, field: '(line)', message: raw.error }] };
          continue;
        }
        if (!raw.text.trim()) continue; // blank lines are allowed
        let value: unknown;
        try {
          value = JSON.parse(raw.text);
        } catch (err) {
          yield { kind: 'error', issues: [{ line: raw.line, field: '(json)', message: jsonError(err) }] };
          continue;
        }
        yield { kind: 'record', line: raw.line, value };
      }
    },
  };
}
