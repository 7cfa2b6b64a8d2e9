/**
 * The case page's answer forms (pages/case.tsx), read for sendReply: a multipart form (the refusal
 * with its grounds, one checkbox field per ground, its reasons and an attachment; the postponement with
 * its reason and date; the other kinds with their text and an attachment) through casework's upload
 * receiver (CSRF token before the file, size limit, type by content, spooled to a temporary file); an
 * urlencoded form (no attachment) still works. The attachment is read from its temporary file: whole
 * when small, else piece by piece into the chunks (never whole in memory).
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import type { FastifyRequest } from 'fastify';
import type { App } from '../../platform/http/app.js';
import { receiveUpload, refusalGroundChoices, type ExchangeDocument, type ReceivedUpload } from '../casework/index.js';
import { CHUNK_BYTES } from './domain/chunks.js';
import type { ReplyInput } from './send-service.js';

type Body = Record<string, string | string[] | undefined>;
const GROUND_PREFIX = 'ground_';
const GROUND_CODES = refusalGroundChoices('en').map((g) => g.code);
const FIELDS = ['kind', 'text', 'until', 'partnerId', ...GROUND_CODES.map((g) => GROUND_PREFIX + g)];
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const list = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** The checkbox field of a refusal ground. */
export const groundField = (code: string) => GROUND_PREFIX + code;

async function attachmentOf(file: ReceivedUpload): Promise<ExchangeDocument> {
  const meta = { filename: file.filename, mediaType: file.mediaType, title: file.filename, sha256: file.sha256, byteSize: file.byteSize };
  if (file.byteSize <= CHUNK_BYTES) return { ...meta, data: await fsp.readFile(file.path) };
  return { ...meta, data: null, pieces: () => fs.createReadStream(file.path, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer> };
}

/** Read the answer form; `use` runs with the input while the attachment's temporary file exists (removed after). */
export async function withReplyForm<T>(app: App, request: FastifyRequest, use: (input: ReplyInput) => Promise<T>): Promise<T> {
  if (!request.isMultipart()) {
    const b = (request.body && typeof request.body === 'object' ? request.body : {}) as Body;
    const grounds = [...list(b.grounds), ...GROUND_CODES.filter((g) => one(b[groundField(g)]))];
    return use({ kind: one(b.kind), text: one(b.text), until: one(b.until) || undefined, partnerId: one(b.partnerId) || undefined, ...(grounds.length ? { grounds } : {}) });
  }
  let file: ReceivedUpload | null = null;
  try {
    const got = await receiveUpload(app, request, { fields: FIELDS, form: true, maxBytes: app.config.caseworkMaxUploadMb * 1024 * 1024, fileField: 'attachment', setting: 'CASEWORK_MAX_UPLOAD_MB' });
    file = got.file;
    const f = got.fields;
    const grounds = GROUND_CODES.filter((g) => f[groundField(g)]);
    return await use({ kind: f.kind, text: f.text, until: f.until || undefined, partnerId: f.partnerId || undefined, ...(grounds.length ? { grounds } : {}), ...(file ? { attachments: [await attachmentOf(file)] } : {}) });
  } finally {
    await file?.remove();
  }
}
