/**
 * Read side of the knowledge module for the public pages and the API: public entries only
 * (at least one published language version), short summaries rather than whole documents.
 */
import { selectPartiesOfStates, type StatePartyRow } from './repository/parties.js';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { EntryIdSchema, type EntryDocument, type LawDocument } from './domain/schemas.js';
import type { EntryType } from './tables.js';
import {
  analyzeStaleTables,
  countEntries,
  countEntriesByCountry,
  countEntriesByType,
  countLawsOfCountry,
  lawExists,
  selectArticleLabels,
  selectChildTreaties,
  selectEntrySummaries,
  selectEntryType,
  selectExtractIds,
  selectLawAttachment,
  selectLawsOfCountry,
  selectLawSummaries,
  selectMultilateralTreaties,
  selectParticipation,
  selectTreatySummaries,
  type ArticleLabelRow,
  type EntryFilter,
  type EntryOrder,
  type EntrySummaryRow,
  type LawSummaryRow,
  type ParticipationRow,
  type PublicFile,
  type TreatySummaryRow,
} from './repository/lists.js';
import { selectMissingLanguages, selectUnchangedSince, type EntryLanguagesRow } from './repository/attention.js';
import { loadEntryDocuments, loadLawDocuments } from './repository/read.js';

export type { EntryLanguagesRow as EntryLanguages };
export type { StatePartyRow as StateParty };
export type { ArticleLabelRow as ArticleLabel, EntryFilter, EntryOrder, EntrySummaryRow as EntrySummary, LawSummaryRow as LawSummary, ParticipationRow as Participation, PublicFile, TreatySummaryRow as TreatySummary };

const ID_PATTERN = new RegExp((EntryIdSchema as unknown as { pattern: string }).pattern);

/** True when the string can be an entry or law id (the database would reject anything else). */
export function isEntryId(id: string): boolean {
  return ID_PATTERN.test(id);
}

/** Public entries lacking a published version in one of `langs` (one page, most recently changed first, and the total). */
export function entriesMissingLanguages(db: Kysely<DB>, langs: readonly string[], limit: number): Promise<{ total: number; items: EntryLanguagesRow[] }> {
  return selectMissingLanguages(db, langs, limit);
}

/** Public entries unchanged since `before`, except the ids `except` (one page, least recently changed first, and the total). */
export function entriesUnchangedSince(db: Kysely<DB>, before: Date, except: readonly string[], limit: number): Promise<{ total: number; items: EntryLanguagesRow[] }> {
  return selectUnchangedSince(db, before, except, limit);
}

/** Short public entries matching a filter. */
export function listEntries(db: Kysely<DB>, filter: EntryFilter, options: { order: EntryOrder; limit: number }): Promise<EntrySummaryRow[]> {
  return selectEntrySummaries(db, filter, options);
}

export function countPublicEntries(db: Kysely<DB>, filter: EntryFilter): Promise<number> {
  return countEntries(db, filter);
}

/**
 * Figures over the whole corpus (counts per database and per State, the latest changes) cost a
 * scan of every entry; pages showing them accept figures up to this old.
 */
export const OVERVIEW_TTL_MS = 30_000;

const overview = new WeakMap<object, Map<string, { at: number; value: Promise<unknown> }>>();

function cached<T>(db: Kysely<DB>, key: string, compute: () => Promise<T>, now = Date.now()): Promise<T> {
  let slots = overview.get(db);
  if (!slots) overview.set(db, (slots = new Map()));
  const hit = slots.get(key);
  if (hit && now - hit.at < OVERVIEW_TTL_MS) return hit.value as Promise<T>;
  const value = compute();
  slots.set(key, { at: now, value });
  value.catch(() => slots.delete(key));
  return value;
}

/** Forget cached figures (after a write the caller wants to see at once, e.g. in tests or after an import). */
export function forgetOverview(db: Kysely<DB>): void {
  overview.delete(db);
}

/** Public entries per database, for one State (exact) or for all (cached for OVERVIEW_TTL_MS). */
export function countByType(db: Kysely<DB>, country?: string): Promise<Map<EntryType, number>> {
  if (country) return countEntriesByType(db, { country });
  return cached(db, 'by-type', () => countEntriesByType(db));
}

/** Public entries per State (cached for OVERVIEW_TTL_MS). */
export function countByCountry(db: Kysely<DB>): Promise<Map<string, number>> {
  return cached(db, 'by-country', () => countEntriesByCountry(db));
}

/** The most recently updated public entries (cached for OVERVIEW_TTL_MS). */
export function recentEntries(db: Kysely<DB>, limit: number): Promise<EntrySummaryRow[]> {
  return cached(db, `recent:${limit}`, () => selectEntrySummaries(db, {}, { order: 'updated', limit }));
}

/** A first page of entries and the total, for "N entries, the latest M" blocks. */
export async function entryBlock(db: Kysely<DB>, filter: EntryFilter, limit: number, order: EntryOrder = 'date'): Promise<{ total: number; items: EntrySummaryRow[] }> {
  const [total, items] = await Promise.all([countEntries(db, filter), selectEntrySummaries(db, filter, { order, limit })]);
  return { total, items };
}

/** What an id is: an entry (of a type, public or not), a law, or nothing. */
export async function resolveId(db: Kysely<DB>, id: string): Promise<EntryType | 'law' | undefined> {
  if (!isEntryId(id)) return undefined;
  const type = await selectEntryType(db, id);
  if (type) return type;
  return (await lawExists(db, id)) ? 'law' : undefined;
}

/** A public entry of the expected type; `other` tells where an entry of another type lives. */
export async function getPublicEntry(
  db: Kysely<DB>,
  id: string,
  type: EntryType,
): Promise<{ doc?: EntryDocument; other?: EntryType | 'law' }> {
  if (!isEntryId(id)) return {};
  const [doc] = await loadEntryDocuments(db, [id], { publishedOnly: true });
  if (doc && doc.type === type) return { doc };
  if (doc) return { other: doc.type };
  // Not a public entry: maybe a law (/legislation/{law id} → /laws/{id}).
  if (type === 'legislation' && !(await selectEntryType(db, id)) && (await lawExists(db, id))) return { other: 'law' };
  return {};
}

export interface LawWithExtracts {
  law: LawDocument;
  extracts: EntrySummaryRow[];
}

/** A law with its public extracts in order (titles only). */
export async function getLawWithExtracts(db: Kysely<DB>, id: string, limit = 5000): Promise<LawWithExtracts | undefined> {
  if (!isEntryId(id)) return undefined;
  const [law] = await loadLawDocuments(db, [id]);
  if (!law) return undefined;
  const extracts = await selectEntrySummaries(db, { lawId: id, type: 'legislation' }, { order: 'position', limit });
  return { law, extracts };
}

/** The law document with the ids of its public extracts, as the API returns it. */
export async function getLawDocument(db: Kysely<DB>, id: string): Promise<(LawDocument & { extracts: string[] }) | undefined> {
  if (!isEntryId(id)) return undefined;
  const [law] = await loadLawDocuments(db, [id]);
  if (!law) return undefined;
  return { ...law, extracts: await selectExtractIds(db, id) };
}

export function getLawSummaries(db: Kysely<DB>, ids: readonly string[]): Promise<LawSummaryRow[]> {
  return selectLawSummaries(db, ids);
}

export async function lawsOfCountry(db: Kysely<DB>, country: string, limit: number): Promise<{ total: number; items: LawSummaryRow[] }> {
  const [total, items] = await Promise.all([countLawsOfCountry(db, country), selectLawsOfCountry(db, country, limit)]);
  return { total, items };
}

export function treatyChildren(db: Kysely<DB>, parentId: string): Promise<TreatySummaryRow[]> {
  return selectChildTreaties(db, parentId);
}

export function treatySummaries(db: Kysely<DB>, ids: readonly string[]): Promise<TreatySummaryRow[]> {
  return selectTreatySummaries(db, ids);
}

export function multilateralTreaties(db: Kysely<DB>): Promise<TreatySummaryRow[]> {
  return selectMultilateralTreaties(db);
}

export function participationOf(db: Kysely<DB>, country: string): Promise<ParticipationRow[]> {
  return selectParticipation(db, country);
}

/** Every status row (declarations and reservations included) of these States in public treaties, in one query. */
export function partiesOfStates(db: Kysely<DB>, countries: readonly string[]): Promise<StatePartyRow[]> {
  return selectPartiesOfStates(db, countries);
}

export function articleLabels(db: Kysely<DB>, refs: readonly { treatyId: string; number: string }[]): Promise<ArticleLabelRow[]> {
  return selectArticleLabels(db, refs);
}

/** A law's attachment by its SHA-256, or undefined (also for files that are not law attachments). */
export async function getLawAttachment(db: Kysely<DB>, sha256: string): Promise<PublicFile | undefined> {
  if (!/^[0-9a-f]{64}$/.test(sha256)) return undefined;
  return selectLawAttachment(db, sha256);
}

/** Refresh planner statistics of the knowledge tables when missing or stale (see analyzeStaleTables). */
export function refreshStatistics(db: Kysely<DB>): Promise<string[]> {
  return analyzeStaleTables(db);
}

/** Figures of the public exports (visible content only): entries per type, laws, treaty provisions and parties, languages present, visible extracts of laws. */
export {
  countVisibleEntries,
  countLaws,
  countTreatyDetails,
  selectVisibleLanguages as visibleLanguages,
  selectVisibleExtractIdsOfLaws as visibleExtractIdsOfLaws,
} from './repository/exports.js';
