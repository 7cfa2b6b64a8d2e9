/**
 * The States that get demo content, with the language their content is written in and a weight
 * (how much content relative to others). Names and regions come from the reference data in the
 * database; a State listed here but absent from the database is skipped.
 */
import type { Lang } from '../../../platform/i18n/languages.js';

type Profile = readonly [iso3: string, lang: Lang, weight: 1 | 2 | 3];

const AR = ['DZA', 'EGY', 'MAR', 'TUN', 'LBY', 'SDN', 'MRT', 'JOR', 'LBN', 'IRQ', 'SAU', 'ARE', 'QAT', 'KWT', 'BHR', 'OMN', 'YEM', 'SYR'];
const RU = ['RUS', 'BLR', 'KAZ', 'KGZ', 'TJK', 'UZB', 'TKM'];
const ES = ['ESP', 'MEX', 'GTM', 'HND', 'SLV', 'NIC', 'CRI', 'PAN', 'CUB', 'DOM', 'COL', 'VEN', 'ECU', 'PER', 'BOL', 'CHL', 'ARG', 'URY', 'PRY'];
const FR = ['FRA', 'BEL', 'LUX', 'MCO', 'CHE', 'SEN', 'CIV', 'MLI', 'BFA', 'NER', 'TCD', 'CMR', 'GAB', 'COG', 'COD', 'BEN', 'TGO', 'GIN', 'MDG', 'HTI'];
const EN = [
  'GBR', 'IRL', 'USA', 'CAN', 'JAM', 'TTO', 'BHS', 'BRB', 'GUY', 'BLZ', 'BRA',
  'NGA', 'GHA', 'KEN', 'UGA', 'TZA', 'ZAF', 'ZMB', 'ZWE', 'BWA', 'NAM', 'MWI', 'MUS', 'SLE', 'LBR', 'ETH', 'RWA',
  'IND', 'PAK', 'BGD', 'LKA', 'NPL', 'PHL', 'MYS', 'SGP', 'THA', 'IDN', 'VNM', 'JPN', 'KOR', 'MNG', 'TUR', 'IRN', 'ISR', 'GEO', 'ARM', 'AZE',
  'AUS', 'NZL', 'FJI', 'PNG', 'WSM', 'TON', 'SLB', 'VUT', 'KIR',
  'DEU', 'ITA', 'NLD', 'AUT', 'PRT', 'GRC', 'POL', 'CZE', 'SVK', 'HUN', 'ROU', 'BGR', 'HRV', 'SRB', 'MNE', 'UKR', 'SWE', 'NOR', 'FIN', 'DNK', 'EST', 'LVA', 'LTU', 'MLT', 'CYP',
];

/** States with more content (large legal systems, many cases). */
const HEAVY = new Set(['USA', 'CHN', 'RUS', 'IND', 'BRA', 'FRA', 'GBR', 'DEU', 'ESP', 'ITA', 'MEX', 'COL', 'NGA', 'ZAF', 'EGY', 'ARG', 'CAN', 'AUS', 'JPN', 'MAR', 'SAU', 'TUR', 'KAZ', 'PHL', 'IDN']);
const LIGHT = new Set(['MCO', 'LUX', 'BHS', 'BRB', 'BLZ', 'GUY', 'TON', 'WSM', 'SLB', 'VUT', 'KIR', 'MLT', 'MUS', 'TKM', 'MRT', 'GAB', 'COG', 'TGO', 'BEN', 'GIN', 'LBR', 'SLE', 'MNE', 'BHR', 'QAT', 'KWT', 'OMN', 'YEM', 'SYR', 'LBY', 'TCD', 'NER', 'HTI']);

const profile = (lang: Lang) => (iso3: string): Profile => [iso3, lang, HEAVY.has(iso3) ? 3 : LIGHT.has(iso3) ? 1 : 2];

export const DEMO_PROFILES: readonly Profile[] = [
  ...AR.map(profile('ar')),
  ['CHN', 'zh', 3],
  ...RU.map(profile('ru')),
  ...ES.map(profile('es')),
  ...FR.map(profile('fr')),
  ...EN.map(profile('en')),
];

/** Members of the Council of Europe (parties to its conventions by ratification). */
export const COE_MEMBERS = new Set([
  'ALB', 'AND', 'ARM', 'AUT', 'AZE', 'BEL', 'BIH', 'BGR', 'HRV', 'CYP', 'CZE', 'DNK', 'EST', 'FIN', 'FRA', 'GEO', 'DEU', 'GRC', 'HUN', 'ISL', 'IRL', 'ITA',
  'LVA', 'LIE', 'LTU', 'LUX', 'MLT', 'MDA', 'MCO', 'MNE', 'NLD', 'MKD', 'NOR', 'POL', 'PRT', 'ROU', 'SMR', 'SRB', 'SVK', 'SVN', 'ESP', 'SWE', 'CHE', 'TUR', 'UKR', 'GBR',
]);

/** States that came into being after some instruments were adopted, and may succeed to them. */
export const INDEPENDENCE: Readonly<Record<string, string>> = { CZE: '1993-01-01', SVK: '1993-01-01', MNE: '2006-06-03' };
