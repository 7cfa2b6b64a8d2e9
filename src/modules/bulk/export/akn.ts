/** Laws as Akoma Ntoso 3.0 documents: one act per law, its published extracts as the body. */
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import { chunks } from '../../../platform/db/batch.js';
import { listLawIds, type LawDocument, type LegislationDocument, loadEntryDocuments, loadLawDocuments, visibleExtractIdsOfLaws } from '../../knowledge/index.js';
import { listCountries } from '../../reference/index.js';
import { writeAkn } from '../domain/akn-write.js';

export const AKN_MEDIA_TYPE = 'application/akn+xml; charset=utf-8';

async function iso2Lookup(db: Kysely<DB>): Promise<(iso3: string) => string> {
  const byIso3 = new Map((await listCountries(db)).map((c) => [c.iso3, c.iso2]));
  return (iso3) => byIso3.get(iso3) ?? iso3.slice(0, 2);
}

async function documentsOf(db: Kysely<DB>, laws: LawDocument[], iso2: (iso3: string) => string, generatedOn: string): Promise<{ law: LawDocument; xml: string }[]> {
  const extractIds = await visibleExtractIdsOfLaws(db, laws.map((l) => l.id));
  const extracts = new Map<string, LegislationDocument>();
  for (const part of chunks([...extractIds.values()].flat(), 500)) {
    for (const doc of await loadEntryDocuments(db, part, { publishedOnly: true })) if (doc.type === 'legislation') extracts.set(doc.id, doc);
  }
  return laws.map((law) => ({
    law,
    xml: writeAkn({ law, extracts: (extractIds.get(law.id) ?? []).flatMap((id) => extracts.get(id) ?? []), iso2: iso2(law.country), generatedOn }),
  }));
}

/** One law as Akoma Ntoso, or undefined when there is no such law. */
export async function lawAsAkn(db: Kysely<DB>, lawId: string, now = new Date()): Promise<string | undefined> {
  const laws = await loadLawDocuments(db, [lawId]);
  if (!laws.length) return undefined;
  const [doc] = await documentsOf(db, laws, await iso2Lookup(db), now.toISOString().slice(0, 10));
  return doc?.xml;
}

/** Every law as Akoma Ntoso, in id order, a batch of laws at a time. */
export async function* allLawsAsAkn(db: Kysely<DB>, now = new Date(), batch = 100): AsyncGenerator<{ law: LawDocument; xml: string }> {
  const iso2 = await iso2Lookup(db);
  const generatedOn = now.toISOString().slice(0, 10);
  let after: string | undefined;
  for (;;) {
    const ids = await listLawIds(db, { limit: batch, ...(after ? { after } : {}) });
    if (!ids.length) return;
    after = ids[ids.length - 1];
    yield* await documentsOf(db, await loadLawDocuments(db, ids), iso2, generatedOn);
  }
}
