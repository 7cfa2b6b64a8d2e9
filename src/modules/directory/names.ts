/** Names of authorities by id, for other modules (casework: the executing authority a request is forwarded to). */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { pickLocalized, type Lang } from '../../platform/i18n/languages.js';
import { selectAuthorities } from './repository.js';

export interface AuthorityName {
  id: string;
  country: string;
  /** The name in the reader's language, or the best available. */
  name: string;
}

/** Published authorities' names (public data) by id; unknown or archived ids are left out. */
export async function authorityNames(db: Kysely<DB>, ids: readonly string[], lang: Lang = 'en'): Promise<Map<string, AuthorityName>> {
  const rows = await selectAuthorities(db, ids);
  return new Map(rows.map((r) => [r.id, { id: r.id, country: r.country, name: pickLocalized(r.document.names, lang)?.text ?? r.id }]));
}
