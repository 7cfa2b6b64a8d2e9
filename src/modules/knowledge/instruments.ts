/**
 * The instruments: the treaties content is tagged with (UNTOC, its protocols, other conventions), as
 * the portal, the directory and the API list them, and their articles. The shipped instruments are
 * loaded by the reference module (reference/loader.ts) through saveRecords like any treaty.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { selectArticles, selectInstruments } from './repository/instruments.js';

export interface InstrumentSummary {
  id: string;
  kind: 'universal' | 'regional' | 'bilateral';
  short_name: string | null;
  organization: string | null;
  adopted_on: string | null;
  adopted_at: string | null;
  entry_into_force_on: string | null;
  depositary: string | null;
  parent_id: string | null;
  source_url: string | null;
  demo: boolean;
  /** Published titles by language; a language absent here has no title held. */
  titles: Record<string, string>;
  article_count: number;
}

export interface ArticleSummary {
  treaty_id: string;
  number: string;
  position: number;
  /** Titles by language; absent languages are not held (never machine-invented). */
  titles: Record<string, string>;
  /** "taxonomy:code" terms the article is about. */
  terms: string[];
}

export interface Article extends ArticleSummary {
  texts: Record<string, string>;
}

export async function listInstruments(db: Kysely<DB>): Promise<InstrumentSummary[]> {
  return selectInstruments(db);
}

export async function getInstrument(db: Kysely<DB>, id: string): Promise<(InstrumentSummary & { articles: ArticleSummary[] }) | undefined> {
  const [instrument] = await selectInstruments(db, id);
  if (!instrument) return undefined;
  const articles = await selectArticles(db, id, { withText: false });
  return { ...instrument, articles };
}

export async function getArticle(db: Kysely<DB>, treatyId: string, number: string): Promise<Article | undefined> {
  const [a] = await selectArticles(db, treatyId, { number, withText: true });
  return a ? { ...a, texts: a.texts ?? {} } : undefined;
}

export interface ArticleInContext extends Article {
  instrument: InstrumentSummary;
  /** Numbers of the neighbouring articles, for navigation. */
  previous: string | null;
  next: string | null;
}

/** An article with its instrument and neighbours; `instrument` alone when the instrument exists but not the article. */
export async function getArticleInContext(
  db: Kysely<DB>,
  treatyId: string,
  number: string,
): Promise<{ instrument?: InstrumentSummary; article?: ArticleInContext }> {
  const instrument = await getInstrument(db, treatyId);
  if (!instrument) return {};
  const index = instrument.articles.findIndex((a) => a.number === number);
  const article = index >= 0 ? await getArticle(db, treatyId, number) : undefined;
  if (!article) return { instrument };
  const { articles, ...summary } = instrument;
  return {
    instrument: summary,
    article: { ...article, instrument: summary, previous: articles[index - 1]?.number ?? null, next: articles[index + 1]?.number ?? null },
  };
}
