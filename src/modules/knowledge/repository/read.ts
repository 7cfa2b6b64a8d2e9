/** SQL that reads knowledge content, batch-oriented (the API reads one, exports read thousands). */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import type { EntryType } from '../tables.js';
import type { LawDocument, Provision } from '../domain/schemas.js';
import { entryFromParts, partyFromRow, type EntryParts } from './rows.js';
import { entryIsVisible, textIsVisible } from './visibility.js';
import type { EntryDocument } from '../domain/schemas.js';

export interface ReadOptions {
  /** Only visible language versions (domain/visibility.ts); entries without one are treated as absent. */
  publishedOnly: boolean;
}

function groupBy<T, K>(rows: T[], key: (r: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}

/** Full documents for the given ids, in the order given; missing (or unpublished) ids are skipped. */
export async function loadEntryDocuments(db: Kysely<DB>, ids: readonly string[], options: ReadOptions): Promise<EntryDocument[]> {
  if (!ids.length) return [];
  const list = [...new Set(ids)];
  const entries = await db.selectFrom('entries').selectAll().where('id', 'in', list).execute();
  if (!entries.length) return [];
  const found = entries.map((e) => e.id);
  let textsQuery = db.selectFrom('entry_texts').selectAll().where('entry_id', 'in', found);
  if (options.publishedOnly) textsQuery = textsQuery.where(textIsVisible('entry_texts'));
  const byType = (t: EntryType) => entries.filter((e) => e.type === t).map((e) => e.id);
  const [texts, legislation, cases, treaties, strategies, articles, terms, countries] = await Promise.all([
    textsQuery.orderBy('lang').execute(),
    byType('legislation').length ? db.selectFrom('legislation').selectAll().where('entry_id', 'in', byType('legislation')).execute() : [],
    byType('case').length ? db.selectFrom('cases').selectAll().where('entry_id', 'in', byType('case')).execute() : [],
    byType('treaty').length ? db.selectFrom('treaties').selectAll().where('entry_id', 'in', byType('treaty')).execute() : [],
    byType('strategy').length ? db.selectFrom('strategies').selectAll().where('entry_id', 'in', byType('strategy')).execute() : [],
    db.selectFrom('entry_articles').selectAll().where('entry_id', 'in', found).execute(),
    db.selectFrom('entry_terms').selectAll().where('entry_id', 'in', found).execute(),
    db.selectFrom('entry_countries').selectAll().where('entry_id', 'in', found).execute(),
  ]);
  const treatyIds = treaties.map((t) => t.entry_id);
  const [provisionRows, provisionTerms, parties] = treatyIds.length
    ? await Promise.all([
        db.selectFrom('treaty_articles').selectAll().where('treaty_id', 'in', treatyIds).orderBy('position').execute(),
        db.selectFrom('treaty_article_terms').selectAll().where('treaty_id', 'in', treatyIds).execute(),
        db.selectFrom('treaty_parties').selectAll().where('treaty_id', 'in', treatyIds).orderBy('country').execute(),
      ])
    : [[], [], []];

  const textsBy = groupBy(texts, (t) => t.entry_id);
  const articlesBy = groupBy(articles, (a) => a.entry_id);
  const termsBy = groupBy(terms, (t) => t.entry_id);
  const countriesBy = groupBy(countries, (c) => c.entry_id);
  const provisionsBy = groupBy(provisionRows, (p) => p.treaty_id);
  const provisionTermsBy = groupBy(provisionTerms, (t) => `${t.treaty_id}:${t.number}`);
  const partiesBy = groupBy(parties, (p) => p.treaty_id);
  const legislationBy = new Map(legislation.map((r) => [r.entry_id, r]));
  const casesBy = new Map(cases.map((r) => [r.entry_id, r]));
  const treatiesBy = new Map(treaties.map((r) => [r.entry_id, r]));
  const strategiesBy = new Map(strategies.map((r) => [r.entry_id, r]));
  const entriesBy = new Map(entries.map((e) => [e.id, e]));

  const docs: EntryDocument[] = [];
  for (const id of list) {
    const entry = entriesBy.get(id);
    if (!entry) continue;
    const entryTexts = textsBy.get(id) ?? [];
    if (options.publishedOnly && !entryTexts.length) continue;
    const parts: EntryParts = {
      entry,
      texts: entryTexts,
      ...(legislationBy.get(id) ? { legislation: legislationBy.get(id)! } : {}),
      ...(casesBy.get(id) ? { case: casesBy.get(id)! } : {}),
      ...(treatiesBy.get(id) ? { treaty: treatiesBy.get(id)! } : {}),
      ...(strategiesBy.get(id) ? { strategy: strategiesBy.get(id)! } : {}),
      articles: (articlesBy.get(id) ?? []).map((a) => `${a.treaty_id}:${a.number}`),
      terms: termsBy.get(id) ?? [],
      cooperating: (countriesBy.get(id) ?? []).filter((c) => c.role === 'cooperating').map((c) => c.country),
    };
    if (entry.type === 'treaty') {
      parts.provisions = (provisionsBy.get(id) ?? []).map((p): Provision => {
        const out: Provision = { number: p.number };
        if (Object.keys(p.titles).length) out.titles = p.titles;
        if (Object.keys(p.texts).length) out.texts = p.texts;
        const t = provisionTermsBy.get(`${id}:${p.number}`);
        if (t?.length) out.terms = t.map((x) => `${x.taxonomy}:${x.code}`).sort();
        return out;
      });
      parts.parties = (partiesBy.get(id) ?? []).map(partyFromRow);
    }
    docs.push(entryFromParts(parts));
  }
  return docs;
}

/** Laws with their language versions; the attachment is described, not embedded. */
export async function loadLawDocuments(db: Kysely<DB>, ids: readonly string[]): Promise<LawDocument[]> {
  if (!ids.length) return [];
  const list = [...new Set(ids)];
  const [laws, texts] = await Promise.all([
    db
      .selectFrom('laws')
      .leftJoin('files', 'files.id', 'laws.attachment_id')
      .selectAll('laws')
      .select(['files.filename', 'files.media_type', 'files.byte_size'])
      .where('laws.id', 'in', list)
      .execute(),
    db.selectFrom('law_texts').selectAll().where('law_id', 'in', list).orderBy('lang').execute(),
  ]);
  const textsBy = groupBy(texts, (t) => t.law_id);
  const byId = new Map(laws.map((l) => [l.id, l]));
  const out: LawDocument[] = [];
  for (const id of list) {
    const l = byId.get(id);
    if (!l) continue;
    const doc: LawDocument = {
      type: 'law',
      id: l.id,
      country: l.country,
      texts: Object.fromEntries(
        (textsBy.get(id) ?? []).map((t) => [
          t.lang,
          {
            title: t.title,
            ...(t.full_text ? { full_text: t.full_text } : {}),
            ...(t.machine_translated ? { machine_translated: true } : {}),
            ...(t.translated_from ? { translated_from: t.translated_from } : {}),
          },
        ]),
      ),
      created_at: new Date(l.created_at).toISOString(),
      updated_at: new Date(l.updated_at).toISOString(),
    };
    if (l.citation) doc.citation = l.citation;
    if (l.adopted_on) doc.adopted_on = l.adopted_on;
    if (l.amended_on) doc.amended_on = l.amended_on;
    if (l.source_url) doc.source_url = l.source_url;
    if (l.original_lang) doc.original_lang = l.original_lang;
    if (l.demo) doc.demo = true;
    if (l.attachment_id && l.filename && l.media_type) {
      doc.attachment = { id: l.attachment_id, filename: l.filename, media_type: l.media_type, byte_size: l.byte_size ?? 0 };
    }
    out.push(doc);
  }
  return out;
}

/** Keyset pagination over entry ids (stable order), for exports and re-indexing. */
export async function listEntryIds(
  db: Kysely<DB>,
  options: { type?: EntryType; after?: string; limit: number; publishedOnly?: boolean; demo?: boolean },
): Promise<string[]> {
  let q = db.selectFrom('entries').select('entries.id').orderBy('entries.id').limit(options.limit);
  if (options.type) q = q.where('entries.type', '=', options.type);
  if (options.after) q = q.where('entries.id', '>', options.after);
  if (options.demo !== undefined) q = q.where('entries.demo', '=', options.demo);
  if (options.publishedOnly) {
    q = q.where(entryIsVisible('entries.id'));
  }
  return (await q.execute()).map((r) => r.id);
}

/** Countries that have demo entries, in code order. */
export async function selectDemoCountries(db: Kysely<DB>): Promise<string[]> {
  const rows = await db.selectFrom('entries').select('country').distinct().where('demo', '=', true).where('country', 'is not', null).orderBy('country').execute();
  return rows.map((r) => r.country!).filter(Boolean);
}

export async function listLawIds(db: Kysely<DB>, options: { after?: string; limit: number; demo?: boolean }): Promise<string[]> {
  let q = db.selectFrom('laws').select('id').orderBy('id').limit(options.limit);
  if (options.after) q = q.where('id', '>', options.after);
  if (options.demo !== undefined) q = q.where('demo', '=', options.demo);
  return (await q.execute()).map((r) => r.id);
}

/**
 * The beginning of the prose (summary, body, facts, decision, commentary, one after the other) of some
 * language versions, at most `maxChars` characters each; versions not held are absent.
 */
export async function selectTextExcerpts(db: Kysely<DB>, wanted: readonly { entryId: string; lang: string; maxChars: number }[]): Promise<{ entry_id: string; lang: string; text: string }[]> {
  if (!wanted.length) return [];
  const r = await sql<{ entry_id: string; lang: string; text: string }>`
    SELECT w.entry_id, w.lang, left(concat_ws(E'\n', t.summary, t.body, t.facts, t.decision, t.commentary), w.max_chars) AS text
    FROM unnest(${wanted.map((w) => w.entryId)}::text[], ${wanted.map((w) => w.lang)}::text[], ${wanted.map((w) => w.maxChars)}::int[]) AS w(entry_id, lang, max_chars)
    JOIN entry_texts t ON t.entry_id = w.entry_id AND t.lang = w.lang`.execute(db);
  return r.rows;
}

/** Which of some terms ("taxonomy:code") an entry or a treaty article is tagged with. */
export async function selectTermsInUse(db: Kysely<DB>, keys: readonly string[]): Promise<Set<string>> {
  if (!keys.length) return new Set();
  const list = [...new Set(keys)];
  // One index probe per term (entry_terms_term_idx; the article tags are few).
  const r = await sql<{ key: string }>`
    SELECT k.key FROM unnest(${list}::text[]) AS k(key)
    CROSS JOIN LATERAL (SELECT split_part(k.key, ':', 1) AS taxonomy, substr(k.key, strpos(k.key, ':') + 1) AS code) t
    WHERE EXISTS (SELECT 1 FROM entry_terms e WHERE e.taxonomy = t.taxonomy AND e.code = t.code)
       OR EXISTS (SELECT 1 FROM treaty_article_terms a WHERE a.taxonomy = t.taxonomy AND a.code = t.code)`.execute(db);
  return new Set(r.rows.map((x) => x.key));
}

/** Every instrument article ("treaty:number") a record may refer to. */
export async function selectArticleKeys(db: Kysely<DB>): Promise<Set<string>> {
  const articles = await db.selectFrom('treaty_articles').select(['treaty_id', 'number']).execute();
  return new Set(articles.map((a) => `${a.treaty_id}:${a.number}`));
}
