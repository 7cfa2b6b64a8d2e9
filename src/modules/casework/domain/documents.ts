/**
 * Case documents, the pure part: which types are accepted (found from the content, never from the
 * uploader's name or claimed type), file names made safe to offer for download, the limits, and
 * the checks of a document's fields. docs/CASEWORK.md "Documents".
 */
import { fileTypeFromBuffer } from 'file-type';
import type { FieldIssue } from '../../../platform/http/errors.js';
import { DOCUMENT_KINDS, type DocumentKind } from './vocabulary.js';

/** Content is stored and served in chunks of this size (case_document_chunks). */
export const CHUNK_BYTES = 512 * 1024;
/** Default of CASEWORK_MAX_UPLOAD_MB. */
export const DEFAULT_MAX_UPLOAD_MB = 50;

/** The accepted types: media type → file name extensions (the first is added when a name has none of them). */
export const ACCEPTED_TYPES: Readonly<Record<string, readonly string[]>> = {
  'application/pdf': ['pdf'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'application/vnd.oasis.opendocument.text': ['odt'],
  'application/vnd.oasis.opendocument.spreadsheet': ['ods'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/tiff': ['tif', 'tiff'],
  'text/plain': ['txt'],
  'message/rfc822': ['eml'],
  'application/vnd.ms-outlook': ['msg'],
};

export function isAcceptedType(mediaType: string): boolean {
  return Object.hasOwn(ACCEPTED_TYPES, mediaType);
}

/** What the first bytes of a file are. `text` types still need the whole file to be valid UTF-8 (Utf8Check). */
export interface Sniffed {
  mediaType: string;
  accepted: boolean;
  /** Accepted only if the whole content turns out to be UTF-8 text without NUL bytes. */
  text: boolean;
}

const CFB = 'application/x-cfb';
/** Outlook .msg files are compound files whose streams are named "__substg1.0_…" (UTF-16LE in the directory). */
const MSG_STREAM_NAME = Buffer.from('__substg1.0_', 'utf16le');

/**
 * The type of a file from its first bytes (at least the first CHUNK_BYTES, or the whole file when
 * smaller): file-type's magic numbers (zip containers by their mimetype / [Content_Types].xml entry),
 * Outlook messages among compound files, and UTF-8 text (an e-mail when it begins with mail headers).
 */
export async function sniffType(head: Uint8Array): Promise<Sniffed> {
  if (head.length === 0) return { mediaType: 'application/x-empty', accepted: false, text: false };
  const found = await fileTypeFromBuffer(head);
  if (found) {
    if (found.mime === CFB && Buffer.from(head.buffer, head.byteOffset, head.byteLength).includes(MSG_STREAM_NAME)) {
      return { mediaType: 'application/vnd.ms-outlook', accepted: true, text: false };
    }
    return { mediaType: found.mime, accepted: isAcceptedType(found.mime), text: false };
  }
  const check = new Utf8Check();
  // The head may end inside a character: only what comes before counts here; the whole file is checked as it arrives.
  if (!check.push(head) ) return { mediaType: 'application/octet-stream', accepted: false, text: false };
  const mediaType = looksLikeMail(check.prefix) ? 'message/rfc822' : 'text/plain';
  return { mediaType, accepted: true, text: true };
}

/** Streaming check that content is UTF-8 text without NUL bytes (a byte-order mark is allowed). */
export class Utf8Check {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  /** The first characters decoded (to recognise mail headers). */
  prefix = '';
  private ok = true;

  /** false as soon as the content is not text. */
  push(chunk: Uint8Array): boolean {
    if (!this.ok) return false;
    try {
      const s = this.decoder.decode(chunk, { stream: true });
      if (s.includes('\0')) this.ok = false;
      else if (this.prefix.length < 8192) this.prefix += s.slice(0, 8192 - this.prefix.length);
    } catch {
      this.ok = false;
    }
    return this.ok;
  }

  /** The whole content was text (no character cut at the end). */
  end(): boolean {
    if (!this.ok) return false;
    try {
      this.decoder.decode();
    } catch {
      this.ok = false;
    }
    return this.ok;
  }
}

const HEADER = /^[!-9;-~]+:[ \t]/;

/** An RFC 5322 message: header lines up to the first empty line, among them From and a date, subject or id. */
export function looksLikeMail(text: string): boolean {
  const end = text.search(/\r?\n\r?\n/);
  if (end < 0) return false;
  const lines = text.replace(/^\uFEFF/, '').slice(0, end).split(/\r?\n/);
  if (lines.length < 2 || !lines.every((l) => HEADER.test(l) || /^[ \t]/.test(l))) return false;
  const names = new Set(lines.filter((l) => HEADER.test(l)).map((l) => l.slice(0, l.indexOf(':')).toLowerCase()));
  return names.has('from') && ['date', 'subject', 'message-id', 'received', 'mime-version'].some((n) => names.has(n));
}

const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f<>:"/\\|?*\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;

/**
 * A file name safe to offer for download: no directories, control or direction-override characters,
 * no characters Windows refuses, at most 255 characters, with an extension of the detected type.
 */
export function safeFilename(given: string | undefined | null, mediaType: string): string {
  const base = (given ?? '').split(/[/\\]/).pop() ?? '';
  let name = base.normalize('NFC').replace(UNSAFE_CHARS, '_').replace(/\s+/g, ' ').trim().replace(/^[.\s]+|[.\s]+$/g, '');
  if (RESERVED.test(name)) name = `_${name}`;
  const exts = ACCEPTED_TYPES[mediaType] ?? [];
  const ext = /\.([A-Za-z0-9]{1,8})$/.exec(name)?.[1]?.toLowerCase();
  const suffix = exts.length && (!ext || !exts.includes(ext)) ? `.${exts[0]}` : '';
  if (!name || name === '_') name = 'document';
  const chars = [...name];
  const room = 255 - suffix.length;
  if (chars.length > room) {
    const keepExt = !suffix && ext ? ext.length + 1 : 0;
    name = chars.slice(0, room - keepExt).join('') + (keepExt ? `.${ext}` : '');
  }
  return name + suffix;
}

/** RFC 6266 / RFC 5987 Content-Disposition: an ASCII fallback and the UTF-8 name. */
export function attachmentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\;]/g, '_');
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** The Content-Type a stored document is served with. */
export function servedType(mediaType: string): string {
  return mediaType === 'text/plain' || mediaType === 'message/rfc822' ? `${mediaType}; charset=utf-8` : mediaType;
}

/** What the uploader says about a document (the file itself is checked separately). */
export interface DocumentFields {
  kind?: string;
  title?: string;
  language?: string;
  executionId?: string;
  replaces?: string;
}

export interface CheckedFields {
  kind?: DocumentKind;
  title?: string;
  language: string | null;
  executionId?: string;
  replaces?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LANGUAGE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** Check the fields; kind and title may be left out only for a new version (they come from the previous one). */
export function checkDocumentFields(input: DocumentFields): { fields: CheckedFields; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const fields: CheckedFields = { language: null };
  const replaces = input.replaces?.trim() || undefined;
  if (replaces !== undefined) {
    if (isUuid(replaces)) fields.replaces = replaces.toLowerCase();
    else issues.push({ field: 'replaces', message: 'must be the id of a document of this case' });
  }
  const kind = input.kind?.trim() || undefined;
  if (kind === undefined) {
    if (!replaces) issues.push({ field: 'kind', message: `is required: one of ${DOCUMENT_KINDS.join(', ')}` });
  } else if ((DOCUMENT_KINDS as readonly string[]).includes(kind)) fields.kind = kind as DocumentKind;
  else issues.push({ field: 'kind', message: `must be one of ${DOCUMENT_KINDS.join(', ')}` });
  const title = input.title?.replace(/\s+/g, ' ').trim() || undefined;
  if (title === undefined) {
    if (!replaces) issues.push({ field: 'title', message: 'is required' });
  } else if ([...title].length > 300) issues.push({ field: 'title', message: 'must be at most 300 characters' });
  else fields.title = title;
  const language = input.language?.trim();
  if (language) {
    if (language.length <= 35 && LANGUAGE.test(language)) fields.language = language;
    else issues.push({ field: 'language', message: 'must be a BCP 47 language tag, e.g. en, fr, es-MX' });
  }
  const executionId = input.executionId?.trim() || undefined;
  if (executionId !== undefined) {
    if (isUuid(executionId)) fields.executionId = executionId.toLowerCase();
    else issues.push({ field: 'execution_id', message: 'must be the id of an executing authority\'s track of this case' });
  }
  return { fields, issues };
}
