/**
 * What other modules may read about users, without naming the accounts tables: display names
 * (authors and actors of revisions) and practitioner grants per year (directory figures).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { selectDisplayNames, selectPractitionerGrantYears } from './repository/users.js';

/** Display names by user id, in one query for the whole batch (unknown ids are absent). */
export function userDisplayNames(db: Kysely<DB>, ids: readonly (string | null | undefined)[]): Promise<Map<string, string>> {
  return selectDisplayNames(db, ids.filter((id): id is string => !!id));
}

/** Practitioners by the year their status was granted, oldest year first. */
export function practitionerGrantYears(db: Kysely<DB>): Promise<{ year: number; granted: number }[]> {
  return selectPractitionerGrantYears(db);
}
