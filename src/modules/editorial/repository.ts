/** SQL of the editorial module: what needs attention. */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { textIsVisible } from '../knowledge/index.js';
import { UN_LANGS } from './domain/parts.js';

export interface EntryAttentionRow {
  id: string;
  type: 'legislation' | 'case' | 'treaty' | 'strategy';
  titles: Record<string, string>;
  langs: string[];
  last_reviewed: Date;
}

/** Public entries, with their published languages and when a person last published or reviewed them. */
function publicEntries(db: Kysely<DB>) {
  return db
    .selectFrom('entries as e')
    .innerJoin('entry_texts as t', (j) => j.onRef('t.entry_id', '=', 'e.id').on(textIsVisible('t')))
    .select([
      'e.id',
      'e.type',
      sql<Record<string, string>>`jsonb_object_agg(t.lang, t.title)`.as('titles'),
      sql<string[]>`array_agg(t.lang ORDER BY t.lang)`.as('langs'),
      sql<Date>`greatest(e.updated_at, (SELECT max(r.decided_at) FROM revisions r WHERE r.subject_type = 'entry' AND r.subject_id = e.id AND r.state = 'published'))`.as('last_reviewed'),
    ])
    .groupBy(['e.id', 'e.type', 'e.updated_at']);
}

const missingSome = sql<boolean>`count(DISTINCT t.lang) FILTER (WHERE t.lang = ANY(${[...UN_LANGS]}::text[])) < ${UN_LANGS.length}`;
const notReviewedSince = (before: Date) => sql<boolean>`greatest(e.updated_at, (SELECT max(r.decided_at) FROM revisions r WHERE r.subject_type = 'entry' AND r.subject_id = e.id AND r.state = 'published')) < ${before}`;

/** Public entries lacking one of the six UN languages (newest change first). */
export async function selectUntranslated(db: Kysely<DB>, limit: number): Promise<{ total: number; items: EntryAttentionRow[] }> {
  const [items, total] = await Promise.all([
    publicEntries(db).having(missingSome).orderBy('e.updated_at', 'desc').orderBy('e.id').limit(limit).execute(),
    db.selectFrom(publicEntries(db).having(missingSome).as('x')).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { total: Number(total.n), items: items as EntryAttentionRow[] };
}

/** Public entries nobody has changed or reviewed since `before` (oldest first). */
export async function selectNotReviewed(db: Kysely<DB>, before: Date, limit: number): Promise<{ total: number; items: EntryAttentionRow[] }> {
  const [items, total] = await Promise.all([
    publicEntries(db).having(notReviewedSince(before)).orderBy('e.updated_at').orderBy('e.id').limit(limit).execute(),
    db.selectFrom(publicEntries(db).having(notReviewedSince(before)).as('x')).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { total: Number(total.n), items: items as EntryAttentionRow[] };
}

/** Number of revisions waiting for review, per subject type. */
export async function countInReview(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('revisions')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('state', '=', 'in_review')
    .where('subject_type', 'in', ['entry', 'law', 'taxonomy_term'])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
