/** SQL of the thesaurus (search_thesaurus, migration 0073). */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import type { Lang } from '../../../platform/i18n/languages.js';
import type { GroupInput, ThesaurusGroup } from '../domain/thesaurus.js';
import { SIMPLE_CONFIG } from '../domain/text.js';

export async function selectGroups(db: Kysely<DB>): Promise<ThesaurusGroup[]> {
  const rows = await db.selectFrom('search_thesaurus').select(['id', 'lang', 'terms', 'note']).orderBy('lang').orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, lang: r.lang as Lang, terms: r.terms, note: r.note }));
}

export async function selectGroup(db: Kysely<DB>, id: number): Promise<ThesaurusGroup | undefined> {
  const r = await db.selectFrom('search_thesaurus').select(['id', 'lang', 'terms', 'note']).where('id', '=', id).forUpdate().executeTakeFirst();
  return r ? { id: r.id, lang: r.lang as Lang, terms: r.terms, note: r.note } : undefined;
}

export async function insertGroup(db: Kysely<DB>, g: GroupInput): Promise<number> {
  const r = await db.insertInto('search_thesaurus').values({ lang: g.lang, terms: g.terms, note: g.note }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateGroup(db: Kysely<DB>, id: number, g: GroupInput): Promise<void> {
  await db.updateTable('search_thesaurus').set({ lang: g.lang, terms: g.terms, note: g.note, updated_at: sql`now()` }).where('id', '=', id).execute();
}

export async function deleteGroup(db: Kysely<DB>, id: number): Promise<void> {
  await db.deleteFrom('search_thesaurus').where('id', '=', id).execute();
}

/**
 * Analyse thesaurus equivalents, each in its own configuration: a phrase (phraseto_tsquery: word
 * order) in the group's language and with palermo_simple; CJK text only exactly, its bigrams ANDed.
 */
export async function analyseEquivalents(db: Kysely<DB>, items: readonly { config: string; stem: string; exact: string; cjk: boolean }[]): Promise<{ stem: string; exact: string }[]> {
  if (!items.length) return [];
  const r = await sql<{ stem: string; exact: string }>`
    SELECT CASE WHEN t.c THEN '' ELSE phraseto_tsquery(t.cfg::regconfig, t.s)::text END AS stem,
           CASE WHEN t.c THEN plainto_tsquery(${SIMPLE_CONFIG}::regconfig, t.e) ELSE phraseto_tsquery(${SIMPLE_CONFIG}::regconfig, t.e) END::text AS exact
    FROM unnest(${items.map((i) => i.config)}::text[], ${items.map((i) => i.stem)}::text[], ${items.map((i) => i.exact)}::text[], ${items.map((i) => i.cjk)}::boolean[])
      WITH ORDINALITY AS t(cfg, s, e, c, ord)
    ORDER BY t.ord`.execute(db);
  return r.rows;
}
