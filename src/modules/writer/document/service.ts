/**
 * The final document of a draft, DOCX or PDF, in the language the drafter chose among those the
 * requested State accepts. Refused (409 draft-incomplete, naming every missing item as
 * "<step>.<question>") until the draft is complete. On request the document is attached to the case
 * as a casework document (kind "request", its language), through casework's public entry.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import { AppError, ValidationError } from '../../../platform/http/errors.js';
import { isLang, type Lang } from '../../../platform/i18n/languages.js';
import { formatDate } from '../../../platform/i18n/messages.js';
import type { Actor } from '../../access/index.js';
import { uploadDocument, type DocumentView } from '../../casework/index.js';
import { printToPdf } from '../../directory/index.js';
import { countryName, listCountries } from '../../reference/index.js';
import { documentModel, type DocModel } from '../domain/document.js';
import { openDraft, type DraftView } from '../service.js';
import { docT, questionT } from '../texts.js';
import { documentDocx } from './docx.js';
import { documentHtml } from './html.js';

export const FORMATS = ['docx', 'pdf'] as const;
export type DocFormat = (typeof FORMATS)[number];

export class DraftIncompleteError extends AppError {
  constructor(view: DraftView) {
    const issues = view.missing.map((m) => ({ field: `${m.step}.${m.field}`, message: m.reason }));
    super(409, 'draft-incomplete', `The draft is not complete: ${issues.map((i) => i.field).join(', ')}`, issues);
  }
}

/** The document model of a complete draft (409 otherwise). */
export async function modelOf(db: Kysely<DB>, view: DraftView, now = new Date()): Promise<DocModel> {
  if (view.missing.length) throw new DraftIncompleteError(view);
  const lang = view.draft.answers.doc_language as string;
  if (!isLang(lang)) throw new DraftIncompleteError({ ...view, missing: [{ step: 'requested', field: 'doc_language', reason: 'not_accepted' }] });
  const countries = await listCountries(db);
  return documentModel({
    kind: view.kind,
    answers: view.draft.answers,
    requested: view.directory.requested,
    lang,
    t: docT(lang),
    q: questionT(lang),
    countryName: countryName(countries, view.draft.requested_country, lang),
    receivingName: view.directory.receivingName,
    reference: view.caseView.case.reference,
    date: formatDate(lang, now),
  });
}

export async function renderPdf(m: DocModel): Promise<Buffer> {
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'palermo-writer-'));
  try {
    const html = path.join(dir, 'request.html');
    const pdf = path.join(dir, 'request.pdf');
    await fs.promises.writeFile(html, documentHtml(m));
    await printToPdf(html, pdf, dir, 120_000);
    return await fs.promises.readFile(pdf);
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
}

export interface RenderedDocument {
  bytes: Buffer;
  filename: string;
  mediaType: string;
  lang: Lang;
  attached: DocumentView | null;
}

const MEDIA: Record<DocFormat, string> = { docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', pdf: 'application/pdf' };

export async function renderDocument(
  db: Kysely<DB>,
  actor: Actor,
  caseId: string,
  format: unknown,
  opts: { attach?: boolean; spoolDir?: string; maxBytes?: number; lang?: string } = {},
): Promise<RenderedDocument> {
  if (format !== 'docx' && format !== 'pdf') throw new ValidationError([{ field: 'format', message: 'must be docx or pdf' }]);
  const view = await openDraft(db, actor, caseId, opts.lang);
  const m = await modelOf(db, view);
  const bytes = format === 'docx' ? await documentDocx(m) : await renderPdf(m);
  const base = (view.caseView.case.reference ?? view.caseView.case.id).replace(/[^A-Za-z0-9_-]+/g, '-');
  const filename = `${base}-${m.lang}.${format}`;
  let attached: DocumentView | null = null;
  if (opts.attach && opts.spoolDir) {
    attached = await uploadDocument(db, actor, view.caseView.case.id, { kind: 'request', title: m.title, language: m.lang, filename, stream: Readable.from([bytes]) }, {
      maxBytes: opts.maxBytes ?? 50 * 1024 * 1024,
      spoolDir: opts.spoolDir,
    });
  }
  return { bytes, filename, mediaType: MEDIA[format], lang: m.lang as Lang, attached };
}
