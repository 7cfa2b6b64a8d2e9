/**
 * Reference data as the rest of Palermo reads it. Countries, regions and taxonomy terms change only
 * when the reference loader runs or a curator publishes a term's labels, so they are cached per
 * database handle and checked against the "reference" generation in the database.
 */
import type { Kysely } from 'kysely';
import { GenerationCache } from '../../platform/db/generations.js';
import type { DB } from '../../platform/db/schema.js';
import { pickLocalized, type Lang, type LocalizedText } from '../../platform/i18n/languages.js';
import type { Taxonomy } from './tables.js';
import { STATE_KINDS, type PlaceKind } from './definitions/un-names.js';
import { buildCountries, readPlaceSources } from './sources/places.js';

export type { Taxonomy, PlaceKind };
import { countByType, participationOf, type ReferenceCodes } from '../knowledge/index.js';
import { selectCountries, selectRegions, selectReferenceSignature, selectTerms } from './repository.js';
import { updateTermTexts } from './repository-write.js';
import { defineTopic, publishChanges } from '../../platform/events.js';
import { inTransaction } from '../../platform/db/batch.js';

/** The labels of taxonomy terms changed (published by the editorial workflow). */
export const TERM_LABELS_CHANGED = defineTopic<{ terms: { taxonomy: Taxonomy; code: string }[] }>('reference.term-labels');

export interface Country {
  iso3: string;
  iso2: string;
  m49: string;
  region_code: string | null;
  subregion_code: string | null;
  intermediate_region_code: string | null;
  /** State or area (definitions/un-names.ts): only States are offered where a State is required. */
  kind: PlaceKind;
  /** Short names: UNTERM for States, UNSD M49 for areas. */
  names: LocalizedText;
  /** UNTERM formal names of States (without the leading article); null for areas. */
  formal_names: LocalizedText | null;
}

export interface Region {
  code: string;
  level: 'world' | 'region' | 'subregion' | 'intermediate';
  parent_code: string | null;
  names: LocalizedText;
}

export interface Term {
  taxonomy: Taxonomy;
  code: string;
  position: number;
  labels: LocalizedText;
  descriptions: Partial<LocalizedText> | null;
  reference: string | null;
}

/**
 * Countries, regions and taxonomy terms, held per database handle and loaded again when the
 * "reference" generation moves (triggers of the three tables, migration 0052): a label edited on one
 * app node is shown by every node from its next request.
 */
const countries = new GenerationCache('reference', (db) => selectCountries(db));
const regions = new GenerationCache('reference', (db) => selectRegions(db));
const terms = new GenerationCache('reference', (db) => selectTerms(db) as Promise<Term[]>);

/**
 * Forget this process's copies at once. Not needed for correctness (the generation tells every
 * node, this one included, from its next request), only where a request must see its own change.
 */
export function invalidateReferenceCache(_db?: Kysely<DB>): void {
  countries.clear();
  regions.clear();
  terms.clear();
}

/** Change the labels and scope notes of a taxonomy term (the editorial workflow publishes them). */
export async function saveTermTexts(db: Kysely<DB>, taxonomy: Taxonomy, code: string, labels: Record<string, string>, descriptions: Record<string, string> | null): Promise<void> {
  await inTransaction(db, async (trx) => {
    await updateTermTexts(trx, taxonomy, code, labels, descriptions);
    // Labels are copied into derived data (search documents of the entries tagged with the term), in the same transaction.
    await publishChanges(trx, TERM_LABELS_CHANGED, { terms: [{ taxonomy, code }] });
  });
}

export async function listCountries(db: Kysely<DB>): Promise<Country[]> {
  return countries.get(db);
}

/** The places as shipped (the generated UN names file), without a database: for generators and their unit tests. */
export function shippedCountries(): Country[] {
  return buildCountries(readPlaceSources());
}

/** Whether a place of this kind is a State (Member, observer or other non-member State, or an organization party to instruments). */
export function isStateKind(kind: PlaceKind): boolean {
  return STATE_KINDS.has(kind);
}

/** Whether a country code is a State: what a request can be addressed to, what a State picker offers. */
export function isState(country: Pick<Country, 'kind'>): boolean {
  return isStateKind(country.kind);
}

/** The States only (no area), for pickers where a State is required. */
export async function listStates(db: Kysely<DB>): Promise<Country[]> {
  return (await listCountries(db)).filter(isState);
}

/**
 * Whether a request can be addressed to the place: a State, or an area with its own regime of
 * international cooperation (Hong Kong SAR, Macao SAR). Pickers of a requested or partner State
 * offer these only; other areas (Antarctica, Bouvet Island...) never.
 */
export function isRequestable(country: Pick<Country, 'kind'>): boolean {
  return isStateKind(country.kind) || country.kind === 'area_own_regime';
}

/** The kind of a place by ISO 3166-1 alpha-3 code, or undefined when unknown. */
export function countryKind(countries: readonly Country[], iso3: string): PlaceKind | undefined {
  return countries.find((c) => c.iso3 === iso3.toUpperCase())?.kind;
}

export async function getCountry(db: Kysely<DB>, iso3: string): Promise<Country | undefined> {
  const code = iso3.toUpperCase();
  return (await listCountries(db)).find((c) => c.iso3 === code);
}

export async function listRegions(db: Kysely<DB>): Promise<Region[]> {
  return regions.get(db);
}

export async function listTerms(db: Kysely<DB>, taxonomy?: Taxonomy): Promise<Term[]> {
  const all = await terms.get(db);
  return taxonomy ? all.filter((t) => t.taxonomy === taxonomy) : all;
}

/**
 * Fingerprint of the reference data that other modules copy into derived data (term labels, country
 * names and regions): when it changes, they rebuild (search documents, at start-up).
 */
export function referenceSignature(db: Kysely<DB>): Promise<string> {
  return selectReferenceSignature(db);
}

/** One taxonomy term read now from the database (not from the cache), or undefined. */
export async function readTerm(db: Kysely<DB>, taxonomy: Taxonomy, code: string): Promise<Term | undefined> {
  return ((await selectTerms(db, taxonomy)) as Term[]).find((t) => t.code === code);
}

/**
 * Countries in an M49 area at any level (region, sub-region or intermediate region); the world
 * (001) has them all. Undefined when no such area exists.
 */
export async function listCountriesInRegion(db: Kysely<DB>, code: string): Promise<Country[] | undefined> {
  const [all, regions] = await Promise.all([listCountries(db), listRegions(db)]);
  if (!regions.some((r) => r.code === code)) return undefined;
  if (code === '001') return all;
  return all.filter((c) => c.region_code === code || c.subregion_code === code || c.intermediate_region_code === code);
}

/** Regions with the number of countries and territories in each (the world has them all). */
export async function listRegionsWithCounts(db: Kysely<DB>): Promise<(Region & { country_count: number })[]> {
  const [regions, countries] = await Promise.all([listRegions(db), listCountries(db)]);
  const counts = new Map<string, number>();
  for (const c of countries) {
    for (const code of [c.region_code, c.subregion_code, c.intermediate_region_code]) if (code) counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  return regions.map((r) => ({ ...r, country_count: r.level === 'world' ? countries.length : (counts.get(r.code) ?? 0) }));
}

export async function getRegion(db: Kysely<DB>, code: string): Promise<Region | undefined> {
  return (await listRegions(db)).find((r) => r.code === code);
}

export interface TreatyParticipation {
  treaty_id: string;
  short_name: string | null;
  kind: 'universal' | 'regional' | 'bilateral';
  /** Published titles of the treaty by language. */
  titles: Record<string, string>;
  signed_on: string | null;
  consent_kind: string | null;
  consent_on: string | null;
  entry_into_force_on: string | null;
  demo: boolean;
}

export interface CountryProfile {
  country: Country;
  /** The M49 areas the country belongs to, from region down to intermediate region. */
  regions: Region[];
  /** Published entries of the country by type (legislation, case, treaty, strategy). */
  entry_counts: Record<'legislation' | 'case' | 'treaty' | 'strategy', number>;
  treaties: TreatyParticipation[];
}

/** A country with its regions, the number of its published entries by type and its treaty participation. */
export async function getCountryProfile(db: Kysely<DB>, iso3: string): Promise<CountryProfile | undefined> {
  const country = await getCountry(db, iso3);
  if (!country) return undefined;
  const [regions, counts, participation] = await Promise.all([listRegions(db), countByType(db, country.iso3), participationOf(db, country.iso3)]);
  const codes = [country.region_code, country.subregion_code, country.intermediate_region_code];
  const entry_counts = { legislation: 0, case: 0, treaty: 0, strategy: 0 };
  for (const [type, n] of counts) if (type in entry_counts) entry_counts[type as keyof typeof entry_counts] = n;
  return {
    country,
    regions: codes.flatMap((code) => regions.filter((r) => r.code === code)),
    entry_counts,
    treaties: participation.map((p) => ({
      treaty_id: p.id,
      short_name: p.short_name,
      kind: p.kind,
      titles: p.titles,
      signed_on: p.signed_on,
      consent_kind: p.consent_kind,
      consent_on: p.consent_on,
      entry_into_force_on: p.entry_into_force_on,
      demo: p.party_demo,
    })),
  };
}

/** The country codes and term keys ("taxonomy:code") knowledge records may refer to (knowledge's provideReferenceCodes). */
export async function referenceCodes(db: Kysely<DB>): Promise<ReferenceCodes> {
  const [countries, terms] = await Promise.all([listCountries(db), listTerms(db)]);
  return {
    countries: new Set(countries.map((c) => c.iso3)),
    states: new Set(countries.filter(isState).map((c) => c.iso3)),
    partners: new Set(countries.filter(isRequestable).map((c) => c.iso3)),
    terms: new Set(terms.map((t) => `${t.taxonomy}:${t.code}`)),
  };
}

/** Name of a country in a language (falls back to English, then the code). */
export function countryName(countries: readonly Country[], iso3: string, lang: Lang): string {
  const c = countries.find((x) => x.iso3 === iso3);
  return c ? (pickLocalized(c.names, lang)?.text ?? iso3) : iso3;
}

/** Formal name of a State in a language (UNTERM); undefined for areas and where it equals the short name. */
export function countryFormalName(country: Country, lang: Lang): string | undefined {
  const formal = country.formal_names ? pickLocalized(country.formal_names, lang)?.text : undefined;
  const short = pickLocalized(country.names, lang)?.text;
  return formal && formal !== short ? formal : undefined;
}

/** Label of a taxonomy term in a language (falls back to English, then the code). */
export function termLabel(terms: readonly Term[], taxonomy: string, code: string, lang: Lang): string {
  const t = terms.find((x) => x.taxonomy === taxonomy && x.code === code);
  return t ? (pickLocalized(t.labels, lang)?.text ?? code) : code;
}
