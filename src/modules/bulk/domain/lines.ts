/**
 * Streaming text decoding for import files: split bytes into lines (JSON Lines) or decode them as
 * one UTF-8 text stream (CSV, XML), with line-level errors instead of exceptions. Never holds more
 * than one line (at most maxLineBytes) in memory.
 */

export type RawLine = { line: number; text: string } | { line: number; error: string };

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** A UTF-16 or UTF-32 byte-order mark: the file is not UTF-8. */
export function foreignBom(first: Uint8Array): string | undefined {
  if (first[0] === 0xff && first[1] === 0xfe) return 'UTF-16 (little-endian)';
  if (first[0] === 0xfe && first[1] === 0xff) return 'UTF-16 (big-endian)';
  if (first[0] === 0 && first[1] === 0 && first[2] === 0xfe && first[3] === 0xff) return 'UTF-32';
  return undefined;
}

export const NOT_UTF8 = 'is not valid UTF-8 (save the file with UTF-8 encoding)';

/**
 * Lines of a byte stream. Handles LF and CRLF, a UTF-8 byte-order mark, invalid UTF-8 and lines
 * longer than maxLineBytes (reported, then skipped up to the next line break).
 */
export async function* splitLines(chunks: AsyncIterable<Uint8Array>, maxLineBytes: number): AsyncGenerator<RawLine> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let parts: Buffer[] = [];
  let size = 0;
  let tooLong = false;
  let line = 1;
  let first = true;

  const finish = (): RawLine => {
    const n = line++;
    if (tooLong) {
      tooLong = false;
      parts = [];
      size = 0;
      return { line: n, error: `is longer than the maximum of ${maxLineBytes} bytes` };
    }
    let buf = parts.length === 1 ? parts[0]! : Buffer.concat(parts, size);
    parts = [];
    size = 0;
    if (n === 1 && buf.length >= 3 && buf[0] === UTF8_BOM[0] && buf[1] === UTF8_BOM[1] && buf[2] === UTF8_BOM[2]) buf = buf.subarray(3);
    if (buf.length && buf[buf.length - 1] === 0x0d) buf = buf.subarray(0, buf.length - 1);
    try {
      return { line: n, text: decoder.decode(buf) };
    } catch {
      return { line: n, error: NOT_UTF8 };
    }
  };

  const add = (piece: Buffer) => {
    if (tooLong || !piece.length) return;
    if (size + piece.length > maxLineBytes) {
      tooLong = true;
      parts = [];
      size = 0;
      return;
    }
    parts.push(piece);
    size += piece.length;
  };

  for await (const raw of chunks) {
    const chunk = Buffer.isBuffer(raw) ? raw : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
    if (first && chunk.length) {
      first = false;
      const bom = foreignBom(chunk);
      if (bom) {
        yield { line: 1, error: `is encoded in ${bom}; save the file with UTF-8 encoding` };
        return;
      }
    }
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(0x0a, start);
      if (nl < 0) break;
      add(chunk.subarray(start, nl));
      yield finish();
      start = nl + 1;
    }
    add(chunk.subarray(start));
  }
  if (size > 0 || tooLong) yield finish();
}

export class Utf8Error extends Error {
  constructor(readonly line: number, message: string) {
    super(message);
  }
}

/**
 * Decode a byte stream as UTF-8 text chunks (a leading byte-order mark is dropped). Throws Utf8Error
 * naming the line of the first invalid byte sequence, or of a UTF-16/UTF-32 byte-order mark.
 */
export async function* decodeUtf8(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let first = true;
  for await (const raw of chunks) {
    const chunk = Buffer.isBuffer(raw) ? raw : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
    if (first && chunk.length) {
      first = false;
      const bom = foreignBom(chunk);
      if (bom) throw new Utf8Error(1, `is encoded in ${bom}; save the file with UTF-8 encoding`);
    }
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      throw new Utf8Error(line + badLineOffset(chunk), NOT_UTF8);
    }
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) line++;
    if (text) yield text;
  }
  try {
    const rest = decoder.decode();
    if (rest) yield rest;
  } catch {
    throw new Utf8Error(line, `${NOT_UTF8}: the file ends in the middle of a character`);
  }
}

/** Lines to skip within a chunk before the first line that does not decode (approximate at chunk edges). */
function badLineOffset(chunk: Buffer): number {
  const d = new TextDecoder('utf-8', { fatal: true });
  let offset = 0;
  let start = 0;
  for (;;) {
    const nl = chunk.indexOf(0x0a, start);
    const end = nl < 0 ? chunk.length : nl;
    try {
      d.decode(chunk.subarray(start, end));
    } catch {
      // A sequence split by the previous chunk boundary shows up on the first line: still the right line.
      return offset;
    }
    if (nl < 0) return offset;
    offset++;
    start = nl + 1;
  }
}
