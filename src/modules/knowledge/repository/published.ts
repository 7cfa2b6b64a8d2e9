/** SQL that gathers what the ENTRIES_CHANGED announcement carries besides the documents (a fixed number of queries per batch). */
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import type { TaggedArticle } from '../domain/changes.js';

/** Citation and titles (by language) of the given laws. */
export async function selectLawHeadings(db: Kysely<DB>, lawIds: readonly string[]): Promise<Map<string, { citation: string | null; titles: Record<string, string> }>> {
  if (!lawIds.length) return new Map();
  const list = [...new Set(lawIds)];
  const [laws, texts] = await Promise.all([
    db.selectFrom('laws').select(['id', 'citation']).where('id', 'in', list).execute(),
    db.selectFrom('law_texts').select(['law_id', 'lang', 'title']).where('law_id', 'in', list).orderBy('law_id').orderBy('lang').execute(),
  ]);
  const out = new Map(laws.map((l) => [l.id, { citation: l.citation, titles: {} as Record<string, string> }]));
  for (const t of texts) {
    const law = out.get(t.law_id);
    if (law) law.titles[t.lang] = t.title;
  }
  return out;
}

/** The stored articles among the given refs ("treaty:number"), with their terms and their instrument's short name. */
export async function selectTaggedArticles(db: Kysely<DB>, refs: readonly { treatyId: string; number: string }[]): Promise<Map<string, TaggedArticle>> {
  if (!refs.length) return new Map();
  const treatyIds = [...new Set(refs.map((r) => r.treatyId))];
  const wanted = new Set(refs.map((r) => `${r.treatyId}:${r.number}`));
  const [articles, terms] = await Promise.all([
    db
      .selectFrom('treaty_articles as a')
      .leftJoin('treaties as t', 't.entry_id', 'a.treaty_id')
      .select(['a.treaty_id', 'a.number', 'a.titles', 't.short_name'])
      .where('a.treaty_id', 'in', treatyIds)
      .execute(),
    db.selectFrom('treaty_article_terms').select(['treaty_id', 'number', 'taxonomy', 'code']).where('treaty_id', 'in', treatyIds).orderBy('taxonomy').orderBy('code').execute(),
  ]);
  const out = new Map<string, TaggedArticle>();
  for (const a of articles) {
    const ref = `${a.treaty_id}:${a.number}`;
    if (wanted.has(ref)) out.set(ref, { ref, treatyId: a.treaty_id, number: a.number, titles: a.titles, terms: [], instrument: a.short_name });
  }
  for (const t of terms) out.get(`${t.treaty_id}:${t.number}`)?.terms.push(`${t.taxonomy}:${t.code}`);
  return out;
}

/** Entries tagged with an article of the given treaties. */
export async function selectEntriesTaggedWith(db: Kysely<DB>, treatyIds: readonly string[]): Promise<string[]> {
  if (!treatyIds.length) return [];
  const rows = await db.selectFrom('entry_articles').select('entry_id').distinct().where('treaty_id', 'in', [...treatyIds]).orderBy('entry_id').execute();
  return rows.map((r) => r.entry_id);
}

/** Entries tagged with a taxonomy term (their own tags, not those of their articles). */
export async function selectEntriesWithTerm(db: Kysely<DB>, taxonomy: string, code: string): Promise<string[]> {
  const rows = await db.selectFrom('entry_terms').select('entry_id').where('taxonomy', '=', taxonomy).where('code', '=', code).orderBy('entry_id').execute();
  return rows.map((r) => r.entry_id);
}

/** Every entry, visible or not. */
export async function countAllEntries(db: Kysely<DB>): Promise<number> {
  const r = await db.selectFrom('entries').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}
