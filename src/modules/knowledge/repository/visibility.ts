/**
 * The SQL form of the visibility rule of domain/visibility.ts ("published and visible to this
 * reader"): fragments that the queries of this module compose (other modules ask its services).
 * Change the rule here and in the domain, nowhere else.
 */
import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import { PUBLIC_STATUS } from '../domain/visibility.js';

/** The language version row `alias` (an entry_texts row) is visible. A literal keeps partial indexes usable. */
export function textIsVisible(alias: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`${sql.ref(`${alias}.status`)} = ${sql.lit(PUBLIC_STATUS)}`;
}

/** The entry whose id is the column `entryId` (e.g. "e.id") has a visible language version. */
export function entryIsVisible(entryId: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`EXISTS (SELECT 1 FROM entry_texts vis WHERE vis.entry_id = ${sql.ref(entryId)} AND ${textIsVisible('vis')})`;
}

/** The titles of the visible language versions of the entry `entryId`, by language ({} when none). */
export function visibleTitles(entryId: string): RawBuilder<Record<string, string>> {
  return sql<Record<string, string>>`(SELECT coalesce(jsonb_object_agg(vis.lang, vis.title), '{}'::jsonb) FROM entry_texts vis WHERE vis.entry_id = ${sql.ref(entryId)} AND ${textIsVisible('vis')})`;
}

/** The languages of the visible, machine-translated versions of the entry `entryId`. */
export function visibleMachineTranslatedLangs(entryId: string): RawBuilder<string[]> {
  return sql<string[]>`coalesce((SELECT array_agg(vis.lang ORDER BY vis.lang) FROM entry_texts vis WHERE vis.entry_id = ${sql.ref(entryId)} AND ${textIsVisible('vis')} AND vis.machine_translated), '{}')`;
}

export type VisibilityExpression = Expression<SqlBool>;
