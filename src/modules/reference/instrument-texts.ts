/**
 * Importing an authentic language version of a shipped instrument (palermo import-instrument-text):
 * checks the instrument, the language (an authentic language of the instrument other than the
 * shipped English) and the file, Markdown or Akoma Ntoso (every problem names its line), stores it in instrument_texts and
 * saves the treaty record with the new version and an audit event, in one transaction. Nothing is written when any
 * check fails; previewInstrumentText runs the same checks as a dry run (the upload page). A later
 * reference reload merges the stored texts again.
 */
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { inTransaction } from '../../platform/db/batch.js';
import { ValidationError, type FieldIssue } from '../../platform/http/errors.js';
import { recordAudit, type AuditContext } from '../audit/index.js';
import { saveRecords, type SaveOutcome } from '../knowledge/index.js';
import { INSTRUMENTS, type InstrumentDefinition } from './definitions/instruments.js';
import { lockReferenceLoad } from './repository-write.js';
import { selectAuthenticTexts, upsertInstrumentText } from './repository-texts.js';
import { looksLikeXml, parseAuthenticAkn } from './sources/authentic-akn.js';
import { MAX_TEXT_BYTES, parseAuthenticText, type AuthenticText } from './sources/authentic-text.js';
import { authenticLanguages, buildTreatyRecord, readInstrumentFile } from './sources/instruments.js';
import { parseTreatyMarkdown } from './sources/treaty-markdown.js';

export interface ImportTextInput {
  /** Who imports (the audit event's actor). */
  ctx: AuditContext;
  instrument: string;
  lang: string;
  content: string;
  /** Where the text comes from (file name or URL), stored with it. */
  source: string;
  now?: Date;
}

export interface ImportTextResult {
  instrument: string;
  lang: string;
  articles: number;
  /** Articles of the instrument the file does not contain (shown in English there). */
  missing: string[];
  outcome: 'created' | 'updated';
  record: SaveOutcome;
}

/** Markdown (the layout of resources/instruments/) or Akoma Ntoso XML, told apart by the first character. */
function parseInstrumentText(content: string, known: ReadonlySet<string>, lang: string): { text: AuthenticText; issues: FieldIssue[]; format: 'markdown' | 'akn' } {
  return looksLikeXml(content) ? { ...parseAuthenticAkn(content, known, lang), format: 'akn' } : { ...parseAuthenticText(content, known), format: 'markdown' };
}

/** What a dry run finds: the articles the file holds, in the file's order, and those it lacks. */
export interface TextPreview {
  instrument: string;
  lang: string;
  format: 'markdown' | 'akn';
  title?: string;
  articles: { number: string; title?: string; text: string }[];
  missing: string[];
  sha256: string;
  source: string;
}

interface Checked extends TextPreview {
  def: InstrumentDefinition;
  shipped: ReturnType<typeof parseTreatyMarkdown>;
}

/** Every check of an import, in order (instrument, language, size, source, the file line by line); writes nothing. */
function checkInstrumentText(input: Omit<ImportTextInput, 'ctx' | 'now'>): Checked {
  const def = INSTRUMENTS.find((d) => d.id === input.instrument);
  if (!def) throw new ValidationError([{ field: 'instrument', message: `unknown instrument "${input.instrument}"; shipped: ${INSTRUMENTS.map((d) => d.id).join(', ')}` }]);
  const langs = authenticLanguages(def).filter((l) => l !== 'en');
  if (input.lang === 'en') throw new ValidationError([{ field: 'lang', message: 'the authentic English text is shipped with Palermo; import another language' }]);
  if (!langs.includes(input.lang)) {
    throw new ValidationError([{ field: 'lang', message: `"${input.lang}" is not an authentic language of ${def.short_name}; import one of: ${langs.join(', ')}` }]);
  }
  if (Buffer.byteLength(input.content, 'utf8') > MAX_TEXT_BYTES) throw new ValidationError([{ field: 'file', message: `the file is larger than ${MAX_TEXT_BYTES} bytes` }]);
  const source = input.source.trim();
  if (!source) throw new ValidationError([{ field: 'source', message: 'say where the text comes from' }]);
  const shipped = parseTreatyMarkdown(readInstrumentFile(def));
  const known = shipped.en.articles.map((a) => a.number);
  const { text, issues, format } = parseInstrumentText(input.content, new Set(known), input.lang);
  if (issues.length) throw new ValidationError(issues);
  const held = new Set(text.articles.map((a) => a.number));
  const sha256 = crypto.createHash('sha256').update(input.content).digest('hex');
  return { def, shipped, instrument: def.id, lang: input.lang, format, ...(text.title ? { title: text.title } : {}), articles: text.articles, missing: known.filter((n) => !held.has(n)), sha256, source };
}

/** A dry run: the checks of the import and what it would store; nothing is written (ValidationError naming each line otherwise). */
export function previewInstrumentText(input: Omit<ImportTextInput, 'ctx' | 'now'>): TextPreview {
  const { def: _def, shipped: _shipped, ...preview } = checkInstrumentText(input);
  return preview;
}

export async function importInstrumentText(db: Kysely<DB>, input: ImportTextInput): Promise<ImportTextResult> {
  const { def, shipped, articles, title, source, sha256, missing, format } = checkInstrumentText(input);
  const now = input.now ?? new Date();
  return inTransaction(db, async (trx) => {
    await lockReferenceLoad(trx); // not while a reference load runs
    const outcome = await upsertInstrumentText(trx, { treaty_id: def.id, lang: input.lang, title: title ?? null, articles, source, sha256 }, now);
    const authentic = (await selectAuthenticTexts(trx, def.id))[def.id] ?? {};
    const [record] = await saveRecords(trx, [buildTreatyRecord(def, shipped, authentic)], { origin: 'reference', now });
    await recordAudit(trx, input.ctx, {
      action: 'reference.import_instrument_text',
      targetType: 'treaty',
      targetId: def.id,
      changes: { lang: input.lang, articles: articles.length, source, sha256, format, outcome },
    });
    return { instrument: def.id, lang: input.lang, articles: articles.length, missing, outcome, record: record! };
  });
}
