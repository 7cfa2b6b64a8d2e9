/** /{lang}/e-evidence/providers: the service providers, with search and filters (country, service, data category). */
import { Layout } from '../../../platform/web/layout.js';
import { href, type PageContext } from '../../../platform/web/page.js';
import { Pagination } from '../../directory/index.js';
import { countryName, type Country } from '../../reference/index.js';
import { DATA_CATEGORIES, SERVICES } from '../domain/schema.js';
import type { ProviderQuery, ProviderResults } from '../service.js';
import { Crumbs, DemoBadge, Localized, provT, providerPath, RestrictedNote } from './ui.js';

function params(q: ProviderQuery, page?: number) {
  return { q: q.q, country: q.country, service: q.service, category: q.category, page: page && page > 1 ? page : undefined };
}

function Select(props: { ctx: PageContext; name: string; label: string; value: string | undefined; options: { value: string; label: string }[] }) {
  const t = provT(props.ctx.lang);
  return (
    <div class="form-row">
      <label for={`f-${props.name}`}>{props.label}</label>
      <select id={`f-${props.name}`} name={props.name}>
        <option value="">{t('any')}</option>
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function ProvidersPage(props: { ctx: PageContext; results: ProviderResults; countries: readonly Country[]; restricted: boolean; canCreate: boolean }) {
  const { ctx, results } = props;
  const t = provT(ctx.lang);
  const q = results.query;
  const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label, ctx.lang);
  return (
    <Layout ctx={ctx} title={t('providers_title')} description={t('providers_intro')} canonical="/e-evidence/providers" section="e-evidence" demo={results.items.some((i) => i.demo)}>
      <Crumbs ctx={ctx} items={[{ label: t('providers_title') }]} />
      <h1>{t('providers_title')}</h1>
      <p class="lead">{t('providers_intro')}</p>
      {!props.restricted ? <RestrictedNote ctx={ctx} /> : null}
      {props.canCreate ? (
        <p>
          <a href={href(ctx, '/e-evidence/new')}>{t('editor_new_link')}</a>
        </p>
      ) : null}
      <form method="get" action={href(ctx, '/e-evidence/providers')} role="search" class="dir-search">
        <div class="search-form">
          <label for="prov-q" class="visually-hidden">
            {t('search_label')}
          </label>
          <input type="search" id="prov-q" name="q" value={q.q} maxLength={200} placeholder={t('search_label')} />
          <button type="submit">{t('search_button')}</button>
        </div>
        <div class="with-sidebar">
          <fieldset class="dir-filters">
            <legend>{t('filters')}</legend>
            <Select ctx={ctx} name="country" label={t('filter_country')} value={q.country} options={[...new Set([...results.countries, ...(q.country ? [q.country] : [])])].map((c) => ({ value: c, label: countryName(props.countries, c, ctx.lang) })).sort(byLabel)} />
            <Select ctx={ctx} name="service" label={t('filter_service')} value={q.service} options={SERVICES.map((s) => ({ value: s, label: t(`service_${s}`) }))} />
            <Select ctx={ctx} name="category" label={t('filter_category')} value={q.category} options={DATA_CATEGORIES.map((c) => ({ value: c, label: t(`category_${c}`) }))} />
            <button type="submit">{t('apply')}</button> <a href={href(ctx, '/e-evidence/providers')}>{t('clear')}</a>
          </fieldset>
          <div>
            <p class="dir-count" role="status">
              {t('results', { count: results.total })}
            </p>
            {results.items.length ? (
              <ol class="results">
                {results.items.map((item) => (
                  <li class="result">
                    <h2>
                      <a href={href(ctx, providerPath(item.doc.id))}>
                        <Localized ctx={ctx} texts={item.doc.names} />
                      </a>
                      <DemoBadge ctx={ctx} demo={item.demo} />
                    </h2>
                    <p class="result__meta">
                      <span>{countryName(props.countries, item.doc.country, ctx.lang)}</span>
                    </p>
                    <ul class="dir-functions">
                      {item.doc.services.map((s) => (
                        <li>{t(`service_${s}`)}</li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ol>
            ) : (
              <p>{t('no_results')}</p>
            )}
            <Pagination ctx={ctx} page={q.page} pages={results.pages} link={(p) => href(ctx, '/e-evidence/providers', params(q, p))} />
          </div>
        </div>
      </form>
    </Layout>
  );
}
