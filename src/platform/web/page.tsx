import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { DEFAULT_LANG, dirOf, isLang, negotiateLang, type Lang } from '../i18n/languages.js';

/** The signed-in person as the page frame shows them (filled by the accounts module). */
export interface Viewer {
  id: string;
  name: string;
  /** Show the "Administration" link. */
  admin: boolean;
  /** Show the "Editor" link (curators: the knowledge editor's "needs attention" dashboard). */
  editor?: boolean;
  /** Show the "Casework" link (casework.read for some authority). */
  casework?: boolean;
  /** Show the "Forum" link (forum.read in topic spaces). */
  forum?: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in person, or null (set by the accounts module for every page request). */
    viewer: Viewer | null;
    /**
     * The CSRF token every POST form of this page must carry (field "_csrf"): the session's token, or
     * a pre-session token for the sign-in and registration forms. Set by the accounts module.
     */
    csrfToken: (() => string) | null;
  }
}

/** What every page needs to know about the request it answers. */
export interface PageContext {
  lang: Lang;
  dir: 'rtl' | 'ltr';
  /** Path after the language prefix, with its query string: "/search?q=x" for "/fr/search?q=x". */
  pathAndQuery: string;
  /** Query parameters as received. */
  query: Record<string, string | string[] | undefined>;
  requestId: string;
  /** The signed-in person, or null. */
  viewer: Viewer | null;
  /** CSRF token for POST forms (computed on first use; see csrfField in layout.tsx). */
  readonly csrfToken: string;
  /**
   * Origin for links that must be absolute (canonical, hreflang): PUBLIC_URL without a trailing
   * slash when it was configured; "" or absent otherwise (the links stay relative to the host asked).
   */
  linkOrigin?: string;
}

/** PUBLIC_URL when configured (see Config.publicUrlSet); the default localhost URL is never put in a page. */
function linkOriginOf(request: FastifyRequest): string {
  const config = (request.server as Partial<Pick<typeof request.server, 'config'>>).config;
  return config?.publicUrlSet ? config.publicUrl.replace(/\/+$/, '') : '';
}

export function pageContext(request: FastifyRequest): PageContext {
  // The language is the first path segment; error pages for unmatched URLs have no route params.
  const url = request.url;
  const first = /^\/([^/?#]+)/.exec(url)?.[1];
  const inPath = isLang(first);
  const lang = inPath ? first : negotiateLang(request.headers['accept-language']);
  let rest = inPath ? url.slice(first.length + 1) : url;
  if (!rest.startsWith('/')) rest = `/${rest}`;
  let token: string | undefined;
  return {
    lang,
    dir: dirOf(lang),
    pathAndQuery: rest,
    query: (request.query ?? {}) as PageContext['query'],
    requestId: String(request.id),
    viewer: request.viewer ?? null,
    linkOrigin: linkOriginOf(request),
    get csrfToken() {
      token ??= request.csrfToken?.() ?? '';
      return token;
    },
  };
}

/** Send a server-rendered page. Preact escapes every interpolated value. */
export function sendPage(reply: FastifyReply, node: VNode, status = 200): FastifyReply {
  const html = `<!doctype html>${renderToString(node)}`;
  // A route may have asked for more (private, no-store for restricted content).
  if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-cache');
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('vary', 'accept-encoding, cookie')
    .send(html);
}

/** Link to the same page in another language (keeps path and query). */
export function switchLanguageHref(ctx: PageContext, lang: Lang): string {
  return `/${lang}${ctx.pathAndQuery === '/' ? '/' : ctx.pathAndQuery}`;
}

/** Build a URL under the current language: href(ctx, '/search', { q: 'x' }). */
export function href(
  ctx: { lang: Lang },
  path: string,
  params?: Record<string, string | number | boolean | readonly (string | number)[] | null | undefined>,
): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params ?? {})) {
    if (value === undefined || value === null || value === '' || value === false) continue;
    if (Array.isArray(value)) for (const v of value) search.append(key, String(v));
    else search.append(key, String(value));
  }
  const qs = search.toString();
  return `/${ctx.lang ?? DEFAULT_LANG}${path}${qs ? `?${qs}` : ''}`;
}
