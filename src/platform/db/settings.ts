import { sql, type Kysely } from 'kysely';
import type { DB } from './schema.js';
import { json } from './types.js';

export async function getSetting<T>(db: Kysely<DB>, key: string): Promise<T | undefined> {
  const row = await db.selectFrom('app_settings').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value as T | undefined;
}

export async function setSetting(db: Kysely<DB>, key: string, value: unknown): Promise<void> {
  await db
    .insertInto('app_settings')
    .values({ key, value: json(value) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: json(value), updated_at: sql`now()` }))
    .execute();
}
