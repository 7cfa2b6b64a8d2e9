/**
 * Which language version of a text a reader sees. Pure.
 * Order: the version asked for (?version=xx), else the reader's language, else the best other one:
 * human versions before machine translations; among them English, the original, then the other
 * UN languages, then any other in tag order.
 */
import { LANGS, type Lang } from '../../../platform/i18n/languages.js';

export interface VersionLike {
  machine_translated?: boolean;
}

export interface VersionChoice {
  /** Language tag of the version shown. */
  lang: string;
  /** True when it is not in the reader's language (a notice is due). */
  fallback: boolean;
  /** Set when ?version= named a version that is not available. */
  missing?: string;
}

const FALLBACK_LANGS: readonly string[] = ['en', 'fr', 'es', 'ru', 'ar', 'zh'];

/** Versions in display order: the six UN languages in UN order, then the others by tag. */
export function orderedTags(tags: Iterable<string>): string[] {
  const list = [...new Set(tags)];
  const rank = (t: string) => {
    const i = (LANGS as readonly string[]).indexOf(t);
    return i === -1 ? LANGS.length : i;
  };
  return list.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/** Every version held, best first for this reader (ignoring ?version=). */
export function rankVersions(versions: Readonly<Record<string, VersionLike | undefined>>, reader: Lang, original?: string | null): string[] {
  const tags = Object.keys(versions).filter((t) => versions[t]);
  const preference = [...new Set([reader, 'en', ...(original ? [original] : []), ...FALLBACK_LANGS])];
  const rank = (t: string) => {
    if (t === reader) return -1;
    const human = versions[t]?.machine_translated ? 1 : 0;
    const i = preference.indexOf(t);
    return human * 1000 + (i === -1 ? preference.length : i);
  };
  return tags.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

export function chooseVersion(
  versions: Readonly<Record<string, VersionLike | undefined>>,
  reader: Lang,
  options: { requested?: string | undefined; original?: string | null | undefined } = {},
): VersionChoice | undefined {
  const ranked = rankVersions(versions, reader, options.original);
  if (!ranked.length) return undefined;
  const requested = options.requested;
  if (requested && ranked.includes(requested)) return { lang: requested, fallback: requested !== reader };
  const missing = requested && requested !== reader ? { missing: requested } : {};
  const best = ranked[0]!;
  return { lang: best, fallback: best !== reader, ...missing };
}

/**
 * One field of a text (facts, full text...) from the version shown, or else from the best other
 * version that has it, with the language it comes from.
 */
export function fieldWithFallback<V extends object, K extends keyof V>(
  versions: Readonly<Record<string, V | undefined>>,
  shown: string,
  reader: Lang,
  field: K,
  original?: string | null,
): { value: NonNullable<V[K]>; lang: string } | undefined {
  const order = [shown, ...rankVersions(versions as Record<string, VersionLike>, reader, original).filter((t) => t !== shown)];
  for (const lang of order) {
    const value = versions[lang]?.[field];
    if (value !== undefined && value !== null && value !== '') return { value: value as NonNullable<V[K]>, lang };
  }
  return undefined;
}

/** A string map (titles by language) → the best string for a reader, with its language. */
export function pickText(
  texts: Readonly<Record<string, string>> | null | undefined,
  reader: Lang,
  options: { original?: string | null; mt?: readonly string[] } = {},
): { text: string; lang: string; mt: boolean } | undefined {
  if (!texts) return undefined;
  const mt = new Set(options.mt ?? []);
  const versions = Object.fromEntries(
    Object.entries(texts)
      .filter(([, v]) => v)
      .map(([k]) => [k, { machine_translated: mt.has(k) }]),
  );
  const choice = chooseVersion(versions, reader, { original: options.original });
  return choice ? { text: texts[choice.lang]!, lang: choice.lang, mt: mt.has(choice.lang) } : undefined;
}
