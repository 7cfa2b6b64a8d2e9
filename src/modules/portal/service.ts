/**
 * View models of the portal pages: everything a page shows, read in a few batched queries.
 * Pages localize (names, labels, dates); this layer only gathers.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { type Article, type ArticleSummary, type EntryDocument, type InstrumentSummary, type LawDocument, parseArticleRef, type EntryType, articleLabels, getArticle, getInstrument, listInstruments, countByCountry, countByType, entryBlock, getLawSummaries, getLawWithExtracts, getPublicEntry, lawsOfCountry, recentEntries, participationOf, treatyChildren, treatySummaries, type ArticleLabel, type EntrySummary, type LawSummary, type Participation, type TreatySummary } from '../knowledge/index.js';
import { getCountry, listCountries, listRegions, listTerms, type Country, type Region, type Term } from '../reference/index.js';

/** Reference lists every page uses for names and labels (cached by the reference service). */
export interface Names {
  countries: Country[];
  terms: Term[];
}

export async function loadNames(db: Kysely<DB>): Promise<Names> {
  const [countries, terms] = await Promise.all([listCountries(db), listTerms(db)]);
  return { countries, terms };
}

export type Lookup<T> = { kind: 'found'; value: T } | { kind: 'elsewhere'; type: EntryType | 'law' } | { kind: 'missing' };

export interface EntryModel {
  doc: EntryDocument;
  names: Names;
  articles: ArticleLabel[];
  /** The law of a legislation extract. */
  law?: LawSummary;
  /** Treaties: the instrument it supplements, and its protocols. */
  parent?: TreatySummary;
  children: TreatySummary[];
}

export async function entryModel(db: Kysely<DB>, type: EntryType, id: string): Promise<Lookup<EntryModel>> {
  const found = await getPublicEntry(db, id, type);
  if (found.other) return { kind: 'elsewhere', type: found.other };
  const doc = found.doc;
  if (!doc) return { kind: 'missing' };
  const refs = (doc.articles ?? []).map(parseArticleRef).map(({ treatyId, number }) => ({ treatyId, number }));
  const [names, articles, laws, parents, children] = await Promise.all([
    loadNames(db),
    articleLabels(db, refs),
    doc.type === 'legislation' ? getLawSummaries(db, [doc.law_id]) : Promise.resolve([]),
    doc.type === 'treaty' && doc.parent_id ? treatySummaries(db, [doc.parent_id]) : Promise.resolve([]),
    doc.type === 'treaty' ? treatyChildren(db, doc.id) : Promise.resolve([]),
  ]);
  return {
    kind: 'found',
    value: { doc, names, articles, ...(laws[0] ? { law: laws[0] } : {}), ...(parents[0] ? { parent: parents[0] } : {}), children },
  };
}

export interface LawModel {
  law: LawDocument;
  extracts: EntrySummary[];
  names: Names;
}

export async function lawModel(db: Kysely<DB>, id: string): Promise<LawModel | undefined> {
  const [found, names] = await Promise.all([getLawWithExtracts(db, id), loadNames(db)]);
  return found ? { ...found, names } : undefined;
}

export interface EntryBlock {
  total: number;
  items: EntrySummary[];
}

export interface ArticleModel {
  instrument: InstrumentSummary & { articles: ArticleSummary[] };
  article: Article;
  previous?: ArticleSummary;
  next?: ArticleSummary;
  legislation: EntryBlock;
  cases: EntryBlock;
  names: Names;
}

export const ARTICLE_BLOCK_SIZE = 10;

export async function articleModel(db: Kysely<DB>, treatyId: string, number: string): Promise<ArticleModel | undefined> {
  const [instrument, article] = await Promise.all([getInstrument(db, treatyId), getArticle(db, treatyId, number)]);
  if (!instrument || !article) return undefined;
  const filter = { article: { treatyId, number } };
  const [legislation, cases, names] = await Promise.all([
    entryBlock(db, { ...filter, type: 'legislation' }, ARTICLE_BLOCK_SIZE),
    entryBlock(db, { ...filter, type: 'case' }, ARTICLE_BLOCK_SIZE),
    loadNames(db),
  ]);
  const i = instrument.articles.findIndex((a) => a.number === number);
  const previous = i > 0 ? instrument.articles[i - 1] : undefined;
  const next = i >= 0 ? instrument.articles[i + 1] : undefined;
  return { instrument, article, ...(previous ? { previous } : {}), ...(next ? { next } : {}), legislation, cases, names };
}

export interface CountriesModel {
  countries: Country[];
  regions: Region[];
  counts: Map<string, number>;
}

export async function countriesModel(db: Kysely<DB>): Promise<CountriesModel> {
  const [countries, regions, counts] = await Promise.all([listCountries(db), listRegions(db), countByCountry(db)]);
  return { countries, regions, counts };
}

export const PROFILE_LIST_SIZE = 10;
export const PROFILE_LAW_LIST_SIZE = 50;

export interface CountryModel {
  country: Country;
  regions: Region[];
  names: Names;
  counts: Map<EntryType, number>;
  /** Multilateral instruments (each shown, with or without a status for this State) and every treaty this State has a status in. */
  instruments: InstrumentSummary[];
  participation: Participation[];
  laws: { total: number; items: LawSummary[] };
  legislation: EntryBlock;
  casesDecided: EntryBlock;
  casesCooperated: EntryBlock;
  strategies: EntryBlock;
}

export async function countryModel(db: Kysely<DB>, iso3: string): Promise<CountryModel | undefined> {
  const country = await getCountry(db, iso3);
  if (!country) return undefined;
  const code = country.iso3;
  const [regions, names, counts, instruments, participation, laws, legislation, casesDecided, casesCooperated, strategies] = await Promise.all([
    listRegions(db),
    loadNames(db),
    countByType(db, code),
    listInstruments(db),
    participationOf(db, code),
    lawsOfCountry(db, code, PROFILE_LAW_LIST_SIZE),
    entryBlock(db, { type: 'legislation', country: code }, PROFILE_LIST_SIZE, 'updated'),
    entryBlock(db, { type: 'case', country: code }, PROFILE_LIST_SIZE),
    entryBlock(db, { type: 'case', cooperatingWith: code }, PROFILE_LIST_SIZE),
    entryBlock(db, { type: 'strategy', country: code }, PROFILE_LIST_SIZE),
  ]);
  return {
    country,
    regions,
    names,
    counts,
    instruments: instruments.filter((i) => i.kind !== 'bilateral'),
    participation,
    laws,
    legislation,
    casesDecided,
    casesCooperated,
    strategies,
  };
}

export const HOME_RECENT_SIZE = 8;

export interface HomeModel {
  counts: Map<EntryType, number>;
  instruments: InstrumentSummary[];
  recent: EntrySummary[];
  names: Names;
}

export async function homeModel(db: Kysely<DB>): Promise<HomeModel> {
  const [counts, instruments, recent, names] = await Promise.all([
    countByType(db),
    listInstruments(db),
    recentEntries(db, HOME_RECENT_SIZE),
    loadNames(db),
  ]);
  return { counts, instruments: instruments.filter((i) => i.kind !== 'bilateral'), recent, names };
}
