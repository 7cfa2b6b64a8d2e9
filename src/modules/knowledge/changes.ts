/**
 * Knowledge announces its changes: every write of entries (service.ts) publishes ENTRIES_CHANGED in
 * its transaction, with the entries as the public now sees them. Subscribers (search) keep their
 * derived data from these announcements and, for a full rebuild, from `publishedEntries`.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { chunks } from '../../platform/db/batch.js';
import { defineTopic, publishChanges, subscriberCount } from '../../platform/events.js';
import type { EntriesChanged, PublishedEntry } from './domain/changes.js';
import { parseArticleRef } from './domain/entry-types.js';
import { loadEntryDocuments } from './repository/read.js';
import { selectLawHeadings, selectTaggedArticles } from './repository/published.js';

/** Entries were created, changed, deleted, published or unpublished. */
export const ENTRIES_CHANGED = defineTopic<EntriesChanged>('knowledge.entries');

/** Entries per announcement (bounds the memory of a large import). */
const BATCH = 500;

/** The given entries as the public sees them now; ids absent or not visible are listed as removed. */
export async function publishedEntries(db: Kysely<DB>, ids: readonly string[]): Promise<EntriesChanged> {
  const list = [...new Set(ids)];
  const docs = await loadEntryDocuments(db, list, { publishedOnly: true });
  const found = new Set(docs.map((d) => d.id));
  const [laws, articles] = await Promise.all([
    selectLawHeadings(db, docs.flatMap((d) => (d.type === 'legislation' ? [d.law_id] : []))),
    selectTaggedArticles(db, [...new Set(docs.flatMap((d) => d.articles ?? []))].map(parseArticleRef)),
  ]);
  const changed = docs.map((document): PublishedEntry => {
    const law = document.type === 'legislation' ? laws.get(document.law_id) : undefined;
    return {
      document,
      ...(law ? { law } : {}),
      articles: [...(document.articles ?? [])].sort().flatMap((ref) => {
        const a = articles.get(ref);
        return a ? [a] : [];
      }),
    };
  });
  return { changed, removed: list.filter((id) => !found.has(id)) };
}

/** Announce, in the transaction of the change, that these entries changed (batch by batch). */
export async function announceEntryChanges(trx: Kysely<DB>, ids: readonly string[]): Promise<void> {
  if (!ids.length || subscriberCount(ENTRIES_CHANGED) === 0) return;
  for (const part of chunks([...new Set(ids)], BATCH)) await publishChanges(trx, ENTRIES_CHANGED, await publishedEntries(trx, part));
}

export { countAllEntries, selectEntriesTaggedWith as entriesTaggedWith, selectEntriesWithTerm as entriesWithTerm } from './repository/published.js';

/** Ids of the visible cases that applied UNTOC as a legal basis (the digest of cases). */
export { selectCaseLawFingerprint as caseLawFingerprint, selectUntocCaseIds as untocCaseIds } from './repository/digest.js';
