/**
 * Importing an authentic language version of a shipped instrument (palermo import-instrument-text):
 * checks the instrument, the language (an authentic language of the instrument other than the
 * shipped English) and the file (every problem names its line), stores it in instrument_texts and
 * saves the treaty record with the new version and an audit event, in one transaction. Nothing is written when any
 * check fails. A later reference reload merges the stored texts again.
 */
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { inTransaction } from '../../platform/db/batch.js';
import { ValidationError } from '../../platform/http/errors.js';
import { recordAudit, type AuditContext } from '../audit/index.js';
import { saveRecords, type SaveOutcome } from '../knowledge/index.js';
import { INSTRUMENTS } from './definitions/instruments.js';
import { lockReferenceLoad } from './repository-write.js';
import { selectAuthenticTexts, upsertInstrumentText } from './repository-texts.js';
import { MAX_TEXT_BYTES, parseAuthenticText } from './sources/authentic-text.js';
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

export async function importInstrumentText(db: Kysely<DB>, input: ImportTextInput): Promise<ImportTextResult> {
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
  const { text, issues } = parseAuthenticText(input.content, new Set(known));
  if (issues.length) throw new ValidationError(issues);
  const now = input.now ?? new Date();
  const sha256 = crypto.createHash('sha256').update(input.content).digest('hex');
  return inTransaction(db, async (trx) => {
    await lockReferenceLoad(trx); // not while a reference load runs
    const outcome = await upsertInstrumentText(trx, { treaty_id: def.id, lang: input.lang, title: text.title ?? null, articles: text.articles, source, sha256 }, now);
    const authentic = (await selectAuthenticTexts(trx, def.id))[def.id] ?? {};
    const [record] = await saveRecords(trx, [buildTreatyRecord(def, shipped, authentic)], { origin: 'reference', now });
    await recordAudit(trx, input.ctx, {
      action: 'reference.import_instrument_text',
      targetType: 'treaty',
      targetId: def.id,
      changes: { lang: input.lang, articles: text.articles.length, source, sha256, outcome },
    });
    const held = new Set(text.articles.map((a) => a.number));
    return { instrument: def.id, lang: input.lang, articles: text.articles.length, missing: known.filter((n) => !held.has(n)), outcome, record: record! };
  });
}
