/**
 * From an entry and everything that describes it to its search document: facet values and the
 * text segments (configuration, weight, text) the database turns into the tsvector. Pure.
 */
import { ENTRY_TYPES } from '../../knowledge/index.js';
import type { SearchContext } from '../tables.js';
import { SIMPLE_CONFIG, cjkUnigramText, configFor, forExact, forStemming, hasCjk } from './text.js';

/** What a search document describes: a knowledge entry (of a database) or a service provider. */
export const SEARCH_TYPES = [...ENTRY_TYPES, 'provider'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

/** The key of a document: the entry id, or "provider:" and the provider id (entry ids hold no colon). */
export const documentKey = (type: SearchType, id: string) => (type === 'provider' ? `provider:${id}` : id);

export interface SourceEntry {
  /** The entry id or the provider id. */
  id: string;
  type: SearchType;
  country: string | null;
  date: string | null;
  demo: boolean;
}

export interface SourceText {
  lang: string;
  title: string;
  summary: string | null;
  body: string | null;
  facts: string | null;
  decision: string | null;
  commentary: string | null;
  machine_translated: boolean;
}

export interface SourceLabel {
  /** Labels (taxonomy term labels, article titles, country names) by language tag. */
  labels: Record<string, string>;
}

/** Everything the indexer knows about one entry. */
export interface EntrySource {
  entry: SourceEntry;
  /** Published language versions only. */
  texts: SourceText[];
  law?: { citation: string | null; article_ref: string | null; titles: Record<string, string> };
  case?: { court: string | null; case_number: string | null; ecli: string | null };
  treaty?: { short_name: string | null; organization: string | null; parties: string[] };
  /** A service provider: its legal entity (shown under the result) and its services by language. */
  provider?: { ref: string | undefined; titles: Record<string, string> };
  cooperating: string[];
  /** "treaty:number" tags. */
  articles: string[];
  /** Short names of the instruments of the tagged articles. */
  instrumentNames: string[];
  /** "taxonomy:code" of the entry's terms (not those reached through articles). */
  terms: string[];
  /** Labels that describe the entry in every language, indexed at the lowest weight. */
  labels: SourceLabel[];
  /** M49 region and sub-region of each country involved. */
  regions: string[];
}

export interface DocumentMeta {
  /** documentKey of the entry or provider. */
  key: string;
  entry_id: string | null;
  provider_id: string | null;
  type: SearchType;
  country: string | null;
  countries: string[];
  regions: string[];
  year: number | null;
  date: string | null;
  langs: string[];
  instruments: string[];
  articles: string[];
  crimes: string[];
  cooperation: string[];
  issues: string[];
  measures: string[];
  demo: boolean;
  titles: Record<string, string>;
  mt_langs: string[];
  context: SearchContext;
  /** "*" and every "facet:value" of the entry, for counting all facets in one pass. */
  facet_keys: string[];
}

/** The key of a facet value in facet_keys. */
export const facetKey = (facet: string, value: string | number) => `${facet}:${value}`;
export const TOTAL_KEY = '*';

export type Weight = 'A' | 'B' | 'C' | 'D';

export interface Segment {
  /** documentKey of the document. */
  key: string;
  config: string;
  weight: Weight;
  text: string;
}

/** Characters of content analysed per entry and per analysis, shared between its language versions (keeps tsvectors far below their 1 MB limit). */
export const TEXT_BUDGET = 400_000;

const uniq = (xs: readonly string[]) => [...new Set(xs)].sort();

/** The entry's countries for the country facet: its own, cooperating States, parties of a bilateral treaty. */
export function countriesOf(src: Pick<EntrySource, 'entry' | 'cooperating' | 'treaty'>): string[] {
  const list = [...(src.entry.country ? [src.entry.country] : []), ...src.cooperating, ...(src.treaty?.parties ?? [])];
  return uniq(list);
}

export function documentMeta(src: EntrySource): DocumentMeta {
  const termsOf = (taxonomy: string) => uniq(src.terms.filter((t) => t.startsWith(`${taxonomy}:`)).map((t) => t.slice(taxonomy.length + 1)));
  const context: SearchContext = {};
  if (src.law) {
    if (src.law.article_ref || src.law.citation) context.ref = [src.law.article_ref, src.law.citation].filter(Boolean).join(', ');
    if (Object.keys(src.law.titles).length) context.titles = src.law.titles;
  } else if (src.case) {
    const ref = [src.case.court, src.case.case_number].filter(Boolean).join(', ');
    if (ref) context.ref = ref;
  } else if (src.treaty?.short_name) context.ref = src.treaty.short_name;
  else if (src.provider) {
    if (src.provider.ref) context.ref = src.provider.ref;
    if (Object.keys(src.provider.titles).length) context.titles = src.provider.titles;
  }
  const year = src.entry.date ? Number(src.entry.date.slice(0, 4)) : null;
  const meta: Omit<DocumentMeta, 'facet_keys'> = {
    key: documentKey(src.entry.type, src.entry.id),
    entry_id: src.entry.type === 'provider' ? null : src.entry.id,
    provider_id: src.entry.type === 'provider' ? src.entry.id : null,
    type: src.entry.type,
    country: src.entry.country,
    countries: countriesOf(src),
    regions: uniq(src.regions),
    year: year && Number.isFinite(year) ? year : null,
    date: src.entry.date,
    langs: uniq(src.texts.map((t) => t.lang)),
    instruments: uniq(src.articles.map((a) => a.slice(0, a.lastIndexOf(':')))),
    articles: uniq(src.articles),
    crimes: termsOf('crime'),
    cooperation: termsOf('cooperation'),
    issues: termsOf('issue'),
    measures: termsOf('measure'),
    demo: src.entry.demo,
    titles: Object.fromEntries(src.texts.map((t) => [t.lang, t.title])),
    mt_langs: uniq(src.texts.filter((t) => t.machine_translated).map((t) => t.lang)),
    context,
  };
  const keyed: [string, readonly (string | number)[]][] = [
    ['type', [meta.type]],
    ['country', meta.countries],
    ['region', meta.regions],
    ['instrument', meta.instruments],
    ['article', meta.articles],
    ['crime', meta.crimes],
    ['cooperation', meta.cooperation],
    ['issue', meta.issues],
    ['measure', meta.measures],
    ['year', meta.year === null ? [] : [meta.year]],
    ['lang', meta.langs],
  ];
  return { ...meta, facet_keys: [TOTAL_KEY, ...keyed.flatMap(([facet, values]) => values.map((v) => facetKey(facet, v)))] };
}

/** Cut text to at most `budget.left` characters and charge it. */
function take(text: string | null | undefined, budget: { left: number }): string {
  if (!text || budget.left <= 0) return '';
  const out = text.length > budget.left ? text.slice(0, budget.left) : text;
  budget.left -= out.length;
  return out;
}

/**
 * The text segments of an entry. Each language version is analysed with its own language's
 * configuration (stemmed) and with palermo_simple (exact; CJK as bigrams, plus single characters).
 */
export function documentSegments(src: EntrySource): Segment[] {
  const key = documentKey(src.entry.type, src.entry.id);
  const out: Segment[] = [];
  const add = (config: string, weight: Weight, raw: string) => {
    if (!raw.trim()) return;
    if (config !== SIMPLE_CONFIG) out.push({ key, config, weight, text: forStemming(raw) });
    out.push({ key, config: SIMPLE_CONFIG, weight, text: forExact(raw) });
    if (hasCjk(raw)) out.push({ key, config: SIMPLE_CONFIG, weight, text: cjkUnigramText(raw) });
  };
  const exact = (weight: Weight, raw: string | null | undefined) => {
    if (raw?.trim()) add(SIMPLE_CONFIG, weight, raw);
  };

  const perVersion = Math.floor(TEXT_BUDGET / Math.max(1, src.texts.length));
  for (const t of src.texts) {
    const config = configFor(t.lang);
    const budget = { left: perVersion };
    add(config, 'A', take(t.title, budget));
    add(config, 'B', take(t.summary, budget));
    add(config, 'C', [take(t.body, budget), take(t.facts, budget), take(t.decision, budget)].filter(Boolean).join('\n'));
    add(config, 'D', take(t.commentary, budget));
  }
  if (src.law) {
    for (const [lang, title] of Object.entries(src.law.titles)) add(configFor(lang), 'B', title);
    exact('B', [src.law.citation, src.law.article_ref].filter(Boolean).join('\n'));
  }
  if (src.case) exact('B', [src.case.court, src.case.case_number, src.case.ecli].filter(Boolean).join('\n'));
  if (src.treaty) {
    exact('A', src.treaty.short_name);
    exact('C', src.treaty.organization);
  }
  exact('D', src.instrumentNames.join('\n'));
  // Labels in every language at the lowest weight: a French query finds an entry with no French text.
  // Stemmed per language; the exact analysis once over the distinct labels of all languages.
  const byLang = new Map<string, string[]>();
  for (const l of src.labels) {
    for (const [lang, label] of Object.entries(l.labels)) {
      if (!label || configFor(lang) === SIMPLE_CONFIG) continue;
      const list = byLang.get(lang);
      if (list) list.push(label);
      else byLang.set(lang, [label]);
    }
  }
  for (const [lang, labels] of [...byLang.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    out.push({ key, config: configFor(lang), weight: 'D', text: forStemming(uniq(labels).join('\n')) });
  }
  exact('D', uniq(src.labels.flatMap((l) => Object.values(l.labels).filter(Boolean))).join('\n'));
  return out;
}
