import { IntlMessageFormat } from 'intl-messageformat';
import { INTL_LOCALE, type Lang } from './languages.js';

/**
 * A module's interface strings in ICU MessageFormat, one catalogue per language.
 * The type forces every language to define every key that English defines.
 */
export type Catalog<K extends string> = { en: Record<K, string> } & Record<Exclude<Lang, 'en'>, Record<K, string>>;

export function defineMessages<K extends string>(catalog: Catalog<K>): Catalog<K> {
  return catalog;
}

export type MessageValues = Record<string, string | number | Date | boolean | null | undefined>;
export type Translate<K extends string> = (key: K, values?: MessageValues) => string;

const cache = new WeakMap<object, Map<string, IntlMessageFormat>>();

/** A translate function for one catalogue and language: t('results', { count: 3 }). */
export function translator<K extends string>(catalog: Catalog<K>, lang: Lang): Translate<K> {
  let formats = cache.get(catalog);
  if (!formats) {
    formats = new Map();
    cache.set(catalog, formats);
  }
  const byKey = formats;
  return (key, values) => {
    const id = `${lang}\u0000${key}`;
    let format = byKey.get(id);
    if (!format) {
      const source = catalog[lang][key] ?? catalog.en[key] ?? key;
      format = new IntlMessageFormat(source, INTL_LOCALE[lang], undefined, { ignoreTag: true });
      byKey.set(id, format);
    }
    return String(format.format(values as Record<string, string | number | Date | boolean | null | undefined>));
  };
}

/** Format a number or a date for a language. */
export function formatNumber(lang: Lang, n: number): string {
  return new Intl.NumberFormat(INTL_LOCALE[lang]).format(n);
}

export function formatDate(lang: Lang, isoDate: string | Date | null | undefined, style: 'long' | 'medium' | 'short' = 'long'): string {
  if (!isoDate) return '';
  const d = typeof isoDate === 'string' ? new Date(`${isoDate.slice(0, 10)}T00:00:00Z`) : isoDate;
  if (Number.isNaN(d.getTime())) return String(isoDate);
  return new Intl.DateTimeFormat(INTL_LOCALE[lang], { dateStyle: style, timeZone: 'UTC' }).format(d);
}
