/**
 * What the UN name lists need beside the CSV files of ../shared/data/un-countries
 * (scripts/build-un-places.ts reads both and writes resources/un-places/un-places.json).
 */
import type { LocalizedText } from '../../../platform/i18n/languages.js';

/**
 * Kinds of places. States (the first four) are what a request can be addressed to or an
 * instrument can have as a party; areas are never presented as States.
 * - member_state: Member State of the United Nations (UNTERM row without note)
 * - observer_state: non-member State with a standing invitation as observer (UNTERM note "*": Holy See, State of Palestine)
 * - non_member_state: other State with full treaty-making capacity that is not a Member (UNTERM note "**": Cook Islands, Niue)
 * - organization: a regional economic integration organization party to an instrument (e.g. the European Union)
 * - area_own_regime: an area with its own mutual legal assistance regime under the State's declarations (Hong Kong SAR, Macao SAR)
 * - area: any other country or area of M49 (Antarctica, Bouvet Island, territories...)
 */
export const PLACE_KINDS = ['member_state', 'observer_state', 'non_member_state', 'organization', 'area_own_regime', 'area'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

export const STATE_KINDS: ReadonlySet<PlaceKind> = new Set(['member_state', 'observer_state', 'non_member_state', 'organization']);

/** UNTERM notes (asterisks after a name) and the kind they mark. */
export const UNTERM_NOTES: Record<string, PlaceKind> = { '*': 'observer_state', '**': 'non_member_state' };

/** Areas with their own regime for international cooperation (special administrative regions). */
export const OWN_REGIME_AREAS = ['HKG', 'MAC'] as const;

/**
 * Member States whose UNTERM row is empty in the country-codes snapshot (renamed after it was made):
 * short and formal names as in UNTERM (https://unterm.un.org), in the six languages.
 */
export const UNTERM_SUPPLEMENT: Record<string, { short: LocalizedText; formal: LocalizedText }> = {
  CIV: {
    short: { ar: 'كوت ديفوار', zh: '科特迪瓦', en: "Côte d'Ivoire", fr: "Côte d'Ivoire", es: "Côte d'Ivoire", ru: "Кот-д'Ивуар" },
    formal: {
      ar: 'جمهورية كوت ديفوار',
      zh: '科特迪瓦共和国',
      en: "Republic of Côte d'Ivoire",
      fr: "République de Côte d'Ivoire",
      es: "República de Côte d'Ivoire",
      ru: "Республика Кот-д'Ивуар",
    },
  },
  TUR: {
    short: { ar: 'تركيا', zh: '土耳其', en: 'Türkiye', fr: 'Türkiye', es: 'Türkiye', ru: 'Турция' },
    formal: { ar: 'جمهورية تركيا', zh: '土耳其共和国', en: 'Republic of Türkiye', fr: 'République de Türkiye', es: 'República de Türkiye', ru: 'Турецкая Республика' },
  },
};

/**
 * UNTERM short names end with the article used in a sentence, in parentheses: "Russian Federation (the)",
 * "Fédération de Russie (la)". Palermo shows names as labels, without it (as UN lists do).
 */
export const TRAILING_ARTICLE = /\s*\((?:the|le|la|les|l'|l’|el|los|las)\)$/u;

/** Formal names start with the article: "the Russian Federation", "l'État plurinational de Bolivie". */
export const LEADING_ARTICLE = /^(?:the |le |la |les |l'|l’|el |los |las )/u;
