/**
 * The digest of cases (pure): the published cases that applied UNTOC as a legal basis, counted and
 * grouped by type of cooperation, region (UN M49), offence and related instrument, each case
 * summarised in the reader's language or marked as shown in another. The page, the PDF and the
 * DOCX are all drawn from this one model, so they always say the same thing.
 */
import { pickLocalized, type Lang } from '../../../platform/i18n/languages.js';

/** The four groupings of the digest, in the order they are shown. */
export const GROUPINGS = ['cooperation', 'region', 'offence', 'instrument'] as const;
export type Grouping = (typeof GROUPINGS)[number];

/** The key of the group of cases that have nothing for a grouping (no type of cooperation tagged, no region). */
export const UNSPECIFIED = '-';

/** What the builder needs of one case (from knowledge's canonical document and tagged articles). */
export interface DigestInput {
  id: string;
  country: string;
  court?: string | undefined;
  case_number?: string | undefined;
  decision_date?: string | undefined;
  texts: Record<string, { title: string; summary?: string | undefined }>;
  cooperation_types: readonly string[];
  crime_types: readonly string[];
  cooperating_states: readonly string[];
  /** The instruments other than UNTOC whose articles the case is tagged with (treaty ids). */
  instruments: readonly string[];
  /** Synthetic demo content. */
  demo?: boolean | undefined;
}

/** Names in the reader's language, supplied by the service (reference data, treaty titles). */
export interface DigestLabels {
  cooperation(code: string): string;
  offence(code: string): string;
  country(iso3: string): string;
  /** The M49 region (top level) of a country, or undefined (areas without one). */
  region(iso3: string): { code: string; name: string } | undefined;
  instrument(treatyId: string): string;
  /** The label of the "not specified" group. */
  unspecified: string;
}

/** A text with the language it is in; `fallback` when that is not the reader's. */
export interface ShownText {
  text: string;
  lang: string;
  fallback: boolean;
}

export interface DigestCase {
  id: string;
  title: ShownText;
  summary?: ShownText;
  country: string;
  countryName: string;
  region?: string;
  court?: string;
  caseNumber?: string;
  decisionDate?: string;
  cooperation: string[];
  offences: string[];
  instruments: string[];
  cooperatingStates: string[];
}

export interface DigestGroup {
  key: string;
  label: string;
  count: number;
  /** The cases of the group, newest decision first. */
  caseIds: string[];
}

export interface Digest {
  lang: Lang;
  total: number;
  /** Some case is synthetic demo content (the page says so). */
  demo: boolean;
  groups: Record<Grouping, DigestGroup[]>;
  cases: DigestCase[];
}

/**
 * The title and the summary shown to a reader, each from the reader's language, then English, French,
 * Spanish, then any (a version without a summary does not hide another version's summary).
 */
function shownTexts(texts: DigestInput['texts'], lang: Lang): { title: ShownText; summary?: ShownText } | undefined {
  const pick = (field: 'title' | 'summary'): ShownText | undefined => {
    const picked = pickLocalized(Object.fromEntries(Object.entries(texts).map(([l, t]) => [l, t[field]])), lang);
    return picked ? { text: picked.text, lang: picked.lang, fallback: picked.lang !== lang } : undefined;
  };
  const title = pick('title');
  const summary = pick('summary');
  return title ? { title, ...(summary ? { summary } : {}) } : undefined;
}

const byDateDesc = (a: DigestCase, b: DigestCase) => (b.decisionDate ?? '').localeCompare(a.decisionDate ?? '') || a.id.localeCompare(b.id);

function groupsOf(cases: readonly DigestCase[], keysOf: (c: DigestCase) => { key: string; label: string }[], lang: Lang, unspecified?: string): DigestGroup[] {
  const map = new Map<string, DigestGroup>();
  for (const c of cases) {
    const keys = keysOf(c);
    const list = keys.length || unspecified === undefined ? keys : [{ key: UNSPECIFIED, label: unspecified }];
    for (const k of list) {
      const g = map.get(k.key) ?? { key: k.key, label: k.label, count: 0, caseIds: [] };
      g.count++;
      g.caseIds.push(c.id);
      map.set(k.key, g);
    }
  }
  // Largest first; "not specified" last; ties by name in the reader's language.
  const collator = new Intl.Collator(lang);
  return [...map.values()].sort((a, b) => Number(a.key === UNSPECIFIED) - Number(b.key === UNSPECIFIED) || b.count - a.count || collator.compare(a.label, b.label));
}

/** Build the digest in the reader's language. Cases without a visible version are left out. */
export function buildDigest(inputs: readonly DigestInput[], labels: DigestLabels, lang: Lang): Digest {
  const coopKeys = new Map<string, { key: string; label: string }[]>();
  const offenceKeys = new Map<string, { key: string; label: string }[]>();
  const instrumentKeys = new Map<string, { key: string; label: string }[]>();
  const regionKeys = new Map<string, { key: string; label: string }[]>();
  const cases: DigestCase[] = [];
  for (const input of inputs) {
    const shown = shownTexts(input.texts, lang);
    if (!shown) continue;
    const coop = [...input.cooperation_types].sort().map((code) => ({ key: code, label: labels.cooperation(code) }));
    const offences = [...input.crime_types].sort().map((code) => ({ key: code, label: labels.offence(code) }));
    const instruments = [...new Set(input.instruments)].sort().map((id) => ({ key: id, label: labels.instrument(id) }));
    const region = labels.region(input.country);
    const c: DigestCase = {
      id: input.id,
      title: shown.title,
      ...(shown.summary ? { summary: shown.summary } : {}),
      country: input.country,
      countryName: labels.country(input.country),
      ...(region ? { region: region.name } : {}),
      ...(input.court ? { court: input.court } : {}),
      ...(input.case_number ? { caseNumber: input.case_number } : {}),
      ...(input.decision_date ? { decisionDate: input.decision_date } : {}),
      cooperation: coop.map((k) => k.label),
      offences: offences.map((k) => k.label),
      instruments: instruments.map((k) => k.label),
      cooperatingStates: [...input.cooperating_states].map((s) => labels.country(s)),
    };
    cases.push(c);
    coopKeys.set(c.id, coop);
    offenceKeys.set(c.id, offences);
    instrumentKeys.set(c.id, instruments);
    regionKeys.set(c.id, region ? [{ key: region.code, label: region.name }] : []);
  }
  cases.sort(byDateDesc);
  const demoIds = new Set(inputs.filter((i) => i.demo === true).map((i) => i.id));
  const keys = (m: Map<string, { key: string; label: string }[]>) => (c: DigestCase) => m.get(c.id) ?? [];
  return {
    lang,
    total: cases.length,
    demo: cases.some((c) => demoIds.has(c.id)),
    groups: {
      cooperation: groupsOf(cases, keys(coopKeys), lang, labels.unspecified),
      region: groupsOf(cases, keys(regionKeys), lang, labels.unspecified),
      offence: groupsOf(cases, keys(offenceKeys), lang, labels.unspecified),
      instrument: groupsOf(cases, keys(instrumentKeys), lang),
    },
    cases,
  };
}
