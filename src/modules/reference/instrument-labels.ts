/**
 * The shipped instruments' names and article headings in the reader's language, for pages. Pure
 * lookups over the definitions; each answer says whether it is authentic or a Palermo translation,
 * so that pages never present a translation as an authentic language version.
 */
import type { Lang } from '../../platform/i18n/languages.js';
import { COE_ARTICLE_TITLES } from './definitions/article-titles-coe.js';
import { UN_ARTICLE_TITLES, type TitleRow } from './definitions/article-titles-un.js';
import { INSTRUMENTS } from './definitions/instruments.js';
import { INSTRUMENT_SHORT_NAMES, METADATA_VALUES, TRANSLATED_TITLES } from './definitions/instrument-names.js';

export interface LabelText {
  text: string;
  lang: string;
  /** True when the text is Palermo's translation, not an authentic text of the instrument. */
  translated: boolean;
}

const ROW_INDEX: Readonly<Record<Exclude<Lang, 'en'>, number>> = { ar: 0, zh: 1, fr: 2, es: 3, ru: 4 };
const SHIPPED = new Map(INSTRUMENTS.map((d) => [d.id, d]));

/** Ids of the instruments Palermo ships, in their definition order. */
export function shippedInstrumentIds(): string[] {
  return INSTRUMENTS.map((d) => d.id);
}

/** Whether an instrument is one Palermo ships (and so has the translations below). */
export function isShippedInstrument(id: string): boolean {
  return SHIPPED.has(id);
}

/** Short name of a shipped instrument in the reader's language (Palermo's short forms); undefined for others. */
export function instrumentShortName(id: string, lang: Lang): string | undefined {
  return INSTRUMENT_SHORT_NAMES[id]?.[lang];
}

/** Title of a shipped instrument in a language in which it is not authentic (Palermo translation). */
export function translatedInstrumentTitle(id: string, lang: Lang): LabelText | undefined {
  const t = (TRANSLATED_TITLES[id] as Partial<Record<Lang, string>> | undefined)?.[lang];
  return t ? { text: t, lang, translated: true } : undefined;
}

/** A metadata value of the shipped instruments (organization, depositary, place of adoption) in the reader's language. */
export function instrumentMetadataValue(english: string, lang: Lang): string | undefined {
  return METADATA_VALUES[english]?.[lang];
}

function titleRow(id: string, englishTitle: string): TitleRow | undefined {
  const def = SHIPPED.get(id);
  if (!def) return undefined;
  return def.organization === 'Council of Europe' ? COE_ARTICLE_TITLES[englishTitle] : UN_ARTICLE_TITLES[englishTitle];
}

/** Palermo's translation of the heading of an article of a shipped instrument, from its English heading. */
export function translatedArticleTitle(id: string, englishTitle: string | undefined, lang: Lang): LabelText | undefined {
  if (!englishTitle || lang === 'en') return undefined;
  const row = titleRow(id, englishTitle);
  const text = row?.[ROW_INDEX[lang]];
  return text ? { text, lang, translated: true } : undefined;
}

/**
 * The heading of an article for a reader: the authentic heading in the reader's language if held,
 * else Palermo's translation, else the authentic heading in another language (English first).
 */
export function articleTitleFor(id: string, titles: Readonly<Record<string, string>> | undefined, lang: Lang): LabelText | undefined {
  const held = titles ?? {};
  if (held[lang]) return { text: held[lang]!, lang, translated: false };
  const translated = translatedArticleTitle(id, held.en, lang);
  if (translated) return translated;
  for (const other of ['en', 'fr', 'es', 'ru', 'ar', 'zh']) if (held[other]) return { text: held[other]!, lang: other, translated: false };
  return undefined;
}

/** Languages in which a shipped instrument is authentic (the six UN languages, or English and French); undefined for others. */
export function instrumentAuthenticLanguages(id: string): string[] | undefined {
  const def = SHIPPED.get(id);
  return def ? Object.keys(def.titles) : undefined;
}
