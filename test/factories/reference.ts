/**
 * Minimal reference rows for tests that run before (or without) the full reference load.
 * Inserts only what is missing, so it coexists with the real reference data.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { invalidateReferenceCache } from '../../src/modules/reference/service.js';
import { buildCountries, buildRegions, readPlaceSources } from '../../src/modules/reference/sources/places.js';
import type { DB } from '../../src/platform/db/schema.js';
import { json } from '../../src/platform/db/types.js';
import { getEntry, saveRecords } from '../../src/modules/knowledge/service.js';
import type { TreatyDocument } from '../../src/modules/knowledge/domain/schemas.js';


/** The UN names and kinds of places and regions, from the generated file the reference loader reads. */
const PLACES = readPlaceSources();
const PLACE_BY_ISO3 = new Map(buildCountries(PLACES).map((c) => [c.iso3, c]));
const REGION_NAMES = new Map(buildRegions(PLACES).map((r) => [r.code, r.names]));

const REGIONS = [
  ['001', 'world', null],
  ['002', 'region', '001'],
  ['019', 'region', '001'],
  ['142', 'region', '001'],
  ['150', 'region', '001'],
  ['009', 'region', '001'],
] as const;

/** A dozen and a half States across the five UN M49 regions and the six UN languages. */
const COUNTRIES = [
  ['FRA', 'FR', '250', '150'],
  ['ITA', 'IT', '380', '150'],
  ['ESP', 'ES', '724', '150'],
  ['COL', 'CO', '170', '019'],
  ['RUS', 'RU', '643', '150'],
  ['DEU', 'DE', '276', '150'],
  ['CHN', 'CN', '156', '142'],
  ['SAU', 'SA', '682', '142'],
  ['IND', 'IN', '356', '142'],
  ['KAZ', 'KZ', '398', '142'],
  ['EGY', 'EG', '818', '002'],
  ['MAR', 'MA', '504', '002'],
  ['SEN', 'SN', '686', '002'],
  ['NGA', 'NG', '566', '002'],
  ['MEX', 'MX', '484', '019'],
  ['USA', 'US', '840', '019'],
  ['AUS', 'AU', '036', '009'],
  ['FJI', 'FJ', '242', '009'],
  ['ZAF', 'ZA', '710', '002'],
] as const;

export async function ensureTestReference(db: Kysely<DB>): Promise<void> {
  for (const [code, level, parent] of REGIONS) {
    await db
      .insertInto('regions')
      .values({ code, level, parent_code: parent, names: json(REGION_NAMES.get(code)!) })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  for (const [iso3, iso2, m49, region] of COUNTRIES) {
    const place = PLACE_BY_ISO3.get(iso3)!;
    await db
      .insertInto('countries')
      .values({ iso3, iso2, m49, region_code: region, kind: place.kind, names: json(place.names), formal_names: place.formal_names ? json(place.formal_names) : null })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  for (const [taxonomy, code] of [
    ['crime', 'drug-offences'],
    ['cooperation', 'mla'],
    ['cooperation', 'extradition'],
    ['crime', 'trafficking-in-persons'],
    ['crime', 'money-laundering'],
    ['issue', 'victim-assistance'],
    ['measure', 'search-seizure-freezing'],
  ] as const) {
    await ensureTerm(db, taxonomy, code);
  }
}

async function ensureTerm(db: Kysely<DB>, taxonomy: 'crime' | 'cooperation' | 'issue' | 'measure', code: string): Promise<void> {
  await db
    .insertInto('taxonomy_terms')
    .values({ taxonomy, code, position: 0, labels: json({ en: code, fr: code, es: code, ru: code, ar: code, zh: code }) })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** The codes of the four taxonomies (as the reference loader defines them). */
export const TAXONOMY_CODES = {
  crime: ['corruption', 'counterfeiting', 'cybercrime', 'drug-offences', 'money-laundering', 'obstruction-of-justice', 'organized-criminal-group', 'piracy-maritime-crime', 'smuggling-of-migrants', 'firearms-trafficking', 'cultural-property-trafficking', 'wildlife-forest-fisheries-crime', 'trafficking-in-persons', 'falsified-medical-products', 'terrorism'],
  cooperation: ['extradition', 'mla', 'confiscation', 'transfer-sentenced-persons', 'transfer-proceedings', 'joint-investigations', 'law-enforcement-cooperation', 'special-investigative-techniques'],
  issue: ['electronic-evidence', 'liability-of-legal-persons', 'witness-protection', 'victim-assistance', 'jurisdiction', 'dual-criminality', 'confidentiality', 'human-rights-safeguards', 'gender', 'children', 'statute-of-limitations', 'video-conference'],
  measure: ['taking-evidence', 'service-of-documents', 'search-seizure-freezing', 'examining-objects-sites', 'information-expert-evaluations', 'documents-records', 'tracing-proceeds', 'voluntary-appearance', 'other-assistance', 'video-hearing', 'data-preservation', 'traffic-data-disclosure', 'subscriber-information', 'stored-data-access', 'real-time-traffic-data', 'interception-content-data', 'emergency-disclosure'],
} as const;

/** The eight reference instruments: id, source file key, kind, parent, adoption and entry into force. */
const INSTRUMENTS = [
  ['untoc', 'UNTOC_BWBV0001668', 'universal', undefined, '2000-11-15', '2003-09-29'],
  ['untoc-tip', 'TIP_Protocol_BWBV0001749', 'universal', 'untoc', '2000-11-15', '2003-12-25'],
  ['untoc-som', 'SOM_Protocol_BWBV0001750', 'universal', 'untoc', '2000-11-15', '2004-01-28'],
  ['untoc-firearms', 'Firearms_Protocol_BWBV0001710', 'universal', 'untoc', '2001-05-31', '2005-07-03'],
  ['uncac', 'UNCAC_BWBV0001830', 'universal', undefined, '2003-10-31', '2005-12-14'],
  ['coe-cybercrime', 'Budapest_Cybercrime_BWBV0001839', 'regional', undefined, '2001-11-23', '2004-07-01'],
  ['coe-extradition', 'CoE_Extradition1957_BWBV0001010', 'regional', undefined, '1957-12-13', '1960-04-18'],
  ['coe-mla', 'CoE_MLA1959_BWBV0001009', 'regional', undefined, '1959-04-20', '1962-06-12'],
] as const;

/**
 * Everything the demo corpus can refer to: the reference rows above, every taxonomy term and the
 * eight instruments with their article numbers and English titles (from resources/instruments).
 * Instruments already present (loaded by the real reference loader) are left untouched.
 */
export async function ensureFullTestReference(db: Kysely<DB>): Promise<void> {
  await ensureTestReference(db);
  for (const [taxonomy, codes] of Object.entries(TAXONOMY_CODES)) {
    for (const code of codes) await ensureTerm(db, taxonomy as keyof typeof TAXONOMY_CODES, code);
  }
  const index = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../resources/instruments/article_index.json'), 'utf8')) as Record<
    string,
    { title_en: string; articles_en: { article: string; title_en: string | null }[] }
  >;
  const missing: TreatyDocument[] = [];
  for (const [id, key, kind, parent, adopted, inForce] of INSTRUMENTS) {
    if (await getEntry(db, id, { publishedOnly: false })) continue;
    const source = index[key]!;
    missing.push({
      type: 'treaty',
      id,
      kind,
      ...(parent ? { parent_id: parent } : {}),
      adopted_on: adopted,
      entry_into_force_on: inForce,
      texts: { en: { title: source.title_en } },
      provisions: source.articles_en.map((a) => ({ number: a.article, ...(a.title_en ? { titles: { en: a.title_en } } : {}) })),
    });
  }
  if (missing.length) await saveRecords(db, missing, { origin: 'reference' });
}

// ---- Places and labelled terms for the portal tests (insert-if-missing; fills regions of rows that have none). ----

const REF_LANGS = ['ar', 'zh', 'en', 'fr', 'es', 'ru'] as const;

/** [code, level, parent] of UN M49 areas. */
const TEST_REGIONS = [
  ['001', 'world', null],
  ['002', 'region', '001'],
  ['019', 'region', '001'],
  ['142', 'region', '001'],
  ['150', 'region', '001'],
  ['015', 'subregion', '002'],
  ['419', 'subregion', '019'],
  ['030', 'subregion', '142'],
  ['151', 'subregion', '150'],
  ['155', 'subregion', '150'],
  ['039', 'subregion', '150'],
  ['005', 'intermediate', '419'],
] as const;

/** [iso3, iso2, m49, region, subregion, intermediate]. */
const TEST_PLACES = [
  ['FRA', 'FR', '250', '150', '155', null],
  ['DEU', 'DE', '276', '150', '155', null],
  ['ITA', 'IT', '380', '150', '039', null],
  ['ESP', 'ES', '724', '150', '039', null],
  ['RUS', 'RU', '643', '150', '151', null],
  ['COL', 'CO', '170', '019', '419', '005'],
  ['EGY', 'EG', '818', '002', '015', null],
  ['CHN', 'CN', '156', '142', '030', null],
] as const;

/** [taxonomy, code, labels in ar, zh, en, fr, es, ru]. */
const TEST_TERMS = [
  ['cooperation', 'mla', ['المساعدة القانونية المتبادلة', '司法协助', 'Mutual legal assistance', 'Entraide judiciaire', 'Asistencia judicial recíproca', 'Взаимная правовая помощь']],
  ['cooperation', 'extradition', ['تسليم المطلوبين', '引渡', 'Extradition', 'Extradition', 'Extradición', 'Выдача']],
  ['crime', 'drug-offences', ['جرائم المخدرات', '毒品犯罪', 'Drug offences', 'Infractions liées aux drogues', 'Delitos relacionados con drogas', 'Преступления, связанные с наркотиками']],
  ['crime', 'trafficking-in-persons', ['الاتجار بالأشخاص', '贩运人口', 'Trafficking in persons', 'Traite des personnes', 'Trata de personas', 'Торговля людьми']],
  ['issue', 'electronic-evidence', ['الأدلة الإلكترونية', '电子证据', 'Electronic evidence', 'Preuves électroniques', 'Pruebas electrónicas', 'Электронные доказательства']],
] as const;

export async function ensureTestPlaces(db: Kysely<DB>): Promise<void> {
  await ensureTestReference(db);
  for (const [code, level, parent] of TEST_REGIONS) {
    await db
      .insertInto('regions')
      .values({ code, level, parent_code: parent, names: json(REGION_NAMES.get(code)!) })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  for (const [iso3, iso2, m49, region, subregion, intermediate] of TEST_PLACES) {
    const place = PLACE_BY_ISO3.get(iso3)!;
    const row = { region_code: region, subregion_code: subregion, intermediate_region_code: intermediate, kind: place.kind, names: json(place.names) };
    await db
      .insertInto('countries')
      .values({ iso3, iso2, m49, ...row })
      .onConflict((oc) => oc.column('iso3').doUpdateSet(row).where('countries.region_code', 'is', null))
      .execute();
  }
  for (const [taxonomy, code, labels] of TEST_TERMS) {
    const row = { labels: json(Object.fromEntries(REF_LANGS.map((l, i) => [l, labels[i]]))) };
    await db
      .insertInto('taxonomy_terms')
      .values({ taxonomy, code, position: 0, ...row })
      // Replace only the placeholder labels ensureTestReference writes (the code itself as label).
      .onConflict((oc) => oc.columns(['taxonomy', 'code']).doUpdateSet(row).where(sql<boolean>`taxonomy_terms.labels->>'en' = taxonomy_terms.code`))
      .execute();
  }
  invalidateReferenceCache(db);
}

/** Ids of the entries the reference loader put in (the real instruments), to tell them from a test's fixtures. */
export async function referenceEntryIds(db: Kysely<DB>): Promise<Set<string>> {
  const rows = await db.selectFrom('entries').select('id').where('origin', '=', 'reference').execute();
  return new Set(rows.map((r) => r.id));
}
