/**
 * The search indexer: keeps the search documents of entries and of service providers. It subscribes
 * to the knowledge module's ENTRIES_CHANGED, the providers module's PROVIDERS_CHANGED and
 * reference's TERM_LABELS_CHANGED (subscribe(), wired at start-up)
 * and writes in the transaction of the change; `palermo reindex` and the start-up check (when the
 * reference data copied into documents — labels, country names, regions — changed) rebuild them all
 * from knowledge's `publishedEntries` and providers' `publicProviders`. It never reads the knowledge,
 * providers or reference tables.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { chunks, inTransaction } from '../../platform/db/batch.js';
import { onChange } from '../../platform/events.js';
import { getSetting, setSetting } from '../../platform/db/settings.js';
import { countAllEntries, entriesTaggedWith, entriesWithTerm, ENTRIES_CHANGED, listEntryIds, publishedEntries, type EntriesChanged } from '../knowledge/index.js';
import { PROVIDERS_CHANGED, publicProviders, publishedProviderIds, type ProvidersChanged } from '../providers/index.js';
import { listCountries, listTerms, referenceSignature, TERM_LABELS_CHANGED } from '../reference/index.js';
import { documentKey, documentMeta, documentSegments, type EntrySource } from './domain/document.js';
import { entrySource, instrumentSignature, providerSource, type ReferenceLookup } from './domain/source.js';
import { countDocuments, deleteDocuments, storedInstrumentSignatures, storeInstrumentSignatures, upsertDocuments, vacuumDocuments } from './repository/index-write.js';

const BATCH = 500;
const UPSERT_BATCH = 100;

async function referenceLookup(db: Kysely<DB>): Promise<ReferenceLookup> {
  const [countries, terms] = await Promise.all([listCountries(db), listTerms(db)]);
  return {
    countries: new Map(countries.map((c) => [c.iso3, { names: c.names as Record<string, string>, region_code: c.region_code, subregion_code: c.subregion_code }])),
    terms: new Map(terms.map((t) => [`${t.taxonomy}:${t.code}`, t.labels as Record<string, string>])),
  };
}

/** Write the documents of these sources. */
async function writeSources(db: Kysely<DB>, sources: readonly EntrySource[]): Promise<void> {
  // Analysing text is the expensive part: statements of ~100 entries stay well under a second.
  for (const part of chunks(sources, UPSERT_BATCH)) await upsertDocuments(db, part.map(documentMeta), part.flatMap(documentSegments));
}

/** Index an announcement of the providers module (public fields only: it never hands over others). */
async function indexProviders(db: Kysely<DB>, change: ProvidersChanged): Promise<void> {
  const ref = await referenceLookup(db);
  await writeSources(db, change.changed.map((p) => providerSource(p, ref)));
  await deleteDocuments(db, change.removed.map((id) => documentKey('provider', id)), []);
}

/** Rebuild the documents of every published provider, batch by batch, each in its own transaction (unless db is one). */
async function reindexProviders(db: Kysely<DB>, size: number): Promise<number> {
  const ids = await publishedProviderIds(db);
  for (const part of chunks(ids, size)) await inTransaction(db, async (trx) => indexProviders(trx, await publicProviders(trx, part)));
  return ids.length;
}

/** Index one announcement; returns the treaties whose articles (numbers, headings, terms) changed since they were last indexed. */
async function indexBatch(db: Kysely<DB>, change: EntriesChanged): Promise<string[]> {
  const ref = await referenceLookup(db);
  await writeSources(db, change.changed.map((e) => entrySource(e, ref)));
  await deleteDocuments(db, change.removed, []);
  const treaties = change.changed.flatMap((e) => (e.document.type === 'treaty' ? [e.document] : []));
  if (!treaties.length) return [];
  const stored = await storedInstrumentSignatures(db, treaties.map((t) => t.id));
  const changed = new Map(treaties.map((t) => [t.id, instrumentSignature(t)] as const).filter(([id, sig]) => stored.get(id) !== sig));
  await storeInstrumentSignatures(db, changed);
  return [...changed.keys()];
}

/**
 * Rebuild the documents of announced entries (those removed or no longer visible leave the index),
 * in the publisher's transaction. When a treaty's articles changed, the entries tagged with them
 * are re-indexed too.
 */
export async function indexChanges(db: Kysely<DB>, change: EntriesChanged): Promise<void> {
  const done = new Set<string>();
  let pending: EntriesChanged[] = [change];
  while (pending.length) {
    const changedTreaties: string[] = [];
    for (const batch of pending) {
      changedTreaties.push(...(await indexBatch(db, batch)));
      for (const e of batch.changed) done.add(e.document.id);
      for (const id of batch.removed) done.add(id);
    }
    const next = (await entriesTaggedWith(db, changedTreaties)).filter((id) => !done.has(id));
    pending = [];
    for (const part of chunks(next, BATCH)) pending.push(await publishedEntries(db, part));
  }
}

/** Rebuild the documents of the given entries (as announced by knowledge for them now). */
export async function indexEntries(db: Kysely<DB>, entryIds: readonly string[]): Promise<void> {
  for (const part of chunks([...new Set(entryIds)], BATCH)) await indexChanges(db, await publishedEntries(db, part));
}

/** Term labels are indexed in the entries tagged with the term. */
async function indexTermChanges(db: Kysely<DB>, change: { terms: { taxonomy: string; code: string }[] }): Promise<void> {
  for (const t of change.terms) await indexEntries(db, await entriesWithTerm(db, t.taxonomy, t.code));
}

/** Wire the indexer to the announcements of knowledge and reference (PalermoModule.subscribe; idempotent). */
export function subscribeIndexer(): void {
  onChange(ENTRIES_CHANGED, indexChanges);
  onChange(TERM_LABELS_CHANGED, indexTermChanges);
  onChange(PROVIDERS_CHANGED, indexProviders);
}

export interface ReindexProgress {
  done: number;
  total: number;
}

/** Rebuild every search document, batch by batch (keyset over entry ids), each batch in its own transaction. */
export async function reindexAll(db: Kysely<DB>, options: { batchSize?: number; onProgress?: (p: ReindexProgress) => void } = {}): Promise<ReindexProgress> {
  const size = options.batchSize ?? BATCH;
  const total = await countAllEntries(db);
  let after: string | undefined;
  let done = 0;
  for (;;) {
    const ids = await listEntryIds(db, { limit: size, ...(after !== undefined ? { after } : {}) });
    if (!ids.length) break;
    await inTransaction(db, async (trx) => {
      await indexBatch(trx, await publishedEntries(trx, ids));
    });
    done += ids.length;
    after = ids[ids.length - 1]!;
    options.onProgress?.({ done, total: Math.max(total, done) });
  }
  await reindexProviders(db, size);
  await setSetting(db, SOURCES_KEY, SOURCES);
  await setSetting(db, REFERENCE_KEY, await referenceSignature(db));
  // Every document was rewritten; the embedded database has no autovacuum.
  if (!db.isTransaction) await vacuumDocuments(db);
  return { done, total: Math.max(total, done) };
}

const REFERENCE_KEY = 'search.reference_signature';
/** The sources indexed besides knowledge; when the stored value differs, their documents are built at start-up (migration 0090). */
const SOURCES_KEY = 'search.sources';
const SOURCES = 'providers';

/**
 * At start-up: when term labels, country names or regions changed since the documents were built,
 * rebuild them all. Returns whether a rebuild ran.
 */
export async function refreshIfReferenceChanged(db: Kysely<DB>, onProgress?: (p: ReindexProgress) => void): Promise<boolean> {
  const [current, stored, sources] = await Promise.all([referenceSignature(db), getSetting<string>(db, REFERENCE_KEY), getSetting<string>(db, SOURCES_KEY)]);
  if (current === stored) {
    if (sources !== SOURCES) {
      await reindexProviders(db, BATCH);
      await setSetting(db, SOURCES_KEY, SOURCES);
    }
    return false;
  }
  if ((await countDocuments(db)) === 0) {
    if (sources !== SOURCES) await reindexProviders(db, BATCH);
    await setSetting(db, SOURCES_KEY, SOURCES);
    await setSetting(db, REFERENCE_KEY, current);
    return false;
  }
  await reindexAll(db, onProgress ? { onProgress } : {});
  return true;
}
