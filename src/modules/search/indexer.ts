/**
 * The search indexer: rebuilds the search documents of entries. Called by the knowledge service in
 * the same transaction as every change, by `palermo reindex`, and at start-up when the reference
 * data copied into documents (labels, country names, regions) has changed.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { chunks, inTransaction } from '../../platform/db/batch.js';
import { getSetting, setSetting } from '../../platform/db/settings.js';
import { documentMeta, documentSegments } from './domain/document.js';
import { loadEntrySources } from './repository/index-source.js';
import {
  countDocuments,
  countEntries,
  currentInstrumentSignatures,
  deleteDocuments,
  entriesTaggedWith,
  entryIdsAfter,
  referenceSignature,
  storedInstrumentSignatures,
  storeInstrumentSignatures,
  upsertDocuments,
  vacuumDocuments,
} from './repository/index-write.js';

const BATCH = 500;
const UPSERT_BATCH = 100;

/** Index one batch; returns the treaties whose article titles or terms changed since they were last indexed. */
async function indexBatch(db: Kysely<DB>, ids: readonly string[]): Promise<string[]> {
  const sources = await loadEntrySources(db, ids);
  // Analysing text is the expensive part: statements of ~100 entries stay well under a second.
  for (const part of chunks(sources, UPSERT_BATCH)) await upsertDocuments(db, part.map(documentMeta), part.flatMap(documentSegments));
  await deleteDocuments(db, ids, sources.map((s) => s.entry.id));
  const treaties = sources.filter((s) => s.entry.type === 'treaty').map((s) => s.entry.id);
  if (!treaties.length) return [];
  const [current, stored] = await Promise.all([currentInstrumentSignatures(db, treaties), storedInstrumentSignatures(db, treaties)]);
  const changed = new Map([...current].filter(([id, sig]) => stored.get(id) !== sig));
  await storeInstrumentSignatures(db, changed);
  return [...changed.keys()];
}

/**
 * Rebuild the search documents of the given entries (deleted or unpublished entries leave the index).
 * Called by the knowledge service in the same transaction as the change. When a treaty's article
 * titles or article terms changed, the entries tagged with its articles are re-indexed too.
 */
export async function indexEntries(db: Kysely<DB>, entryIds: readonly string[]): Promise<void> {
  const done = new Set<string>();
  let pending = [...new Set(entryIds)];
  while (pending.length) {
    const changedTreaties: string[] = [];
    for (const part of chunks(pending, BATCH)) {
      changedTreaties.push(...(await indexBatch(db, part)));
      for (const id of part) done.add(id);
    }
    pending = (await entriesTaggedWith(db, changedTreaties)).filter((id) => !done.has(id));
  }
}

export interface ReindexProgress {
  done: number;
  total: number;
}

/** Rebuild every search document, batch by batch (keyset over entry ids), each batch in its own transaction. */
export async function reindexAll(db: Kysely<DB>, options: { batchSize?: number; onProgress?: (p: ReindexProgress) => void } = {}): Promise<ReindexProgress> {
  const size = options.batchSize ?? BATCH;
  const total = await countEntries(db);
  let after: string | null = null;
  let done = 0;
  for (;;) {
    const ids = await entryIdsAfter(db, after, size);
    if (!ids.length) break;
    await inTransaction(db, (trx) => indexBatch(trx, ids));
    done += ids.length;
    after = ids[ids.length - 1]!;
    options.onProgress?.({ done, total: Math.max(total, done) });
  }
  await setSetting(db, REFERENCE_KEY, await referenceSignature(db));
  // Every document was rewritten; the embedded database has no autovacuum.
  if (!db.isTransaction) await vacuumDocuments(db);
  return { done, total: Math.max(total, done) };
}

const REFERENCE_KEY = 'search.reference_signature';

/**
 * At start-up: when term labels, country names or regions changed since the documents were built,
 * rebuild them all. Returns whether a rebuild ran.
 */
export async function refreshIfReferenceChanged(db: Kysely<DB>, onProgress?: (p: ReindexProgress) => void): Promise<boolean> {
  const [current, stored] = await Promise.all([referenceSignature(db), getSetting<string>(db, REFERENCE_KEY)]);
  if (current === stored) return false;
  if ((await countDocuments(db)) === 0) {
    await setSetting(db, REFERENCE_KEY, current);
    return false;
  }
  await reindexAll(db, onProgress ? { onProgress } : {});
  return true;
}
