import type { ComponentChildren } from 'preact';
import { DEFAULT_LANG, LANGS, NATIVE_NAMES } from '../i18n/languages.js';
import { translator } from '../i18n/messages.js';
import { assetUrl } from '../http/assets.js';
import { common } from './common.messages.js';
import { href, switchLanguageHref, type PageContext } from './page.js';

export interface LayoutProps {
  ctx: PageContext;
  /** Page title (without the site name). */
  title: string;
  /** Meta description for search engines and link previews. */
  description?: string;
  /** True when the page shows demo data: a notice is displayed. */
  demo?: boolean;
  /** Extra island scripts (file names under public/). */
  scripts?: string[];
  /** Canonical path under the language prefix, e.g. "/cases/abc". */
  canonical?: string;
  /** Which navigation item is current. */
  section?: 'home' | 'search' | 'legislation' | 'cases' | 'treaties' | 'strategies' | 'countries' | 'api' | string;
  children: ComponentChildren;
}

const NAV = [
  ['home', '/', 'nav_home'],
  ['search', '/search', 'nav_search'],
  ['legislation', '/legislation', 'nav_legislation'],
  ['cases', '/cases', 'nav_cases'],
  ['treaties', '/treaties', 'nav_treaties'],
  ['strategies', '/strategies', 'nav_strategies'],
  ['countries', '/countries', 'nav_countries'],
  ['directory', '/directory', 'nav_directory'],
  ['e-evidence', '/e-evidence', 'nav_e_evidence'],
] as const;

/** The hidden CSRF field every POST form must contain. */
export function CsrfField({ ctx }: { ctx: PageContext }) {
  return <input type="hidden" name="_csrf" value={ctx.csrfToken} />;
}

const AUTH_PAGES = /^\/(sign-in|register|account\/(verify|forgot|reset))/;

/** Sign in, or the signed-in person's name, Administration and Sign out (a POST form). */
function AccountNav({ ctx }: { ctx: PageContext }) {
  const t = translator(common, ctx.lang);
  const v = ctx.viewer;
  return (
    <nav class="account-nav" aria-label={t('account_navigation')}>
      <ul>
        {v ? (
          <>
            <li>
              <a href={href(ctx, '/account')} dir="auto">
                {v.name}
              </a>
            </li>
            {v.editor ? (
              <li>
                <a href={href(ctx, '/editor')}>{t('nav_editor')}</a>
              </li>
            ) : null}
            {v.casework ? (
              <li>
                <a href={href(ctx, '/casework')}>{t('nav_casework')}</a>
              </li>
            ) : null}
            {v.forum ? (
              <li>
                <a href={href(ctx, '/forum')}>{t('nav_forum')}</a>
              </li>
            ) : null}
            {v.admin ? (
              <li>
                <a href={href(ctx, '/admin')}>{t('nav_admin')}</a>
              </li>
            ) : null}
            <li>
              <form method="post" action={href(ctx, '/sign-out')} class="inline-form">
                <CsrfField ctx={ctx} />
                <button type="submit" class="link-button">
                  {t('nav_sign_out')}
                </button>
              </form>
            </li>
          </>
        ) : (
          <li>
            <a href={href(ctx, '/sign-in', AUTH_PAGES.test(ctx.pathAndQuery) ? {} : { next: ctx.pathAndQuery })}>{t('nav_sign_in')}</a>
          </li>
        )}
      </ul>
    </nav>
  );
}

export function Layout(props: LayoutProps) {
  const { ctx } = props;
  const t = translator(common, ctx.lang);
  const siteName = t('site_name');
  return (
    <html lang={ctx.lang} dir={ctx.dir}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · ${siteName}`}</title>
        {props.description ? <meta name="description" content={props.description} /> : null}
        {props.canonical ? <link rel="canonical" href={`${ctx.linkOrigin ?? ''}/${ctx.lang}${props.canonical}`} /> : null}
        {props.canonical
          ? [
              ...LANGS.map((l) => <link rel="alternate" hreflang={l} href={`${ctx.linkOrigin ?? ''}/${l}${props.canonical}`} />),
              <link rel="alternate" hreflang="x-default" href={`${ctx.linkOrigin ?? ''}/${DEFAULT_LANG}${props.canonical}`} />,
            ]
          : null}
        <link rel="icon" href={assetUrl('favicon.svg')} type="image/svg+xml" />
        <link rel="stylesheet" href={assetUrl('palermo.css')} />
        {(props.scripts ?? []).map((s) => (
          <script type="module" src={assetUrl(s)} defer />
        ))}
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t('skip_to_content')}
        </a>
        <header class="site-header">
          <div class="site-header__inner">
            <a class="site-name" href={href(ctx, '/')}>
              <span class="site-name__title">{siteName}</span>
              <span class="site-name__tagline">{t('tagline')}</span>
            </a>
            <nav class="lang-switcher" aria-label={t('language')}>
              <ul>
                {LANGS.map((l) => (
                  <li>
                    <a
                      href={switchLanguageHref(ctx, l)}
                      lang={l}
                      hreflang={l}
                      aria-current={l === ctx.lang ? 'true' : undefined}
                    >
                      {NATIVE_NAMES[l]}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
            <AccountNav ctx={ctx} />
          </div>
          <nav class="main-nav" aria-label={t('main_navigation')}>
            <ul>
              {NAV.map(([key, path, label]) => (
                <li>
                  <a href={href(ctx, path)} aria-current={props.section === key ? 'page' : undefined}>
                    {t(label)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          {/* Inside the banner landmark, so every piece of the page belongs to a landmark. */}
          {props.demo ? (
            <p class="demo-notice" role="note">
              {t('demo_notice')}
            </p>
          ) : null}
        </header>
        <main id="main" tabIndex={-1}>
          {props.children}
        </main>
        <footer class="site-footer">
          <p>{t('footer_about')}</p>
          <p>
            {t('footer_open_data')} <a href={href(ctx, '/open-data')}>{t('nav_api')}</a>
          </p>
        </footer>
      </body>
    </html>
  );
}
