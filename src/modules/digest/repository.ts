/** All SQL of the digest module: its stored files (table digest_documents, migration 0092). */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';

export interface DocumentKey {
  lang: string;
  format: string;
  fingerprint: string;
}

/** The stored file for this key, if any. */
export async function selectDocument(db: Kysely<DB>, key: DocumentKey): Promise<Buffer | undefined> {
  const row = await db
    .selectFrom('digest_documents')
    .select('content')
    .where('lang', '=', key.lang)
    .where('format', '=', key.format)
    .where('fingerprint', '=', key.fingerprint)
    .executeTakeFirst();
  return row?.content;
}

/** Which of these keys have a stored file. */
export async function storedFingerprints(db: Kysely<DB>, fingerprint: string): Promise<Set<string>> {
  const rows = await db.selectFrom('digest_documents').select(['lang', 'format']).where('fingerprint', '=', fingerprint).execute();
  return new Set(rows.map((r) => `${r.lang}.${r.format}`));
}

/** Store the file of this key and remove the files of other states of the case law (same language and format). */
export async function storeDocument(db: Kysely<DB>, key: DocumentKey, content: Buffer): Promise<void> {
  await db.insertInto('digest_documents').values({ ...key, content }).onConflict((oc) => oc.columns(['lang', 'format', 'fingerprint']).doNothing()).execute();
  await db.deleteFrom('digest_documents').where('lang', '=', key.lang).where('format', '=', key.format).where('fingerprint', '<>', key.fingerprint).execute();
}

/** The id of the current transaction (one generation job per writing transaction). */
export async function currentTransactionId(trx: Kysely<DB>): Promise<string> {
  const { rows } = await sql<{ id: string }>`SELECT pg_current_xact_id()::text AS id`.execute(trx);
  return rows[0]!.id;
}
