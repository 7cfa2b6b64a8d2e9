/** SQL that writes knowledge content. Multi-row statements per batch: imports of 100k entries stay fast. */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import { chunks } from '../../../platform/db/batch.js';
import type { EntryRows } from './rows.js';
import type { Insertable } from 'kysely';
import type { LawsTable, LawTextsTable } from '../tables.js';

export async function findEntryHeads(db: Kysely<DB>, ids: readonly string[]) {
  const out = new Map<string, { type: string; content_hash: string }>();
  for (const part of chunks(ids, 5000)) {
    if (!part.length) continue;
    const rows = await db.selectFrom('entries').select(['id', 'type', 'content_hash']).where('id', 'in', part).execute();
    for (const r of rows) out.set(r.id, { type: r.type, content_hash: r.content_hash });
  }
  return out;
}

export async function findLawHeads(db: Kysely<DB>, ids: readonly string[]) {
  const out = new Map<string, { content_hash: string; adopted_on: string | null; amended_on: string | null }>();
  for (const part of chunks(ids, 5000)) {
    if (!part.length) continue;
    const rows = await db.selectFrom('laws').select(['id', 'content_hash', 'adopted_on', 'amended_on']).where('id', 'in', part).execute();
    for (const r of rows) out.set(r.id, r);
  }
  return out;
}

export async function findTreatyIds(db: Kysely<DB>, ids: readonly string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db.selectFrom('treaties').select('entry_id').where('entry_id', 'in', [...ids]).execute();
  return new Set(rows.map((r) => r.entry_id));
}

export async function storeFile(
  db: Kysely<DB>,
  file: { id: string; filename: string; media_type: string; content: Buffer },
): Promise<void> {
  await db
    .insertInto('files')
    .values({ id: file.id, filename: file.filename, media_type: file.media_type, byte_size: file.content.length, content: file.content })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

export async function writeLawRows(db: Kysely<DB>, batch: { law: Insertable<LawsTable>; texts: Insertable<LawTextsTable>[] }[]): Promise<void> {
  if (!batch.length) return;
  for (const part of chunks(batch.map((b) => b.law))) {
    await db
      .insertInto('laws')
      .values(part)
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          country: eb.ref('excluded.country'),
          citation: eb.ref('excluded.citation'),
          adopted_on: eb.ref('excluded.adopted_on'),
          amended_on: eb.ref('excluded.amended_on'),
          source_url: eb.ref('excluded.source_url'),
          attachment_id: eb.ref('excluded.attachment_id'),
          original_lang: eb.ref('excluded.original_lang'),
          demo: eb.ref('excluded.demo'),
          origin: eb.ref('excluded.origin'),
          content_hash: eb.ref('excluded.content_hash'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }
  const ids = batch.map((b) => b.law.id);
  await db.deleteFrom('law_texts').where('law_id', 'in', ids).execute();
  for (const part of chunks(batch.flatMap((b) => b.texts), 200)) {
    if (part.length) await db.insertInto('law_texts').values(part).execute();
  }
}

async function upsertDetail<T extends 'legislation' | 'cases' | 'treaties' | 'strategies'>(db: Kysely<DB>, table: T, rows: Insertable<DB[T]>[]) {
  for (const part of chunks(rows)) {
    if (!part.length) continue;
    const columns = Object.keys(part[0]!).filter((c) => c !== 'entry_id');
    await db
      .insertInto(table)
      .values(part as never)
      .onConflict((oc) => oc.column('entry_id' as never).doUpdateSet(Object.fromEntries(columns.map((c) => [c, sql.ref(`excluded.${c}`)])) as never))
      .execute();
  }
}

/** Write a batch of prepared entries (all already validated, types unchanged). */
export async function writeEntryRows(db: Kysely<DB>, batch: EntryRows[]): Promise<void> {
  if (!batch.length) return;
  const ids = batch.map((b) => String(b.entry.id));

  for (const part of chunks(batch.map((b) => b.entry))) {
    await db
      .insertInto('entries')
      .values(part)
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          country: eb.ref('excluded.country'),
          date: eb.ref('excluded.date'),
          original_lang: eb.ref('excluded.original_lang'),
          demo: eb.ref('excluded.demo'),
          origin: eb.ref('excluded.origin'),
          content_hash: eb.ref('excluded.content_hash'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }

  // Language versions: upsert the given ones (keeping created_at), delete the others.
  const texts = batch.flatMap((b) => b.texts);
  await sql`DELETE FROM entry_texts t
            WHERE t.entry_id = ANY(${ids}::text[])
              AND (t.entry_id, t.lang) NOT IN (SELECT * FROM unnest(${texts.map((t) => t.entry_id)}::text[], ${texts.map((t) => t.lang)}::text[]))`.execute(db);
  for (const part of chunks(texts, 200)) {
    await db
      .insertInto('entry_texts')
      .values(part)
      .onConflict((oc) =>
        oc.columns(['entry_id', 'lang']).doUpdateSet((eb) => ({
          title: eb.ref('excluded.title'),
          summary: eb.ref('excluded.summary'),
          body: eb.ref('excluded.body'),
          facts: eb.ref('excluded.facts'),
          decision: eb.ref('excluded.decision'),
          commentary: eb.ref('excluded.commentary'),
          status: eb.ref('excluded.status'),
          machine_translated: eb.ref('excluded.machine_translated'),
          translated_from: eb.ref('excluded.translated_from'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }

  await upsertDetail(db, 'legislation', batch.flatMap((b) => (b.legislation ? [b.legislation] : [])));
  await upsertDetail(db, 'cases', batch.flatMap((b) => (b.case ? [b.case] : [])));
  await upsertDetail(db, 'strategies', batch.flatMap((b) => (b.strategy ? [b.strategy] : [])));
  // Treaties can refer to each other (parent_id): insert parents first.
  const treaties = batch.flatMap((b) => (b.treaty ? [b.treaty] : []));
  treaties.sort((a, b) => (a.parent_id ? 1 : 0) - (b.parent_id ? 1 : 0));
  await upsertDetail(db, 'treaties', treaties);

  await db.deleteFrom('entry_articles').where('entry_id', 'in', ids).execute();
  await db.deleteFrom('entry_terms').where('entry_id', 'in', ids).execute();
  await db.deleteFrom('entry_countries').where('entry_id', 'in', ids).execute();

  for (const b of batch) {
    if (!b.provisions) continue;
    const treatyId = String(b.entry.id);
    const numbers = b.provisions.map((p) => p.row.number);
    await db.deleteFrom('treaty_article_terms').where('treaty_id', '=', treatyId).execute();
    await db.deleteFrom('treaty_articles').where('treaty_id', '=', treatyId).where('number', 'not in', numbers.length ? numbers : ['']).execute();
    for (const part of chunks(b.provisions.map((p) => p.row), 100)) {
      if (!part.length) continue;
      await db
        .insertInto('treaty_articles')
        .values(part)
        .onConflict((oc) =>
          oc.columns(['treaty_id', 'number']).doUpdateSet((eb) => ({
            position: eb.ref('excluded.position'),
            titles: eb.ref('excluded.titles'),
            texts: eb.ref('excluded.texts'),
          })),
        )
        .execute();
    }
    const terms = b.provisions.flatMap((p) => p.terms.map((t) => ({ treaty_id: treatyId, number: String(p.row.number), ...t })));
    for (const part of chunks(terms)) if (part.length) await db.insertInto('treaty_article_terms').values(part).execute();
  }
  for (const b of batch) {
    if (!b.parties) continue;
    const treatyId = String(b.entry.id);
    const countries = b.parties.map((p) => String(p.country));
    await db.deleteFrom('treaty_parties').where('treaty_id', '=', treatyId).where('country', 'not in', countries.length ? countries : ['']).execute();
    for (const part of chunks(b.parties)) {
      if (!part.length) continue;
      await db
        .insertInto('treaty_parties')
        .values(part)
        .onConflict((oc) =>
          oc.columns(['treaty_id', 'country']).doUpdateSet((eb) => ({
            signed_on: eb.ref('excluded.signed_on'),
            consent_kind: eb.ref('excluded.consent_kind'),
            consent_on: eb.ref('excluded.consent_on'),
            entry_into_force_on: eb.ref('excluded.entry_into_force_on'),
            reservations: eb.ref('excluded.reservations'),
            declarations: eb.ref('excluded.declarations'),
            notes: eb.ref('excluded.notes'),
            demo: eb.ref('excluded.demo'),
            updated_at: eb.ref('excluded.updated_at'),
          })),
        )
        .execute();
    }
  }

  // Tags last: they may refer to articles of treaties written in this same batch.
  for (const part of chunks(batch.flatMap((b) => b.articles))) if (part.length) await db.insertInto('entry_articles').values(part).execute();
  for (const part of chunks(batch.flatMap((b) => b.terms))) if (part.length) await db.insertInto('entry_terms').values(part).execute();
  for (const part of chunks(batch.flatMap((b) => b.countries))) if (part.length) await db.insertInto('entry_countries').values(part).execute();
}

/** Legislation extracts of the given laws (to re-index them when a law changes). */
export async function extractIdsOfLaws(db: Kysely<DB>, lawIds: readonly string[]): Promise<string[]> {
  if (!lawIds.length) return [];
  const rows = await db.selectFrom('legislation').select('entry_id').where('law_id', 'in', [...lawIds]).execute();
  return rows.map((r) => r.entry_id);
}

/** Delete the parties of a treaty other than these countries (demo ones included); returns how many. */
export async function deletePartiesExcept(db: Kysely<DB>, treatyId: string, countries: readonly string[]): Promise<number> {
  const r = await db
    .deleteFrom('treaty_parties')
    .where('treaty_id', '=', treatyId)
    .where('country', 'not in', countries.length ? [...countries] : [''])
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Add or update some parties of a treaty without touching the others. */
export async function upsertPartyRows(db: Kysely<DB>, rows: Insertable<import('../tables.js').TreatyPartiesTable>[]): Promise<void> {
  for (const part of chunks(rows)) {
    if (!part.length) continue;
    await db
      .insertInto('treaty_parties')
      .values(part)
      .onConflict((oc) =>
        oc.columns(['treaty_id', 'country']).doUpdateSet((eb) => ({
          signed_on: eb.ref('excluded.signed_on'),
          consent_kind: eb.ref('excluded.consent_kind'),
          consent_on: eb.ref('excluded.consent_on'),
          entry_into_force_on: eb.ref('excluded.entry_into_force_on'),
          reservations: eb.ref('excluded.reservations'),
          declarations: eb.ref('excluded.declarations'),
          notes: eb.ref('excluded.notes'),
          demo: eb.ref('excluded.demo'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }
}

/** Delete every demo row (entries cascade to their texts, tags and search documents). Returns counts. */
export async function deleteDemoRows(db: Kysely<DB>): Promise<{ entries: number; laws: number; parties: number; treatiesTouched: string[] }> {
  const deletedParties = await db.deleteFrom('treaty_parties').where('demo', '=', true).returning('treaty_id').execute();
  const treatiesTouched = [...new Set(deletedParties.map((r) => r.treaty_id))];
  // Extracts first (they reference laws), then other demo entries, then demo laws.
  const entries = await db.deleteFrom('entries').where('demo', '=', true).executeTakeFirst();
  const laws = await db.deleteFrom('laws').where('demo', '=', true).executeTakeFirst();
  // Files no longer referenced by any law.
  await db
    .deleteFrom('files')
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('laws').select('laws.id').whereRef('laws.attachment_id', '=', 'files.id'))))
    .execute();
  return { entries: Number(entries.numDeletedRows), laws: Number(laws.numDeletedRows), parties: deletedParties.length, treatiesTouched };
}
