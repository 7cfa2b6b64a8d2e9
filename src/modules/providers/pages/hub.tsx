/**
 * /{lang}/e-evidence: the electronic evidence hub. Model forms (links to the request writer),
 * checklists, service providers, and the national e-evidence provisions of a chosen State.
 */
import { formatNumber } from '../../../platform/i18n/messages.js';
import { Layout } from '../../../platform/web/layout.js';
import { href, type PageContext } from '../../../platform/web/page.js';
import { countryName, type Country } from '../../reference/index.js';
import { CHECKLISTS, WRITER_KINDS } from '../domain/hub.js';
import type { NationalProvisionsModel } from '../provisions.js';
import type { ProviderResults } from '../service.js';
import { NationalProvisions } from './provisions.js';
import { DemoBadge, Localized, provT, providerPath } from './ui.js';

export function HubPage(props: { ctx: PageContext; providers: ProviderResults; countries: readonly Country[]; country?: string | undefined; provisions?: NationalProvisionsModel | undefined }) {
  const { ctx, providers } = props;
  const t = provT(ctx.lang);
  const options = props.countries.map((c) => ({ value: c.iso3, label: countryName(props.countries, c.iso3, ctx.lang) })).sort((a, b) => a.label.localeCompare(b.label, ctx.lang));
  return (
    <Layout ctx={ctx} title={t('hub_title')} description={t('hub_intro')} canonical="/e-evidence" section="e-evidence" demo={providers.items.some((p) => p.demo) || !!props.provisions?.authorities.some((a) => a.demo)}>
      <h1>{t('hub_title')}</h1>
      <p class="lead">{t('hub_intro')}</p>

      <section aria-labelledby="forms-heading">
        <h2 id="forms-heading">{t('forms_heading')}</h2>
        <p>{t('forms_intro')}</p>
        <ul class="cards">
          {WRITER_KINDS.map((kind) => (
            <li class="card">
              <a href={href(ctx, '/writer/new', { kind })}>
                <strong>{t(`form_${kind}`)}</strong>
              </a>
              <p>{t(`form_${kind}_desc`)}</p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="checklists-heading">
        <h2 id="checklists-heading">{t('checklists_heading')}</h2>
        <ul>
          {CHECKLISTS.map((k) => (
            <li>
              <a href={href(ctx, `/e-evidence/checklists/${k}`)}>{t(`checklist_${k}`)}</a>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="providers-heading">
        <h2 id="providers-heading">
          {t('providers_title')} <span class="count">({formatNumber(ctx.lang, providers.total)})</span>
        </h2>
        <p>{t('providers_intro')}</p>
        {providers.items.length ? (
          <ul class="plain-list">
            {providers.items.map((p) => (
              <li>
                <a href={href(ctx, providerPath(p.doc.id))}>
                  <Localized ctx={ctx} texts={p.doc.names} />
                </a>{' '}
                <span class="muted">{countryName(props.countries, p.doc.country, ctx.lang)}</span>
                <DemoBadge ctx={ctx} demo={p.demo} />
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">{t('no_results')}</p>
        )}
        <p>
          <a href={href(ctx, '/e-evidence/providers')}>{t('providers_all')}</a>
        </p>
      </section>

      <section aria-labelledby="national-heading">
        <h2 id="national-heading">{t('national_heading')}</h2>
        <form method="get" action={href(ctx, '/e-evidence')} class="inline-form">
          <label for="hub-country">{t('provisions_choose_country')}</label>{' '}
          <select id="hub-country" name="country">
            <option value="">{t('any')}</option>
            {options.map((o) => (
              <option value={o.value} selected={o.value === props.country}>
                {o.label}
              </option>
            ))}
          </select>{' '}
          <button type="submit">{t('provisions_show')}</button>
        </form>
        {props.provisions ? <NationalProvisions ctx={ctx} model={props.provisions} heading="h3" /> : <p class="muted">{t('provisions_pick')}</p>}
      </section>
    </Layout>
  );
}
