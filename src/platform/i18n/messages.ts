import { readFileSync } from 'node:fs';
import { IntlMessageFormat } from 'intl-messageformat';
import { INTL_LOCALE, LANGS, type Lang } from './languages.js';

/**
 * A module's interface strings in ICU MessageFormat, one catalogue per language.
 * The type forces every language to define every key that English defines.
 */
export type Catalog<K extends string> = { en: Record<K, string> } & Record<Exclude<Lang, 'en'>, Record<K, string>>;

/**
 * The legacy form: a catalogue written in TypeScript. Strings in this form are moved into the JSON
 * catalogues by `node scripts/i18n-convert.mjs <file>` (see docs/TRANSLATING.md).
 */
export function defineMessages<K extends string>(catalog: Catalog<K>): Catalog<K> {
  return catalog;
}

/** One string of a JSON catalogue (FormatJS "default" format; see docs/TRANSLATING.md). */
export interface CatalogueEntry {
  defaultMessage: string;
  description?: string;
}

/**
 * Read a catalogue's six JSON files, `messages/<name>.<lang>.json` beside the calling module (pass
 * its `import.meta.url`), once at module load. Works from src (tsx) and from dist (the build copies
 * the JSON files). English must define every key of the generated key list (else the generated file
 * is out of date: `npm run i18n`); a key missing in another language falls back to English at run
 * time, and `npm test` (src/platform/i18n/catalogues.test.ts) reports it.
 */
export function loadCatalogue<K extends string>(moduleUrl: string, name: string, keys: readonly K[]): Catalog<K> {
  const catalogue = {} as Record<Lang, Record<string, string>>;
  for (const lang of LANGS) {
    const url = new URL(`./messages/${name}.${lang}.json`, moduleUrl);
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(url, 'utf8'));
    } catch (err) {
      throw new Error(`cannot read the message catalogue ${url.pathname}: ${(err as Error).message}`);
    }
    if (!data || typeof data !== 'object' || Array.isArray(data)) throw new Error(`${url.pathname}: not a JSON object`);
    const strings: Record<string, string> = {};
    for (const [key, entry] of Object.entries(data as Record<string, unknown>)) {
      const message = (entry as Partial<CatalogueEntry> | null)?.defaultMessage;
      if (typeof message !== 'string') throw new Error(`${url.pathname}: "${key}" has no string defaultMessage`);
      strings[key] = message;
    }
    catalogue[lang] = strings;
  }
  const missing = keys.filter((key) => !(key in catalogue.en));
  if (missing.length) throw new Error(`messages/${name}.en.json lacks ${missing.join(', ')}: run npm run i18n after changing keys`);
  return catalogue as Catalog<K>;
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
