/**
 * The signed content of an exchange message (docs/EXCHANGE.md "Messages"): what a node sends inside
 * the JWS, and the check of what a node received after decrypting and verifying it. Pure.
 */
import crypto from 'node:crypto';
import type { FieldIssue } from '../../../platform/http/errors.js';
import { nulCharacterIssues } from '../../../platform/validation.js';
import { ANSWER_KINDS, kindRule, type AnswerKind } from './kinds.js';
import { CHUNK_BYTES, MAX_CHUNKS } from './chunks.js';

export const MESSAGE_VERSION = 'palermo-message/1';
/** Kinds of message, both ways. request: a new request; the others (domain/kinds.ts) answer a message (in_reply_to). */
export const MESSAGE_KINDS = ['request', ...ANSWER_KINDS] as const;
export type MessageKind = 'request' | AnswerKind;

export interface MessageDocument {
  filename: string;
  media_type: string;
  title: string;
  sha256: string;
  /** The content, base64 (documents up to CHUNK_BYTES)… */
  data?: string;
  /** …or, for larger ones, the SHA-256 (hex) of each chunk in order (domain/chunks.ts) and the size in bytes. */
  chunks?: string[];
  size?: number;
}

export interface MessageCase {
  /** The sender's reference of the case. */
  reference: string | null;
  kind: string;
  title: string;
  summary: string;
}

export interface MessageContent {
  v: typeof MESSAGE_VERSION;
  id: string;
  kind: MessageKind;
  from: string;
  to: string;
  sent_at: string;
  in_reply_to?: string;
  case?: MessageCase;
  text?: string;
  /** Grounds of a refusal (UNTOC art. 18(21), casework's list of refusal grounds). */
  grounds?: string[];
  /** A postponement's end (YYYY-MM-DD, art. 18(25)). */
  until?: string;
  documents: MessageDocument[];
}

export const sha256Hex = (data: string | Uint8Array): string => crypto.createHash('sha256').update(data).digest('hex');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: unknown): s is string => typeof s === 'string' && UUID.test(s);

const isStr = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;

/** Check decrypted, verified content: its shape, that it is meant for this node, and every document's hash. */
export function checkMessage(input: unknown, self: string): { ok: true; value: MessageContent } | { ok: false; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const o = (input && typeof input === 'object' && !Array.isArray(input) ? input : {}) as Record<string, unknown>;
  if (o.v !== MESSAGE_VERSION) issues.push({ field: 'v', message: `must be "${MESSAGE_VERSION}"` });
  if (!isUuid(o.id)) issues.push({ field: 'id', message: 'must be a UUID' });
  if (!MESSAGE_KINDS.includes(o.kind as MessageKind)) issues.push({ field: 'kind', message: `must be one of ${MESSAGE_KINDS.join(', ')}` });
  if (!isStr(o.from, 200) || !o.from) issues.push({ field: 'from', message: 'must name the sending node' });
  if (o.to !== self) issues.push({ field: 'to', message: 'is not this node' });
  if (!isStr(o.sent_at, 40) || Number.isNaN(Date.parse(o.sent_at))) issues.push({ field: 'sent_at', message: 'must be a time' });
  if (o.kind === 'request') {
    const c = (o.case && typeof o.case === 'object' ? o.case : null) as Record<string, unknown> | null;
    if (!c) issues.push({ field: 'case', message: 'is required in a request' });
    else {
      if (!isStr(c.title, 300) || !c.title.trim()) issues.push({ field: 'case.title', message: 'is required (at most 300 characters)' });
      if (!isStr(c.kind, 60)) issues.push({ field: 'case.kind', message: 'is required' });
      if (!isStr(c.summary, 20_000)) issues.push({ field: 'case.summary', message: 'must be text of at most 20,000 characters' });
      if (c.reference !== null && !isStr(c.reference, 120)) issues.push({ field: 'case.reference', message: 'must be text of at most 120 characters, or null' });
    }
  } else if (o.kind !== undefined && !isUuid(o.in_reply_to)) issues.push({ field: 'in_reply_to', message: 'must name the message answered' });
  if (o.text !== undefined && !isStr(o.text, 100_000)) issues.push({ field: 'text', message: 'must be text' });
  if (o.grounds !== undefined && !(Array.isArray(o.grounds) && o.grounds.length <= 20 && o.grounds.every((g) => isStr(g, 60) && g))) issues.push({ field: 'grounds', message: 'must be a list of at most 20 grounds' });
  if (o.until !== undefined && !(isStr(o.until, 10) && /^\d{4}-\d{2}-\d{2}$/.test(o.until))) issues.push({ field: 'until', message: 'must be a date YYYY-MM-DD' });
  if (o.kind !== 'request' && MESSAGE_KINDS.includes(o.kind as MessageKind)) {
    for (const need of kindRule(o.kind as AnswerKind).needs) {
      const v = o[need];
      if (v === undefined || v === '' || (Array.isArray(v) && !v.length)) issues.push({ field: need, message: `is required in a ${String(o.kind)}` });
    }
  }
  if (!Array.isArray(o.documents) || o.documents.length > 100) issues.push({ field: 'documents', message: 'must be a list of at most 100 documents' });
  else {
    for (const [i, d] of (o.documents as unknown[]).entries()) {
      const doc = (d && typeof d === 'object' ? d : {}) as Record<string, unknown>;
      const f = `documents.${i}`;
      if (!isStr(doc.filename, 255) || !doc.filename) issues.push({ field: `${f}.filename`, message: 'is required' });
      if (!isStr(doc.media_type, 200)) issues.push({ field: `${f}.media_type`, message: 'is required' });
      if (!isStr(doc.title, 300)) issues.push({ field: `${f}.title`, message: 'is required (at most 300 characters)' });
      if (doc.chunks !== undefined) {
        if (doc.data !== undefined) issues.push({ field: `${f}.data`, message: 'a document in chunks carries no data' });
        if (typeof doc.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(doc.sha256)) issues.push({ field: `${f}.sha256`, message: 'must be a SHA-256 in hex' });
        const n = Array.isArray(doc.chunks) ? doc.chunks.length : -1;
        if (n < 1 || n > MAX_CHUNKS || !(doc.chunks as unknown[]).every((c) => typeof c === 'string' && /^[0-9a-f]{64}$/.test(c))) issues.push({ field: `${f}.chunks`, message: `must list the SHA-256 of 1 to ${MAX_CHUNKS} chunks` });
        else if (!Number.isSafeInteger(doc.size) || (doc.size as number) <= (n - 1) * CHUNK_BYTES || (doc.size as number) > n * CHUNK_BYTES) issues.push({ field: `${f}.size`, message: 'must be the size in bytes of the chunks listed' });
      } else if (typeof doc.data !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(doc.data)) issues.push({ field: `${f}.data`, message: 'must be base64' });
      else if (doc.sha256 !== sha256Hex(Buffer.from(doc.data, 'base64'))) issues.push({ field: `${f}.sha256`, message: 'does not match the document' });
    }
  }
  // PostgreSQL cannot store U+0000 in text: refused here rather than failing in the database.
  issues.push(...nulCharacterIssues({ ...o, documents: undefined }));
  if (issues.length) return { ok: false, issues };
  return { ok: true, value: o as unknown as MessageContent };
}

/** The words of a message as the case history records them (text, grounds, until). */
export function textOf(m: Pick<MessageContent, 'text' | 'grounds' | 'until'>): { text?: string; grounds?: string[]; until?: string } {
  return { ...(m.text ? { text: m.text } : {}), ...(m.grounds?.length ? { grounds: m.grounds } : {}), ...(m.until ? { until: m.until } : {}) };
}
