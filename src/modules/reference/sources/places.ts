/**
 * Countries and UN M49 regions, computed from the installed packages: ISO 3166-1 codes from
 * i18n-iso-countries (alpha-2, alpha-3, numeric = M49), the M49 containment and all names from
 * Unicode CLDR (cldr-core, cldr-localenames-full; CLDR "zh" is Simplified Chinese).
 * No name is typed here: see definitions/m49.ts for the only supplement (830 Channel Islands).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { LANGS, type Lang, type LocalizedText } from '../../../platform/i18n/languages.js';
import { M49_INTERMEDIATE, M49_REGIONS, M49_SUBREGIONS, M49_SUPPLEMENT, NOT_ISO_3166, PREFERRED_ALTERNATIVE, WORLD } from '../definitions/m49.js';

const require = createRequire(import.meta.url);

export type RegionLevel = 'world' | 'region' | 'subregion' | 'intermediate';

export interface RegionRecord {
  code: string;
  level: RegionLevel;
  parent_code: string | null;
  names: LocalizedText;
}

export interface CountryRecord {
  iso3: string;
  iso2: string;
  m49: string;
  region_code: string | null;
  subregion_code: string | null;
  intermediate_region_code: string | null;
  names: LocalizedText;
}

export interface PlaceSources {
  /** territoryContainment.json: area → { _contains: [...] } */
  containment: Record<string, { _contains?: string[] }>;
  /** codeMappings.json: alpha-2 → { _alpha3, _numeric } */
  codeMappings: Record<string, { _alpha3?: string; _numeric?: string }>;
  /** Territory names by language (CLDR localeDisplayNames.territories). */
  territoryNames: Record<Lang, Record<string, string>>;
  /** i18n-iso-countries codes.json: [alpha-2, alpha-3, numeric, ...] */
  isoCodes: readonly (readonly string[])[];
}

function readJson(specifier: string): unknown {
  return JSON.parse(fs.readFileSync(require.resolve(specifier), 'utf8'));
}

/** The package files this module reads, for the source version. */
export const PLACE_PACKAGES = ['cldr-core', 'cldr-localenames-full', 'i18n-iso-countries'] as const;

export function packageVersion(name: string): string {
  return (readJson(`${name}/package.json`) as { version: string }).version;
}

export function readPlaceSources(): PlaceSources {
  const containment = (readJson('cldr-core/supplemental/territoryContainment.json') as { supplemental: { territoryContainment: PlaceSources['containment'] } })
    .supplemental.territoryContainment;
  const codeMappings = (readJson('cldr-core/supplemental/codeMappings.json') as { supplemental: { codeMappings: PlaceSources['codeMappings'] } }).supplemental
    .codeMappings;
  const territoryNames = Object.fromEntries(
    LANGS.map((lang) => {
      const doc = readJson(`cldr-localenames-full/main/${lang}/territories.json`) as {
        main: Record<string, { localeDisplayNames: { territories: Record<string, string> } }>;
      };
      return [lang, doc.main[lang]!.localeDisplayNames.territories];
    }),
  ) as Record<Lang, Record<string, string>>;
  const isoCodes = readJson('i18n-iso-countries/codes.json') as string[][];
  return { containment, codeMappings, territoryNames, isoCodes };
}

function levelOf(code: string): RegionLevel | undefined {
  if (code === WORLD) return 'world';
  if ((M49_REGIONS as readonly string[]).includes(code)) return 'region';
  if (code in M49_SUBREGIONS) return 'subregion';
  if (code in M49_INTERMEDIATE) return 'intermediate';
  return undefined;
}

function parentOf(code: string): string | null {
  const level = levelOf(code);
  if (level === 'region') return WORLD;
  if (level === 'subregion') return M49_SUBREGIONS[code] ?? null;
  if (level === 'intermediate') return M49_INTERMEDIATE[code] ?? null;
  return null;
}

/** CLDR names are written for use inside a sentence ("world", "région micronésienne"); Palermo shows them as labels. */
function asLabel(name: string, lang: Lang): string {
  return name.charAt(0).toLocaleUpperCase(lang) + name.slice(1);
}

function namesOf(src: PlaceSources, code: string, prefer?: 'short' | 'variant'): LocalizedText {
  const out = {} as LocalizedText;
  for (const lang of LANGS) {
    const names = src.territoryNames[lang];
    const name = (prefer && names[`${code}-alt-${prefer}`]) || names[code] || M49_SUPPLEMENT[code]?.names[lang];
    if (!name) throw new Error(`CLDR has no ${lang} name for ${code}`);
    out[lang] = asLabel(name, lang);
  }
  return out;
}

/** M49 areas (world, regions, sub-regions, intermediate regions) with CLDR names. */
export function buildRegions(src: PlaceSources): RegionRecord[] {
  const codes = [WORLD, ...M49_REGIONS, ...Object.keys(M49_SUBREGIONS), ...Object.keys(M49_INTERMEDIATE)];
  return codes.map((code) => ({ code, level: levelOf(code)!, parent_code: parentOf(code), names: namesOf(src, code) }));
}

/** Areas directly containing each territory, restricted to M49 areas (ignores EU, UN, QO, deprecated lists...). */
function directContainers(src: PlaceSources): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (member: string, area: string) => out.set(member, [...(out.get(member) ?? []), area]);
  for (const [area, v] of Object.entries(src.containment)) {
    if (!levelOf(area) || levelOf(area) === 'world') continue;
    for (const member of v._contains ?? []) if (/^[A-Z]{2}$/.test(member)) add(member, area);
  }
  for (const [area, s] of Object.entries(M49_SUPPLEMENT)) for (const member of s.members) add(member, area);
  return out;
}

const DEPTH: Record<RegionLevel, number> = { world: 0, region: 1, subregion: 2, intermediate: 3 };

/** Every ISO 3166-1 country or territory with its codes, M49 classification and CLDR names. */
export function buildCountries(src: PlaceSources): CountryRecord[] {
  const containers = directContainers(src);
  const out: CountryRecord[] = [];
  for (const [iso2, iso3, numeric] of src.isoCodes) {
    if (!iso2 || !iso3 || !numeric || NOT_ISO_3166.has(iso2)) continue;
    const mapping = src.codeMappings[iso2];
    if (mapping && (mapping._alpha3 !== iso3 || mapping._numeric !== numeric)) {
      throw new Error(`ISO codes of ${iso2} differ between i18n-iso-countries (${iso3} ${numeric}) and CLDR (${mapping._alpha3} ${mapping._numeric})`);
    }
    const areas = (containers.get(iso2) ?? []).sort((a, b) => DEPTH[levelOf(b)!] - DEPTH[levelOf(a)!]);
    const direct = areas[0];
    let intermediate: string | null = null;
    let subregion: string | null = null;
    let region: string | null = null;
    if (direct) {
      const level = levelOf(direct)!;
      if (level === 'intermediate') intermediate = direct;
      if (level === 'subregion') subregion = direct;
      if (level === 'region') region = direct;
      subregion ??= intermediate ? parentOf(intermediate) : null;
      region ??= subregion ? parentOf(subregion) : null;
    }
    out.push({
      iso3,
      iso2,
      m49: numeric.padStart(3, '0'),
      region_code: region,
      subregion_code: subregion,
      intermediate_region_code: intermediate,
      names: namesOf(src, iso2, PREFERRED_ALTERNATIVE[iso2]),
    });
  }
  return out.sort((a, b) => a.iso3.localeCompare(b.iso3));
}
