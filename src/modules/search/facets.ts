/** Facet values with localized labels, in display order (part of the search service). */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { INTL_LOCALE, pickLocalized, type Lang } from '../../platform/i18n/languages.js';
import { translator } from '../../platform/i18n/messages.js';
import { common } from '../../platform/web/common.messages.js';
import { articleLabels, parseArticleRef, treatySummaries, type EntryType } from '../knowledge/index.js';
import { SEARCH_TYPES, type SearchType } from './domain/document.js';
import { searchMessages } from './search.messages.js';
import { articleTitleFor, countryName, instrumentShortName, isShippedInstrument, listCountries, listRegions, listTerms, termLabel } from '../reference/index.js';
import { FACETS, type FacetName, type Filters } from './domain/params.js';
import type { FacetCount } from './repository/search.js';

export interface FacetValue {
  value: string;
  label: string;
  count: number;
  /** Language of the label when it is not the reader's (a title held only in English, say): pages tag it. */
  lang?: string;
  /** Region facet: the enclosing region of a sub-region. */
  parent?: string;
}

export type Facets = Record<FacetName, FacetValue[]>;

const TYPE_LABEL: Record<EntryType, 'nav_legislation' | 'nav_cases' | 'nav_treaties' | 'nav_strategies'> = {
  legislation: 'nav_legislation',
  case: 'nav_cases',
  treaty: 'nav_treaties',
  strategy: 'nav_strategies',
};

export function typeLabel(type: SearchType, hl: Lang): string {
  return type === 'provider' ? translator(searchMessages, hl)('type_provider') : translator(common, hl)(TYPE_LABEL[type]);
}

const TAXONOMY: Partial<Record<FacetName, 'crime' | 'cooperation' | 'issue' | 'measure'>> = {
  crime: 'crime',
  cooperation: 'cooperation',
  issue: 'issue',
  measure: 'measure',
};

const displayNames = new Map<Lang, Intl.DisplayNames>();
export function languageName(tag: string, hl: Lang): string {
  let names = displayNames.get(hl);
  if (!names) {
    names = new Intl.DisplayNames([INTL_LOCALE[hl]], { type: 'language', fallback: 'code' });
    displayNames.set(hl, names);
  }
  try {
    const name = names.of(tag) ?? tag;
    return name.charAt(0).toLocaleUpperCase(INTL_LOCALE[hl]) + name.slice(1);
  } catch {
    return tag;
  }
}

interface Labelled {
  text: string;
  lang?: string | undefined;
}

/** Name of an instrument: its title or short name in the reader's language where held (Palermo's short forms for the shipped ones). */
function instrumentName(info: { short_name: string | null; titles: Record<string, string> } | undefined, id: string, hl: Lang, preferShort: boolean): Labelled {
  const localShort = instrumentShortName(id, hl);
  if (!info) return { text: localShort ?? id };
  const title = pickLocalized(info.titles, hl);
  const titled = title ? { text: title.text, lang: title.lang } : undefined;
  const short = localShort ? { text: localShort } : info.short_name ? { text: info.short_name, lang: isShippedInstrument(id) ? 'en' : undefined } : undefined;
  return (preferShort ? (short ?? titled) : (titled ?? short)) ?? { text: id };
}

/** Label, count and order every facet value; selected values are always listed (count 0 when none). */
export async function labelFacets(db: Kysely<DB>, counts: readonly FacetCount[], filters: Filters, hl: Lang): Promise<Facets> {
  const byFacet = new Map<FacetName, Map<string, number>>(FACETS.map((f) => [f, new Map()]));
  for (const c of counts) if (c.facet) byFacet.get(c.facet)!.set(c.value, c.count);
  for (const f of FACETS) for (const v of filters[f]) if (!byFacet.get(f)!.has(v)) byFacet.get(f)!.set(v, 0);
  for (const t of SEARCH_TYPES) if (!byFacet.get('type')!.has(t)) byFacet.get('type')!.set(t, 0);

  const articleRefs = [...byFacet.get('article')!.keys()];
  const instrumentIds = [...new Set([...byFacet.get('instrument')!.keys(), ...articleRefs.map((a) => a.slice(0, a.lastIndexOf(':')))])];
  const [countries, regions, terms, instruments, articles] = await Promise.all([
    byFacet.get('country')!.size ? listCountries(db) : [],
    byFacet.get('region')!.size ? listRegions(db) : [],
    ['crime', 'cooperation', 'issue', 'measure'].some((f) => byFacet.get(f as FacetName)!.size) ? listTerms(db) : [],
    // Labels of visible instruments and of articles, from the knowledge module.
    instrumentIds.length ? treatySummaries(db, instrumentIds).then((rows) => new Map(rows.map((r) => [r.id, r]))) : new Map<string, never>(),
    articleRefs.length
      ? articleLabels(db, articleRefs.map((a) => parseArticleRef(a))).then((rows) => new Map(rows.map((r) => [`${r.treaty_id}:${r.number}`, r.titles])))
      : new Map<string, Record<string, string>>(),
  ]);
  const regionBy = new Map(regions.map((r) => [r.code, r]));
  const collator = new Intl.Collator(INTL_LOCALE[hl]);

  const label = (facet: FacetName, value: string): string | Labelled => {
    const taxonomy = TAXONOMY[facet];
    if (taxonomy) return termLabel(terms, taxonomy, value, hl);
    switch (facet) {
      case 'type':
        return typeLabel(value as SearchType, hl);
      case 'country':
        return countryName(countries, value, hl);
      case 'region': {
        const r = regionBy.get(value);
        return r ? (pickLocalized(r.names, hl)?.text ?? value) : value;
      }
      case 'instrument':
        return instrumentName(instruments.get(value), value, hl, false);
      case 'article': {
        const i = value.lastIndexOf(':');
        const treaty = value.slice(0, i);
        const held = articles.get(value);
        const title = isShippedInstrument(treaty) ? articleTitleFor(treaty, held, hl) : pickLocalized(held, hl);
        const name = instrumentName(instruments.get(treaty), treaty, hl, true);
        const head = `${name.text} ${value.slice(i + 1)}`;
        // One language tag for the label: the reader's unless a part is in another language.
        const lang = [name.lang, title?.lang].find((l) => l && l !== hl);
        return { text: title ? `${head} — ${title.text}` : head, lang };
      }
      case 'lang':
        return languageName(value, hl);
      default:
        return value;
    }
  };

  const out = {} as Facets;
  for (const facet of FACETS) {
    const list: FacetValue[] = [...byFacet.get(facet)!].map(([value, count]) => {
      const l = label(facet, value);
      if (typeof l === 'string') return { value, label: l, count };
      return { value, label: l.text, count, ...(l.lang && l.lang !== hl ? { lang: l.lang } : {}) };
    });
    if (facet === 'type') list.sort((a, b) => SEARCH_TYPES.indexOf(a.value as SearchType) - SEARCH_TYPES.indexOf(b.value as SearchType));
    else if (facet === 'year') list.sort((a, b) => b.value.localeCompare(a.value));
    else list.sort((a, b) => b.count - a.count || collator.compare(a.label, b.label));
    if (facet === 'region') {
      // Sub-regions follow their region (when both are listed).
      for (const v of list) {
        const parent = regionBy.get(v.value)?.parent_code;
        if (parent && regionBy.get(v.value)?.level !== 'region' && byFacet.get('region')!.has(parent)) v.parent = parent;
      }
      const top = list.filter((v) => !v.parent);
      out.region = top.flatMap((t) => [t, ...list.filter((v) => v.parent === t.value)]);
      continue;
    }
    out[facet] = list;
  }
  return out;
}
