/**
 * Knowledge content: validate and save records (laws and the four kinds of entries), read them back.
 * Every write announces the changed entries (ENTRIES_CHANGED, changes.ts) in the same transaction;
 * the search module subscribes and re-indexes them there.
 */
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { inTransaction } from '../../platform/db/batch.js';
import { ValidationError, type FieldIssue } from '../../platform/http/errors.js';
import { announceEntryChanges } from './changes.js';
import { checkRecord, type ReferenceSets } from './domain/checks.js';
import { contentHash } from './domain/canonical.js';
import type { EntryDocument, KnowledgeRecord, LawDocument, RecordType, TreatyParty } from './domain/schemas.js';
import type { EntryOrigin } from './tables.js';
import { entryToRows, lawToRows, partyToRow, type EntryRows } from './repository/rows.js';
import {
  deleteDemoRows,
  deletePartiesExcept,
  extractIdsOfLaws,
  findEntryHeads,
  findLawHeads,
  findTreatyIds,
  storeFile,
  upsertPartyRows,
  writeEntryRows,
  writeLawRows,
} from './repository/write.js';
import { listEntryIds, listLawIds, loadEntryDocuments, loadLawDocuments, selectArticleKeys, selectDemoCountries, selectTermsInUse, selectTextExcerpts } from './repository/read.js';
import { referenceCodes } from './reference-codes.js';
import { keepUnpublished, sameEntry, sameLaw } from './repository/compare.js';

export type SaveOutcome = 'created' | 'updated' | 'unchanged';

export interface CheckContext {
  /** Reference data; loaded when not given (pass it when checking many batches). */
  refs?: ReferenceSets;
  /** Records defined elsewhere in the same submission (e.g. later lines of an import file), by id. */
  pending?: ReadonlyMap<string, RecordType>;
}

/** Every code a record may refer to (countries and terms from the reference module, instrument articles), for validating imports in memory. */
export async function loadReferenceSets(db: Kysely<DB>): Promise<ReferenceSets> {
  const [codes, articles] = await Promise.all([referenceCodes(db), selectArticleKeys(db)]);
  return { countries: codes.countries, ...(codes.states ? { states: codes.states } : {}), ...(codes.partners ? { partners: codes.partners } : {}), terms: codes.terms, articles };
}

/**
 * Check records against reference data and existing content.
 * Returns the issues of each record by its index (absent: the record is valid).
 */
export async function checkRecords(db: Kysely<DB>, records: readonly KnowledgeRecord[], ctx: CheckContext = {}): Promise<Map<number, FieldIssue[]>> {
  const refs = ctx.refs ?? (await loadReferenceSets(db));
  const problems = new Map<number, FieldIssue[]>();
  const entries = records.filter((r): r is EntryDocument => r.type !== 'law');
  const [heads, lawHeads, treatyIds] = await Promise.all([
    findEntryHeads(db, entries.map((r) => r.id)),
    findLawHeads(db, entries.flatMap((r) => (r.type === 'legislation' ? [r.law_id] : []))),
    findTreatyIds(db, entries.flatMap((r) => (r.type === 'treaty' && r.parent_id ? [r.parent_id] : []))),
  ]);
  const inBatch = new Map<string, RecordType>();
  for (const r of records) inBatch.set(`${r.type === 'law' ? 'law' : 'entry'}:${r.id}`, r.type);

  records.forEach((record, index) => {
    const issues = checkRecord(record, refs);
    if (record.type !== 'law') {
      const existing = heads.get(record.id);
      if (existing && existing.type !== record.type) issues.push({ field: 'id', message: `"${record.id}" is already used by a ${existing.type} entry` });
      const pendingType = ctx.pending?.get(record.id);
      if (pendingType && pendingType !== 'law' && pendingType !== record.type) {
        issues.push({ field: 'id', message: `"${record.id}" is also used by a ${pendingType} record` });
      }
    }
    if (record.type === 'legislation' && !lawHeads.has(record.law_id) && !inBatch.has(`law:${record.law_id}`) && ctx.pending?.get(record.law_id) !== 'law') {
      issues.push({ field: 'law_id', message: `unknown law "${record.law_id}" (import the law record first or in the same file)` });
    }
    if (record.type === 'treaty' && record.parent_id && !treatyIds.has(record.parent_id) && inBatch.get(`entry:${record.parent_id}`) !== 'treaty' && ctx.pending?.get(record.parent_id) !== 'treaty') {
      issues.push({ field: 'parent_id', message: `unknown treaty "${record.parent_id}"` });
    }
    if (record.type === 'law' && record.attachment && !record.attachment.content_base64 && !record.attachment.id) {
      issues.push({ field: 'attachment.content_base64', message: 'is required for a new attachment' });
    }
    if (issues.length) problems.set(index, issues);
  });
  return problems;
}

export interface SaveOptions {
  origin: EntryOrigin;
  /** Skip checks the caller has already made with checkRecords. */
  checked?: boolean;
  refs?: ReferenceSets;
  now?: Date;
}

function decodeAttachment(doc: LawDocument): { id: string; filename: string; media_type: string; content: Buffer } | undefined {
  const a = doc.attachment;
  if (!a?.content_base64) return undefined;
  const content = Buffer.from(a.content_base64, 'base64');
  return { id: crypto.createHash('sha256').update(content).digest('hex'), filename: a.filename, media_type: a.media_type, content };
}

/**
 * Save records (upsert by id). A record identical to what is stored is skipped ("unchanged"),
 * so importing the same file twice changes nothing. All or nothing: runs in one transaction.
 */
export async function saveRecords(db: Kysely<DB>, records: readonly KnowledgeRecord[], options: SaveOptions): Promise<SaveOutcome[]> {
  if (!options.checked) {
    const problems = await checkRecords(db, records, options.refs ? { refs: options.refs } : {});
    if (problems.size) {
      const prefix = records.length > 1;
      const issues = [...problems.entries()].flatMap(([i, list]) => list.map((issue) => ({ ...issue, field: prefix ? `records.${i}.${issue.field}` : issue.field })));
      throw new ValidationError(issues);
    }
  }
  const now = options.now ?? new Date();
  return inTransaction(db, async (trx) => {
    const outcomes: SaveOutcome[] = new Array(records.length);
    const laws = records.map((r, i) => [r, i] as const).filter((x): x is readonly [LawDocument, number] => x[0].type === 'law');
    const entries = records.map((r, i) => [r, i] as const).filter((x): x is readonly [EntryDocument, number] => x[0].type !== 'law');

    // Laws first: extracts refer to them.
    const lawHeads = await findLawHeads(trx, laws.map(([l]) => l.id));
    const lawBatch = [];
    const changedLaws: string[] = [];
    for (const [doc, i] of laws) {
      const hash = contentHash(doc);
      const head = lawHeads.get(doc.id);
      if (head?.content_hash === hash) {
        outcomes[i] = 'unchanged';
        continue;
      }
      const file = decodeAttachment(doc);
      if (file) await storeFile(trx, file);
      lawBatch.push(lawToRows(doc, { origin: options.origin, hash, attachmentId: file?.id ?? doc.attachment?.id ?? null, now }));
      outcomes[i] = head ? 'updated' : 'created';
      if (head) changedLaws.push(doc.id);
    }
    await writeLawRows(trx, lawBatch);

    const entryHeads = await findEntryHeads(trx, entries.map(([e]) => e.id));
    const extractLaws = await findLawHeads(trx, entries.flatMap(([e]) => (e.type === 'legislation' ? [e.law_id] : [])));
    const entryBatch: EntryRows[] = [];
    const changed: string[] = [];
    for (const [doc, i] of entries) {
      const hash = contentHash(doc);
      const head = entryHeads.get(doc.id);
      if (head?.content_hash === hash) {
        outcomes[i] = 'unchanged';
        continue;
      }
      const law = doc.type === 'legislation' ? extractLaws.get(doc.law_id) : undefined;
      entryBatch.push(entryToRows(doc, { origin: options.origin, hash, lawDate: law ? (law.amended_on ?? law.adopted_on) : null, now }));
      outcomes[i] = head ? 'updated' : 'created';
      changed.push(doc.id);
    }
    await writeEntryRows(trx, entryBatch);
    const reindex = new Set([...changed, ...(await extractIdsOfLaws(trx, changedLaws))]);
    if (reindex.size) await announceEntryChanges(trx, [...reindex]);
    return outcomes;
  });
}

/** One entry as the public sees it (published language versions only), or undefined. */
export async function getEntry(db: Kysely<DB>, id: string, options: { publishedOnly?: boolean } = {}): Promise<EntryDocument | undefined> {
  const [doc] = await loadEntryDocuments(db, [id], { publishedOnly: options.publishedOnly ?? true });
  return doc;
}

export async function getLaw(db: Kysely<DB>, id: string): Promise<LawDocument | undefined> {
  const [doc] = await loadLawDocuments(db, [id]);
  return doc;
}

/**
 * Add or update parties of a treaty, leaving its other parties as they are (e.g. demo status data
 * on a reference instrument). Announces the treaty as changed.
 */
export async function saveTreatyParties(db: Kysely<DB>, treatyId: string, parties: readonly TreatyParty[], now = new Date()): Promise<void> {
  await checkParties(db, treatyId, parties);
  await inTransaction(db, async (trx) => {
    await upsertPartyRows(trx, parties.map((p) => partyToRow(treatyId, p, now)));
    await announceEntryChanges(trx, [treatyId]);
  });
}

/**
 * Replace every party of a treaty (demo ones included) with these (e.g. the status as published by the
 * depositary). Announces the treaty as changed. Returns how many rows were removed.
 */
export async function replaceTreatyParties(db: Kysely<DB>, treatyId: string, parties: readonly TreatyParty[], now = new Date()): Promise<{ removed: number }> {
  await checkParties(db, treatyId, parties);
  return inTransaction(db, async (trx) => {
    const removed = await deletePartiesExcept(
      trx,
      treatyId,
      parties.map((p) => p.country),
    );
    await upsertPartyRows(trx, parties.map((p) => partyToRow(treatyId, p, now)));
    await announceEntryChanges(trx, [treatyId]);
    return { removed };
  });
}

async function checkParties(db: Kysely<DB>, treatyId: string, parties: readonly TreatyParty[]): Promise<void> {
  const refs = await loadReferenceSets(db);
  const issues: FieldIssue[] = [];
  if (!(await findTreatyIds(db, [treatyId])).has(treatyId)) issues.push({ field: 'treaty_id', message: `unknown treaty "${treatyId}"` });
  parties.forEach((p, i) => {
    if (!refs.countries.has(p.country)) issues.push({ field: `parties.${i}.country`, message: `unknown country code "${p.country}"` });
    else if (refs.states && !refs.states.has(p.country)) issues.push({ field: `parties.${i}.country`, message: `"${p.country}" is an area, not a State` });
    if ((p.consent_kind === undefined) !== (p.consent_on === undefined)) issues.push({ field: `parties.${i}.consent_on`, message: 'consent_kind and consent_on go together' });
  });
  if (issues.length) throw new ValidationError(issues);
}

/** Remove all demo content (entries, laws, treaty parties flagged demo) and nothing else. */
export async function removeDemoContent(db: Kysely<DB>): Promise<{ entries: number; laws: number; parties: number }> {
  return inTransaction(db, async (trx) => {
    const { treatiesTouched, ...counts } = await deleteDemoRows(trx);
    if (treatiesTouched.length) await announceEntryChanges(trx, treatiesTouched);
    return counts;
  });
}

/**
 * The beginning of the prose of some language versions (summary, body, facts, decision, commentary
 * joined by line breaks), at most `maxChars` characters each, in one query: "entryId lang" → text.
 */
export async function textExcerpts(db: Kysely<DB>, wanted: readonly { entryId: string; lang: string; maxChars: number }[]): Promise<Map<string, string>> {
  const rows = await selectTextExcerpts(db, wanted);
  return new Map(rows.map((r) => [excerptKey(r.entry_id, r.lang), r.text]));
}

/** The key of an excerpt in the map of textExcerpts. */
export function excerptKey(entryId: string, lang: string): string {
  return `${entryId} ${lang}`;
}

/** Which of some taxonomy terms ("taxonomy:code") content is tagged with (entries or instrument articles). */
export function termsInUse(db: Kysely<DB>, keys: readonly string[]): Promise<Set<string>> {
  return selectTermsInUse(db, keys);
}

/** Countries that have demo content (the demo seed gives each of them authorities). */
export function demoCountries(db: Kysely<DB>): Promise<string[]> {
  return selectDemoCountries(db);
}

export { findEntryHeads, findLawHeads, keepUnpublished, listEntryIds, listLawIds, loadEntryDocuments, loadLawDocuments, sameEntry, sameLaw };
