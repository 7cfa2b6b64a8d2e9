/**
 * SQL of the entries that need an editor's attention: public entries lacking some languages, and
 * public entries unchanged since a date. Each list is one page plus its total; when a person last
 * reviewed an entry comes from the workflow module (editorial/service.ts joins the two).
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import type { EntryType } from '../tables.js';
import { textIsVisible } from './visibility.js';

export interface EntryLanguagesRow {
  id: string;
  type: EntryType;
  /** Titles of the visible language versions, by language. */
  titles: Record<string, string>;
  /** Languages of the visible versions, in code order. */
  langs: string[];
  updated_at: Date;
}

/** Public entries with the titles and languages of their visible versions. */
function publicEntries(db: Kysely<DB>) {
  return db
    .selectFrom('entries as e')
    .innerJoin('entry_texts as t', (j) => j.onRef('t.entry_id', '=', 'e.id').on(textIsVisible('t')))
    .select(['e.id', 'e.type', sql<Record<string, string>>`jsonb_object_agg(t.lang, t.title)`.as('titles'), sql<string[]>`array_agg(t.lang ORDER BY t.lang)`.as('langs'), 'e.updated_at'])
    .groupBy(['e.id', 'e.type', 'e.updated_at']);
}

/** Public entries lacking a visible version in one of `langs`, most recently changed first. */
export async function selectMissingLanguages(db: Kysely<DB>, langs: readonly string[], limit: number): Promise<{ total: number; items: EntryLanguagesRow[] }> {
  const missingSome = sql<boolean>`count(DISTINCT t.lang) FILTER (WHERE t.lang = ANY(${[...langs]}::text[])) < ${langs.length}`;
  const [items, total] = await Promise.all([
    publicEntries(db).having(missingSome).orderBy('e.updated_at', 'desc').orderBy('e.id').limit(limit).execute(),
    db.selectFrom(publicEntries(db).having(missingSome).as('x')).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { total: Number(total.n), items: items as EntryLanguagesRow[] };
}

/** Public entries unchanged since `before`, except `except`, least recently changed first. */
export async function selectUnchangedSince(db: Kysely<DB>, before: Date, except: readonly string[], limit: number): Promise<{ total: number; items: EntryLanguagesRow[] }> {
  const unchanged = () => {
    let q = publicEntries(db).where('e.updated_at', '<', before);
    if (except.length) q = q.where(sql<boolean>`e.id <> ALL(${[...except]}::text[])`);
    return q;
  };
  const [items, total] = await Promise.all([
    unchanged().orderBy('e.updated_at').orderBy('e.id').limit(limit).execute(),
    db.selectFrom(unchanged().as('x')).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { total: Number(total.n), items: items as EntryLanguagesRow[] };
}
