/** Small building blocks shared by the portal pages. */
import type { ComponentChildren } from 'preact';
import { INTL_LOCALE, type Lang } from '../../../platform/i18n/languages.js';
import { href, type PageContext } from '../../../platform/web/page.js';

const displayNames = new Map<Lang, Intl.DisplayNames>();

/** Name of a language (any BCP 47 tag) in the reader's language: languageName('fr', 'zh') = "chinois". */
export function languageName(lang: Lang, tag: string): string {
  let names = displayNames.get(lang);
  if (!names) {
    names = new Intl.DisplayNames([INTL_LOCALE[lang]], { type: 'language', fallback: 'code' });
    displayNames.set(lang, names);
  }
  try {
    return names.of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** Attributes for content in language `tag` on a page in `page`: lang when it differs; direction from the text itself. */
export function contentLang(page: Lang, tag: string | undefined): { lang?: string; dir: 'auto' } {
  if (!tag || tag === page) return { dir: 'auto' };
  return { lang: tag, dir: 'auto' };
}

/**
 * Legal or narrative text: paragraphs split on blank lines, line breaks inside a paragraph kept
 * (white-space: pre-line). Escaped by Preact like every interpolated value.
 */
export function LegalText(props: { text: string; page: Lang; lang?: string | undefined; class?: string }) {
  const paragraphs = props.text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n+/)
    .map((p) => p.replace(/^\n+|\s+$/g, ''))
    .filter(Boolean);
  const attrs = contentLang(props.page, props.lang);
  return (
    <div class={`legal-text${props.class ? ` ${props.class}` : ''}`} {...attrs}>
      {paragraphs.map((p) => (
        <p>{p}</p>
      ))}
    </div>
  );
}

/** An inline piece of content (a title, a name) marked with its language when it differs from the page. */
export function Content(props: { page: Lang; lang?: string | undefined; children: ComponentChildren }) {
  const attrs = contentLang(props.page, props.lang);
  return (
    <span {...attrs}>
      {props.children}
    </span>
  );
}

export interface Crumb {
  label: string;
  href?: string;
}

export function Breadcrumbs(props: { label: string; items: Crumb[] }) {
  return (
    <nav class="breadcrumbs" aria-label={props.label}>
      <ol>
        {props.items.map((c) => (
          <li>{c.href ? <a href={c.href}>{c.label}</a> : <span aria-current="page">{c.label}</span>}</li>
        ))}
      </ol>
    </nav>
  );
}

/** A row of a metadata list; nothing when the value is empty. */
export function MetaRow(props: { label: string; children: ComponentChildren }) {
  const c = props.children;
  if (c === undefined || c === null || c === '' || c === false || (Array.isArray(c) && c.length === 0)) return null;
  return (
    <>
      <dt>{props.label}</dt>
      <dd>{c}</dd>
    </>
  );
}

/** Filters understood by the search page (/{lang}/search). */
export interface SearchFilters {
  q?: string;
  type?: 'legislation' | 'case' | 'treaty' | 'strategy';
  country?: string;
  article?: string;
  crime?: string;
  cooperation?: string;
  issue?: string;
  measure?: string;
}

export function searchHref(ctx: PageContext, filters: SearchFilters): string {
  return href(ctx, '/search', { ...filters });
}

/** Search filter of a taxonomy term: "cooperation:mla" → { cooperation: 'mla' }. */
export function termFilter(taxonomy: string, code: string): SearchFilters {
  switch (taxonomy) {
    case 'crime':
    case 'cooperation':
    case 'issue':
    case 'measure':
      return { [taxonomy]: code };
    default:
      return { q: code };
  }
}

/** A link that leaves Palermo. */
export function ExternalLink(props: { href: string; children: ComponentChildren }) {
  return (
    <a href={props.href} rel="external noopener noreferrer">
      {props.children}
    </a>
  );
}

export function formatBytes(lang: Lang, bytes: number): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let i = 0;
  while (value >= 1024 && i < units.length - 1) {
    value /= 1024;
    i++;
  }
  return new Intl.NumberFormat(INTL_LOCALE[lang], { style: 'unit', unit: units[i], unitDisplay: 'short', maximumFractionDigits: i ? 1 : 0 }).format(value);
}

/** Host name of a URL, to label a link to an official source. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}
