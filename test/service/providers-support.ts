/** Support for the providers tests: the revisions of a provider, newest first. */
import type { Kysely } from 'kysely';
import type { DB } from '../../src/platform/db/schema.js';

export async function recentRevisionsFor(db: Kysely<DB>, id: string) {
  return db.selectFrom('revisions').select(['id', 'state', 'number']).where('subject_type', '=', 'provider').where('subject_id', '=', id).orderBy('number', 'desc').execute();
}
