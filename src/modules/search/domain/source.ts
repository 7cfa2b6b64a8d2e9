/**
 * From what the knowledge module announces about an entry (PublishedEntry) and the reference data
 * (country names and regions, taxonomy term labels) to what the indexer knows about it (EntrySource).
 * Pure.
 */
import crypto from 'node:crypto';
import type { PublishedEntry, TreatyDocument } from '../../knowledge/index.js';
import type { PublicProvider } from '../../providers/index.js';
import type { EntrySource, SourceLabel } from './document.js';

export interface ReferenceLookup {
  countries: ReadonlyMap<string, { names: Record<string, string>; region_code: string | null; subregion_code: string | null }>;
  /** Labels of taxonomy terms by "taxonomy:code". */
  terms: ReadonlyMap<string, Record<string, string>>;
}

const TERM_LISTS = [
  ['crime', 'crime_types'],
  ['cooperation', 'cooperation_types'],
  ['issue', 'issues'],
  ['measure', 'measures'],
] as const;

export function entrySource(p: PublishedEntry, ref: ReferenceLookup): EntrySource {
  const doc = p.document;
  const country = 'country' in doc && doc.country ? doc.country : null;
  const cooperating = doc.type === 'case' ? [...(doc.cooperating_states ?? [])] : [];
  const partyStates = doc.type === 'treaty' && doc.kind === 'bilateral' ? (doc.parties ?? []).map((x) => x.country) : [];
  const involved = [...new Set([...(country ? [country] : []), ...cooperating, ...partyStates])];
  // The entry's own terms and the terms of its articles (known to the reference data), each once.
  const own = TERM_LISTS.flatMap(([taxonomy, field]) => (doc[field] ?? []).map((code) => `${taxonomy}:${code}`)).filter((t) => ref.terms.has(t));
  const allTerms = [...new Set([...own, ...p.articles.flatMap((a) => a.terms)])].filter((t) => ref.terms.has(t)).sort();
  const labels: SourceLabel[] = [
    ...allTerms.map((t) => ({ labels: ref.terms.get(t)! })),
    ...p.articles.map((a) => ({ labels: a.titles })),
    ...involved.flatMap((c) => {
      const names = ref.countries.get(c)?.names;
      return names ? [{ labels: names }] : [];
    }),
  ];
  const regions = involved.flatMap((c) => {
    const row = ref.countries.get(c);
    return [row?.region_code, row?.subregion_code].filter((x): x is string => Boolean(x));
  });
  return {
    entry: { id: doc.id, type: doc.type, country, date: doc.date ?? null, demo: doc.demo ?? false },
    texts: Object.entries(doc.texts)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([lang, t]) => ({
        lang,
        title: t.title,
        summary: t.summary ?? null,
        body: t.body ?? null,
        facts: t.facts ?? null,
        decision: t.decision ?? null,
        commentary: t.commentary ?? null,
        machine_translated: t.machine_translated ?? false,
      })),
    ...(doc.type === 'legislation' && p.law ? { law: { citation: p.law.citation, article_ref: doc.article_ref ?? null, titles: p.law.titles } } : {}),
    ...(doc.type === 'case' ? { case: { court: doc.court ?? null, case_number: doc.case_number ?? null, ecli: doc.ecli ?? null } } : {}),
    ...(doc.type === 'treaty' ? { treaty: { short_name: doc.short_name ?? null, organization: doc.organization ?? null, parties: partyStates } } : {}),
    cooperating,
    articles: p.articles.map((a) => a.ref),
    instrumentNames: [...new Set(p.articles.flatMap((a) => (a.instrument ? [a.instrument] : [])))],
    terms: own,
    labels,
    regions,
  };
}

/**
 * A published provider as the public sees it (never a practitioners-only field: the providers
 * module removed them) to what the indexer knows about it. Each language of its names or notes is
 * a language version: the name as title, the public notes as body; services, data categories and
 * the country name are labels in every language.
 */
export function providerSource(p: PublicProvider, ref: ReferenceLookup): EntrySource {
  const doc = p.document;
  const fallback = doc.names.en ?? Object.values(doc.names)[0] ?? doc.id;
  const langs = [...new Set([...Object.keys(doc.names), ...Object.keys(doc.notes ?? {})])].sort();
  const country = ref.countries.get(doc.country);
  const titles: Record<string, string> = {};
  for (const lang of Object.keys(p.labels[0] ?? {})) titles[lang] = p.labels.slice(0, doc.services.length).map((l) => l[lang] ?? '').filter(Boolean).join(', ');
  return {
    entry: { id: doc.id, type: 'provider', country: doc.country, date: null, demo: p.demo },
    texts: langs.map((lang) => ({
      lang,
      title: doc.names[lang] ?? fallback,
      summary: doc.legal_entity ?? null,
      body: doc.notes?.[lang] ?? null,
      facts: null,
      decision: null,
      commentary: null,
      machine_translated: false,
    })),
    provider: { ref: doc.legal_entity, titles },
    cooperating: [],
    articles: [],
    instrumentNames: [],
    terms: [],
    labels: [...p.labels.map((labels) => ({ labels })), ...(country ? [{ labels: country.names }] : [])],
    regions: [country?.region_code, country?.subregion_code].filter((x): x is string => Boolean(x)),
  };
}

/**
 * Fingerprint of what a treaty's articles contribute to the documents of the entries tagged with
 * them (numbers, headings, terms): when it changes, those entries are re-indexed.
 */
export function instrumentSignature(treaty: TreatyDocument): string {
  const sortKeys = (o: Record<string, string> | undefined) => Object.fromEntries(Object.entries(o ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const articles = (treaty.provisions ?? [])
    .map((p) => [p.number, sortKeys(p.titles), [...(p.terms ?? [])].sort()] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return crypto.createHash('md5').update(JSON.stringify(articles)).digest('hex');
}
