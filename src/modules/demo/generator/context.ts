/**
 * What the generator knows about the database it seeds: which States, instrument articles and
 * taxonomy terms exist (content only refers to existing ones, so the seed never fails validation),
 * and which instruments are loaded. Pure data, built by the service from the reference data.
 */
import type { Lang } from '../../../platform/i18n/languages.js';
import type { TreatyParty } from '../../knowledge/index.js';
import { DEMO_PROFILES } from './countries.js';
import type { Tags } from './spec.js';

export interface DemoCountry {
  iso3: string;
  /** Language the State's content is written in. */
  lang: Lang;
  weight: number;
  /** UN M49 region code ('' when unknown). */
  region: string;
  names: Partial<Record<string, string>>;
}

export interface DemoInstrument {
  id: string;
  adoptedOn: string;
  entryIntoForce: string;
}

export interface DemoContext {
  /** Demo States, interleaved by region so that any prefix of the list spans the regions. */
  countries: readonly DemoCountry[];
  articles: ReadonlySet<string>;
  /** "crime:corruption" */
  terms: ReadonlySet<string>;
  /** Reference instruments present in the database, by id. */
  instruments: ReadonlyMap<string, DemoInstrument>;
  /** Parties of those instruments that are not demo rows (never overwritten): instrument → country → party. */
  realParties: ReadonlyMap<string, ReadonlyMap<string, TreatyParty>>;
  /** Instruments whose status was imported from the depositary: their real parties replace demo ones entirely. */
  depositaryStatus?: ReadonlySet<string>;
}

export interface ReferenceCountry {
  iso3: string;
  region_code: string | null;
  names: Partial<Record<string, string>>;
}

/** The demo States present in the reference data, interleaved by region (deterministic). */
export function demoCountries(reference: readonly ReferenceCountry[]): DemoCountry[] {
  const known = new Map(reference.map((c) => [c.iso3, c]));
  const byRegion = new Map<string, DemoCountry[]>();
  for (const [iso3, lang, weight] of DEMO_PROFILES) {
    const ref = known.get(iso3);
    if (!ref) continue;
    const region = ref.region_code ?? '';
    const list = byRegion.get(region) ?? [];
    list.push({ iso3, lang, weight, region, names: ref.names });
    byRegion.set(region, list);
  }
  const regions = [...byRegion.keys()].sort();
  for (const r of regions) byRegion.get(r)!.sort((a, b) => a.iso3.localeCompare(b.iso3));
  // Round robin over regions, and within a region alternate languages so that a short prefix
  // also spans the six languages.
  for (const r of regions) byRegion.set(r, interleave(byRegion.get(r)!, (c) => c.lang));
  return interleave(
    regions.flatMap((r) => byRegion.get(r)!),
    (c) => c.region,
  );
}

/** Reorder items so that consecutive items belong to different groups where possible (stable). */
function interleave<T>(items: readonly T[], group: (item: T) => string): T[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const g = group(item);
    const list = groups.get(g) ?? [];
    list.push(item);
    groups.set(g, list);
  }
  const lists = [...groups.keys()].sort().map((g) => groups.get(g)!);
  const out: T[] = [];
  for (let i = 0; out.length < items.length; i++) for (const list of lists) if (i < list.length) out.push(list[i]!);
  return out;
}

export function nameOf(country: DemoCountry, lang: Lang): string {
  return country.names[lang] ?? country.names.en ?? country.iso3;
}

export interface EntryTags {
  articles?: string[];
  crime_types?: string[];
  cooperation_types?: string[];
  issues?: string[];
  measures?: string[];
}

/** The tags of an entry, merged from several sources and restricted to what the database knows. */
export function tagsOf(ctx: DemoContext, ...sources: Tags[]): EntryTags {
  const collect = (get: (t: Tags) => readonly string[] | undefined, ok: (code: string) => boolean) => {
    const set = new Set<string>();
    for (const t of sources) for (const code of get(t) ?? []) if (ok(code)) set.add(code);
    return [...set].sort();
  };
  const out: EntryTags = {};
  const articles = collect((t) => t.articles, (a) => ctx.articles.has(a));
  const crime = collect((t) => t.crime, (c) => ctx.terms.has(`crime:${c}`));
  const coop = collect((t) => t.coop, (c) => ctx.terms.has(`cooperation:${c}`));
  const issues = collect((t) => t.issues, (c) => ctx.terms.has(`issue:${c}`));
  const measures = collect((t) => t.measures, (c) => ctx.terms.has(`measure:${c}`));
  if (articles.length) out.articles = articles;
  if (crime.length) out.crime_types = crime;
  if (coop.length) out.cooperation_types = coop;
  if (issues.length) out.issues = issues;
  if (measures.length) out.measures = measures;
  return out;
}

/**
 * Split `total` items over the countries: one each in list order while items remain, then the
 * rest in proportion to the weights (largest remainder). Deterministic.
 */
export function allocate(countries: readonly DemoCountry[], total: number, offset = 0): Map<string, number> {
  const out = new Map<string, number>(countries.map((c) => [c.iso3, 0]));
  if (!countries.length || total <= 0) return out;
  const n = countries.length;
  const first = Math.min(total, n);
  for (let i = 0; i < first; i++) {
    const c = countries[(i + offset) % n]!;
    out.set(c.iso3, 1);
  }
  const rest = total - first;
  if (rest > 0) {
    const weightSum = countries.reduce((s, c) => s + c.weight, 0);
    const shares = countries.map((c) => ({ iso3: c.iso3, exact: (rest * c.weight) / weightSum }));
    let given = 0;
    for (const s of shares) {
      const k = Math.floor(s.exact);
      out.set(s.iso3, out.get(s.iso3)! + k);
      given += k;
    }
    const byRemainder = [...shares].sort((a, b) => b.exact - Math.floor(b.exact) - (a.exact - Math.floor(a.exact)) || a.iso3.localeCompare(b.iso3));
    for (let i = 0; i < rest - given; i++) {
      const s = byRemainder[i % byRemainder.length]!;
      out.set(s.iso3, out.get(s.iso3)! + 1);
    }
  }
  return out;
}
