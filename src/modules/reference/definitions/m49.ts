/**
 * The UN M49 geographic hierarchy as Palermo uses it. Membership and names come from CLDR
 * (sources/places.ts); this file only says which CLDR areas are M49 regions, sub-regions and
 * intermediate regions, and supplies the one area CLDR does not have (830 Channel Islands).
 */
import type { LocalizedText } from '../../../platform/i18n/languages.js';

export const WORLD = '001';

/** M49 regions (level 1). */
export const M49_REGIONS = ['002', '019', '142', '150', '009'] as const;

/** M49 sub-regions (level 2) with their region. */
export const M49_SUBREGIONS: Record<string, string> = {
  '015': '002', // Northern Africa
  '202': '002', // Sub-Saharan Africa
  '419': '019', // Latin America and the Caribbean
  '021': '019', // Northern America
  '143': '142', // Central Asia
  '030': '142', // Eastern Asia
  '035': '142', // South-eastern Asia
  '034': '142', // Southern Asia
  '145': '142', // Western Asia
  '151': '150', // Eastern Europe
  '154': '150', // Northern Europe
  '039': '150', // Southern Europe
  '155': '150', // Western Europe
  '053': '009', // Australia and New Zealand
  '054': '009', // Melanesia
  '057': '009', // Micronesia
  '061': '009', // Polynesia
};

/** M49 intermediate regions (level 3) with their sub-region. */
export const M49_INTERMEDIATE: Record<string, string> = {
  '011': '202', // Western Africa
  '014': '202', // Eastern Africa
  '017': '202', // Middle Africa
  '018': '202', // Southern Africa
  '029': '419', // Caribbean
  '013': '419', // Central America
  '005': '419', // South America
  '830': '154', // Channel Islands
};

/**
 * Areas of M49 that CLDR lacks. CLDR 48 has no territory 830 (Channel Islands): it puts Guernsey
 * and Jersey straight into Northern Europe (154). Names: the UN Statistics Division's M49 tables
 * in the six official languages (https://unstats.un.org/unsd/methodology/m49/).
 */
export const M49_SUPPLEMENT: Record<string, { names: LocalizedText; members: string[] }> = {
  '830': {
    names: {
      ar: 'جزر القنال',
      zh: '海峡群岛',
      en: 'Channel Islands',
      fr: 'Îles Anglo-Normandes',
      es: 'Islas del Canal',
      ru: 'Нормандские острова',
    },
    members: ['GG', 'JE'],
  },
};

/** ISO 3166-1 codes in the source lists that are not ISO 3166-1 assignments (user-assigned). */
export const NOT_ISO_3166 = new Set(['XK']);

/**
 * CLDR has, for a few territories, an alternative name closer to the short names used at the
 * United Nations than its default (e.g. "Congo - Kinshasa"). For these codes the alternative is
 * taken in every language where CLDR has it; elsewhere the CLDR default name is used.
 */
export const PREFERRED_ALTERNATIVE: Record<string, 'short' | 'variant'> = {
  CD: 'variant', // Congo (DRC) rather than Congo - Kinshasa
  CG: 'variant', // Congo (Republic) rather than Congo - Brazzaville
  MM: 'short', // Myanmar rather than Myanmar (Burma)
  PS: 'short', // Palestine rather than Palestinian Territories
};
