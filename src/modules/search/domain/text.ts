/**
 * Text preparation shared by documents and queries, so both sides are analysed alike:
 * Unicode normalisation, control characters, Arabic orthography, CJK segmentation, and the
 * text search configuration of each language. Pure functions.
 */

/** Text search configurations (migrations/0001_foundation.sql) of the six UN languages. */
export const UN_CONFIGS = {
  ar: 'palermo_ar',
  en: 'palermo_en',
  fr: 'palermo_fr',
  es: 'palermo_es',
  ru: 'palermo_ru',
  zh: 'palermo_simple',
} as const;

export const SIMPLE_CONFIG = 'palermo_simple';

/**
 * Built-in Snowball configurations present in both PostgreSQL 15 and PGlite, by primary language
 * subtag (estonian is missing from PostgreSQL 15, so it is not listed).
 */
const SNOWBALL: Record<string, string> = {
  hy: 'armenian',
  eu: 'basque',
  ca: 'catalan',
  da: 'danish',
  nl: 'dutch',
  fi: 'finnish',
  de: 'german',
  el: 'greek',
  hi: 'hindi',
  hu: 'hungarian',
  id: 'indonesian',
  ga: 'irish',
  it: 'italian',
  lt: 'lithuanian',
  ne: 'nepali',
  no: 'norwegian',
  nb: 'norwegian',
  nn: 'norwegian',
  pt: 'portuguese',
  ro: 'romanian',
  sr: 'serbian',
  sv: 'swedish',
  ta: 'tamil',
  tr: 'turkish',
  yi: 'yiddish',
};

/** The text search configuration for a BCP 47 language tag (palermo_simple when no stemmer exists). */
export function configFor(lang: string): string {
  const primary = lang.toLowerCase().split('-')[0] ?? '';
  if (primary in UN_CONFIGS) return UN_CONFIGS[primary as keyof typeof UN_CONFIGS];
  return SNOWBALL[primary] ?? SIMPLE_CONFIG;
}

/** Characters the search never needs: C0/C1 controls (NUL breaks PostgreSQL), lone surrogates, noncharacters. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|\p{Cs}/gu;

/** NFKC (full-width forms, Arabic presentation forms, ligatures) and control characters replaced by spaces. */
export function cleanText(text: string): string {
  return text.replace(CONTROL, ' ').normalize('NFKC');
}

/** Arabic diacritics (tashkeel, superscript alef, Quranic annotation marks) and tatweel. */
const ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED\u0640]/g;
const ALEF_FORMS = /[\u0622\u0623\u0625\u0671]/g; // آ أ إ ٱ

/** The conjunctions و / ف glued to the article ال, which the Snowball stemmer leaves in place (والمساعدة). */
const CONJUNCTION_ARTICLE = /(?<![\p{L}\p{M}\p{N}])[\u0648\u0641](?=\u0627\u0644\p{L}{3,})/gu;

/**
 * Arabic orthographic normalisation: strip tashkeel and tatweel, unify alef forms to bare alef,
 * alef maksura to yeh.
 * - 'stem' (text for the Snowball stemmer) also drops a conjunction و/ف glued to the article
 *   (والمساعدة → المساعدة; at least three letters must follow ال, so والد and والي stay).
 * - 'exact' also maps teh marbuta to heh, so the exact analysis treats the common spellings
 *   مساعدة/مساعده alike. The stemmed analysis keeps teh marbuta because the Snowball stemmer
 *   removes it as a suffix (القانونية → قانون, but القانونيه → قانونيه).
 */
export function normalizeArabic(text: string, mode: 'stem' | 'exact' = 'stem'): string {
  if (!/[\u0600-\u06FF]/.test(text)) return text;
  const out = text.replace(ARABIC_MARKS, '').replace(ALEF_FORMS, '\u0627').replace(/\u0649/g, '\u064A');
  return mode === 'exact' ? out.replace(/\u0629/g, '\u0647') : out.replace(CONJUNCTION_ARTICLE, '');
}

const CJK_CLASS = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}';
const CJK_ONE = new RegExp(`[${CJK_CLASS}]`, 'u');
const CJK_RUN = new RegExp(`[${CJK_CLASS}]+`, 'gu');

export function hasCjk(text: string): boolean {
  return CJK_ONE.test(text);
}

/** Overlapping character bigrams of one run of CJK characters ("司法协助" → 司法 法协 协助); one character stays as it is. */
export function bigrams(run: string): string[] {
  const chars = [...run];
  if (chars.length < 2) return chars;
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

/** Replace every CJK run by its bigrams separated by spaces, so the parser sees them as consecutive words. */
export function cjkBigramText(text: string): string {
  return text.replace(CJK_RUN, (run) => ` ${bigrams(run).join(' ')} `);
}

/** The CJK characters of a text, one word each (indexed separately so one-character queries match). */
export function cjkUnigramText(text: string): string {
  const out: string[] = [];
  for (const m of text.matchAll(CJK_RUN)) out.push(...m[0]);
  return out.join(' ');
}

/** Text as given to a stemming configuration. */
export function forStemming(text: string): string {
  return normalizeArabic(cleanText(text));
}

/** Text as given to the exact (palermo_simple) analysis: CJK runs become bigrams. */
export function forExact(text: string): string {
  return cjkBigramText(normalizeArabic(cleanText(text), 'exact'));
}
