/** The six official UN languages, in the UN's order of precedence for display. */
export const LANGS = ['ar', 'zh', 'en', 'fr', 'es', 'ru'] as const;
export type Lang = (typeof LANGS)[number];

/** A text in each of the six languages. */
export type LocalizedText = Record<Lang, string>;

export const DEFAULT_LANG: Lang = 'en';

/** Each language named in itself, for the language switcher. */
export const NATIVE_NAMES: Record<Lang, string> = {
  ar: 'العربية',
  zh: '中文',
  en: 'English',
  fr: 'Français',
  es: 'Español',
  ru: 'Русский',
};

/** Locale passed to Intl APIs; Chinese in the UN is Simplified Chinese. */
export const INTL_LOCALE: Record<Lang, string> = {
  ar: 'ar',
  zh: 'zh-Hans',
  en: 'en',
  fr: 'fr',
  es: 'es',
  ru: 'ru',
};

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

export function dirOf(lang: string): 'rtl' | 'ltr' {
  return /^(ar|fa|he|ur|ps|yi)(-|$)/.test(lang) ? 'rtl' : 'ltr';
}

/**
 * Pick the best text for a reader: their language, then English, then any.
 * Returns the language actually used so the page can mark a fallback (and set lang=).
 */
export function pickLocalized(
  texts: Partial<Record<string, string>> | null | undefined,
  lang: string,
  fallbacks: readonly string[] = ['en', 'fr', 'es'],
): { text: string; lang: string } | undefined {
  if (!texts) return undefined;
  for (const l of [lang, ...fallbacks]) {
    const t = texts[l];
    if (t) return { text: t, lang: l };
  }
  for (const [l, t] of Object.entries(texts)) if (t) return { text: t, lang: l };
  return undefined;
}

/** Negotiate the interface language from an Accept-Language header. */
export function negotiateLang(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return DEFAULT_LANG;
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((x) => x.tag && x.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    const primary = tag.split('-')[0];
    if (isLang(primary)) return primary;
  }
  return DEFAULT_LANG;
}
