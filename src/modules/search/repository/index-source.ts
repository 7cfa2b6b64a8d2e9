/** SQL that gathers what the indexer needs about a batch of entries (a fixed number of queries per batch). */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import type { EntrySource, SourceLabel } from '../domain/document.js';

function groupBy<T>(rows: readonly T[], key: (r: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}

/** Sources of the given entries that exist and have at least one published language version. */
export async function loadEntrySources(db: Kysely<DB>, ids: readonly string[]): Promise<EntrySource[]> {
  if (!ids.length) return [];
  const list = [...new Set(ids)];
  const [entries, texts] = await Promise.all([
    db.selectFrom('entries').select(['id', 'type', 'country', 'date', 'demo']).where('id', 'in', list).execute(),
    db
      .selectFrom('entry_texts')
      .select(['entry_id', 'lang', 'title', 'summary', 'body', 'facts', 'decision', 'commentary', 'machine_translated'])
      .where('entry_id', 'in', list)
      .where('status', '=', 'published')
      .orderBy('entry_id')
      .orderBy('lang')
      .execute(),
  ]);
  const textsBy = groupBy(texts, (t) => t.entry_id);
  const live = entries.filter((e) => textsBy.has(e.id));
  if (!live.length) return [];
  const liveIds = live.map((e) => e.id);
  const ofType = (t: string) => live.filter((e) => e.type === t).map((e) => e.id);
  const legIds = ofType('legislation');
  const caseIds = ofType('case');
  const treatyIds = ofType('treaty');

  const [legislation, lawTitles, cases, treaties, parties, cooperating, articles, terms] = await Promise.all([
    legIds.length
      ? db
          .selectFrom('legislation as l')
          .innerJoin('laws as w', 'w.id', 'l.law_id')
          .select(['l.entry_id', 'l.law_id', 'l.article_ref', 'w.citation'])
          .where('l.entry_id', 'in', legIds)
          .execute()
      : [],
    legIds.length
      ? db
          .selectFrom('law_texts as t')
          .innerJoin('legislation as l', 'l.law_id', 't.law_id')
          .select(['l.entry_id', 't.lang', 't.title'])
          .where('l.entry_id', 'in', legIds)
          .execute()
      : [],
    caseIds.length ? db.selectFrom('cases').select(['entry_id', 'court', 'case_number', 'ecli']).where('entry_id', 'in', caseIds).execute() : [],
    treatyIds.length ? db.selectFrom('treaties').select(['entry_id', 'kind', 'short_name', 'organization']).where('entry_id', 'in', treatyIds).execute() : [],
    treatyIds.length
      ? db
          .selectFrom('treaty_parties as p')
          .innerJoin('treaties as t', 't.entry_id', 'p.treaty_id')
          .select(['p.treaty_id', 'p.country'])
          .where('t.kind', '=', 'bilateral')
          .where('p.treaty_id', 'in', treatyIds)
          .execute()
      : [],
    db.selectFrom('entry_countries').select(['entry_id', 'country']).where('entry_id', 'in', liveIds).execute(),
    db
      .selectFrom('entry_articles as ea')
      .innerJoin('treaty_articles as a', (j) => j.onRef('a.treaty_id', '=', 'ea.treaty_id').onRef('a.number', '=', 'ea.number'))
      .leftJoin('treaties as t', 't.entry_id', 'ea.treaty_id')
      .select(['ea.entry_id', 'ea.treaty_id', 'ea.number', 'a.titles', 't.short_name'])
      .where('ea.entry_id', 'in', liveIds)
      .execute(),
    // The entry's own terms and the terms of its articles, with their labels.
    sql<{ entry_id: string; taxonomy: string; code: string; labels: Record<string, string>; own: boolean }>`
      SELECT x.entry_id, x.taxonomy, x.code, tt.labels, bool_or(x.own) AS own
      FROM (
        SELECT et.entry_id, et.taxonomy, et.code, true AS own FROM entry_terms et WHERE et.entry_id = ANY(${liveIds}::text[])
        UNION ALL
        SELECT ea.entry_id, tat.taxonomy, tat.code, false AS own
        FROM entry_articles ea
        JOIN treaty_article_terms tat ON tat.treaty_id = ea.treaty_id AND tat.number = ea.number
        WHERE ea.entry_id = ANY(${liveIds}::text[])
      ) x
      JOIN taxonomy_terms tt ON tt.taxonomy = x.taxonomy AND tt.code = x.code
      GROUP BY x.entry_id, x.taxonomy, x.code, tt.labels`
      .execute(db)
      .then((r) => r.rows),
  ]);

  const partiesBy = groupBy(parties, (p) => p.treaty_id);
  const cooperatingBy = groupBy(cooperating, (c) => c.entry_id);
  const countryCodes = new Set<string>();
  for (const e of live) if (e.country) countryCodes.add(e.country);
  for (const r of [...parties, ...cooperating]) countryCodes.add(r.country);
  const countries = countryCodes.size
    ? await db.selectFrom('countries').select(['iso3', 'region_code', 'subregion_code', 'names']).where('iso3', 'in', [...countryCodes]).execute()
    : [];
  const countryBy = new Map(countries.map((c) => [c.iso3, c]));
  const legislationBy = new Map(legislation.map((l) => [l.entry_id, l]));
  const lawTitlesBy = groupBy(lawTitles, (t) => t.entry_id);
  const casesBy = new Map(cases.map((c) => [c.entry_id, c]));
  const treatiesBy = new Map(treaties.map((t) => [t.entry_id, t]));
  const articlesBy = groupBy(articles, (a) => a.entry_id);
  const termsBy = groupBy(terms, (t) => t.entry_id);

  return live.map((entry): EntrySource => {
    const leg = legislationBy.get(entry.id);
    const kase = casesBy.get(entry.id);
    const treaty = treatiesBy.get(entry.id);
    const cooperatingStates = (cooperatingBy.get(entry.id) ?? []).map((c) => c.country);
    const partyStates = (partiesBy.get(entry.id) ?? []).map((p) => p.country);
    const involved = [...new Set([...(entry.country ? [entry.country] : []), ...cooperatingStates, ...partyStates])];
    const entryArticles = articlesBy.get(entry.id) ?? [];
    const entryTerms = termsBy.get(entry.id) ?? [];
    const labels: SourceLabel[] = [
      ...entryTerms.map((t) => ({ labels: t.labels })),
      ...entryArticles.map((a) => ({ labels: a.titles })),
      ...involved.flatMap((c) => {
        const names = countryBy.get(c)?.names;
        return names ? [{ labels: names as Record<string, string> }] : [];
      }),
    ];
    const regions = involved.flatMap((c) => {
      const row = countryBy.get(c);
      return [row?.region_code, row?.subregion_code].filter((x): x is string => Boolean(x));
    });
    return {
      entry,
      texts: textsBy.get(entry.id) ?? [],
      ...(leg ? { law: { citation: leg.citation, article_ref: leg.article_ref, titles: Object.fromEntries((lawTitlesBy.get(entry.id) ?? []).map((t) => [t.lang, t.title])) } } : {}),
      ...(kase ? { case: { court: kase.court, case_number: kase.case_number, ecli: kase.ecli } } : {}),
      ...(treaty ? { treaty: { short_name: treaty.short_name, organization: treaty.organization, parties: partyStates } } : {}),
      cooperating: cooperatingStates,
      articles: entryArticles.map((a) => `${a.treaty_id}:${a.number}`),
      instrumentNames: [...new Set(entryArticles.flatMap((a) => (a.short_name ? [a.short_name] : [])))],
      terms: entryTerms.filter((t) => t.own).map((t) => `${t.taxonomy}:${t.code}`),
      labels,
      regions,
    };
  });
}
