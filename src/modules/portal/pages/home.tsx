/** /{lang}/: what Palermo is, search, the four databases, key instruments, what changed lately. */
import { translator } from '../../../platform/i18n/messages.js';
import type { Lang } from '../../../platform/i18n/languages.js';
import { common } from '../../../platform/web/common.messages.js';
import { Layout } from '../../../platform/web/layout.js';
import { href, type PageContext } from '../../../platform/web/page.js';
import type { InstrumentSummary } from '../../knowledge/index.js';
import { entryPath } from '../../knowledge/index.js';
import { pickText } from '../domain/versions.js';
import { homeMessages } from '../home.messages.js';
import type { HomeModel } from '../service.js';
import { EntryList } from '../components/entry.js';
import { Content } from '../components/ui.js';
import { DigestCard } from '../../digest/index.js';
import { instrumentShortName } from '../../reference/index.js';

export function homeT(lang: Lang) {
  return translator(homeMessages, lang);
}

const DATABASES = [
  { type: 'legislation', path: '/legislation', nav: 'nav_legislation', desc: 'db_legislation_desc' },
  { type: 'case', path: '/cases', nav: 'nav_cases', desc: 'db_cases_desc' },
  { type: 'treaty', path: '/treaties', nav: 'nav_treaties', desc: 'db_treaties_desc' },
  { type: 'strategy', path: '/strategies', nav: 'nav_strategies', desc: 'db_strategies_desc' },
] as const;

function InstrumentLink(props: { ctx: PageContext; instrument: InstrumentSummary }) {
  const { ctx, instrument } = props;
  const title = pickText(instrument.titles, ctx.lang);
  const short = instrumentShortName(instrument.id, ctx.lang) ?? instrument.short_name;
  return (
    <a href={href(ctx, entryPath('treaty', instrument.id))}>
      {short ? <span class="instrument__short">{short}</span> : null}
      <Content page={ctx.lang} lang={title?.lang}>
        {title?.text ?? instrument.id}
      </Content>
    </a>
  );
}

/** Instruments with their protocols nested under them. */
function InstrumentTree(props: { ctx: PageContext; instruments: readonly InstrumentSummary[] }) {
  const ids = new Set(props.instruments.map((i) => i.id));
  const roots = props.instruments.filter((i) => !i.parent_id || !ids.has(i.parent_id));
  return (
    <ul class="instrument-list">
      {roots.map((root) => {
        const children = props.instruments.filter((i) => i.parent_id === root.id);
        return (
          <li>
            <InstrumentLink ctx={props.ctx} instrument={root} />
            {children.length ? (
              <ul>
                {children.map((child) => (
                  <li>
                    <InstrumentLink ctx={props.ctx} instrument={child} />
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

export function HomePage(props: { ctx: PageContext; model: HomeModel }) {
  const { ctx, model } = props;
  const t = homeT(ctx.lang);
  const c = translator(common, ctx.lang);
  return (
    <Layout ctx={ctx} title={t('page_title')} description={t('intro_what')} canonical="/" section="home" demo={model.recent.some((e) => e.demo) || model.instruments.some((i) => i.demo)}>
      <section class="hero" aria-labelledby="home-title">
        <h1 id="home-title">{t('heading')}</h1>
        <p class="lead">{t('intro_what')}</p>
        <p>{t('intro_open')}</p>
        <form class="search-form" role="search" method="get" action={href(ctx, '/search')}>
          <label for="home-q" class="search-form__label">
            {t('search_label')}
          </label>
          <input type="search" id="home-q" name="q" autocomplete="off" aria-describedby="home-q-hint" />
          <button type="submit">{t('search_button')}</button>
          <p id="home-q-hint" class="muted search-form__hint">
            {t('search_hint')}
          </p>
        </form>
      </section>

      <section aria-labelledby="databases-heading">
        <h2 id="databases-heading">{t('databases_heading')}</h2>
        <ul class="cards">
          {DATABASES.map((d) => (
            <li class="card">
              <h3>
                <a href={href(ctx, d.path)}>{c(d.nav)}</a>
              </h3>
              <p class="card__count">{t('entries_count', { count: model.counts.get(d.type) ?? 0 })}</p>
              <p>{t(d.desc)}</p>
            </li>
          ))}
        </ul>
      </section>

      {model.instruments.length ? (
        <section aria-labelledby="instruments-heading">
          <h2 id="instruments-heading">{t('instruments_heading')}</h2>
          <InstrumentTree ctx={ctx} instruments={model.instruments} />
        </section>
      ) : null}

      <section aria-labelledby="recent-heading">
        <h2 id="recent-heading">{t('recent_heading')}</h2>
        {model.recent.length ? <EntryList ctx={ctx} items={model.recent} countries={model.names.countries} /> : <p class="muted">{t('no_recent')}</p>}
      </section>

      <section aria-labelledby="explore-heading">
        <h2 id="explore-heading">{t('explore_heading')}</h2>
        <ul class="cards">
          <li class="card">
            <h3>
              <a href={href(ctx, '/countries')}>{t('countries_link')}</a>
            </h3>
            <p>{t('countries_desc')}</p>
          </li>
          <li class="card">
            <h3>
              <a href={href(ctx, '/open-data')}>{c('nav_api')}</a>
            </h3>
            <p>{t('open_data_desc')}</p>
          </li>
          <DigestCard ctx={ctx} />
        </ul>
      </section>
    </Layout>
  );
}
