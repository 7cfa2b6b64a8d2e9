/** SQL for the authentic instrument texts imported by curators (table instrument_texts). */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { json } from '../../platform/db/types.js';
import type { AuthenticText } from './sources/authentic-text.js';

export interface InstrumentTextRow {
  treaty_id: string;
  lang: string;
  title: string | null;
  articles: AuthenticText['articles'];
  source: string;
  sha256: string;
  imported_at: Date;
}

/** Every imported text, grouped: treaty id → language → text. */
export async function selectAuthenticTexts(db: Kysely<DB>, treatyId?: string): Promise<Record<string, Record<string, AuthenticText>>> {
  let q = db.selectFrom('instrument_texts').select(['treaty_id', 'lang', 'title', 'articles']).orderBy('treaty_id').orderBy('lang');
  if (treatyId) q = q.where('treaty_id', '=', treatyId);
  const out: Record<string, Record<string, AuthenticText>> = {};
  for (const r of await q.execute()) {
    (out[r.treaty_id] ??= {})[r.lang] = { ...(r.title ? { title: r.title } : {}), articles: r.articles };
  }
  return out;
}

export async function listInstrumentTexts(db: Kysely<DB>): Promise<Omit<InstrumentTextRow, 'articles' | 'title'>[]> {
  return db.selectFrom('instrument_texts').select(['treaty_id', 'lang', 'source', 'sha256', 'imported_at']).orderBy('treaty_id').orderBy('lang').execute();
}

/** Insert or replace the text of one instrument in one language; returns whether a row existed. */
export async function upsertInstrumentText(db: Kysely<DB>, row: Omit<InstrumentTextRow, 'imported_at'>, now: Date): Promise<'created' | 'updated'> {
  const existing = await db.selectFrom('instrument_texts').select('sha256').where('treaty_id', '=', row.treaty_id).where('lang', '=', row.lang).executeTakeFirst();
  const values = { ...row, articles: json(row.articles), imported_at: now };
  await db
    .insertInto('instrument_texts')
    .values(values)
    .onConflict((oc) => oc.columns(['treaty_id', 'lang']).doUpdateSet({ title: values.title, articles: values.articles, source: values.source, sha256: values.sha256, imported_at: now }))
    .execute();
  return existing ? 'updated' : 'created';
}
