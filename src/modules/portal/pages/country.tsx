/** /{lang}/countries/{ISO3}: everything Palermo holds about a State. */
import { formatDate, formatNumber, translator } from '../../../platform/i18n/messages.js';
import { common } from '../../../platform/web/common.messages.js';
import { Layout } from '../../../platform/web/layout.js';
import { href, type PageContext } from '../../../platform/web/page.js';
import { entryPath, lawPath, type Participation } from '../../knowledge/index.js';
import { pickText } from '../domain/versions.js';
import type { CountryModel, EntryBlock } from '../service.js';
import { EntryList, portalT } from '../components/entry.js';
import { Breadcrumbs, Content, searchHref, type SearchFilters } from '../components/ui.js';
import { consentLabel } from './treaty.js';
import { localName, placesT, regionName } from './countries.js';
import { countryFormalName, instrumentShortName, isState } from '../../reference/index.js';
import { type AuthorityView, CountryAuthorities } from '../../directory/index.js';
import { DepositaryNote, EntryIntoForceCell, LegalBasisLink } from '../../legalbasis/index.js';
import { NationalProvisions, type NationalProvisionsModel } from '../../providers/index.js';

function Block(props: { ctx: PageContext; id: string; heading: string; block: EntryBlock; search: SearchFilters; searchLabel: string; model: CountryModel; showCountry?: boolean }) {
  const { ctx, block } = props;
  const t = placesT(ctx.lang);
  return (
    <section aria-labelledby={props.id}>
      <h2 id={props.id}>
        {props.heading} <span class="count">({formatNumber(ctx.lang, block.total)})</span>
      </h2>
      {block.total ? (
        <>
          <EntryList ctx={ctx} items={block.items} countries={props.model.names.countries} showType={false} showCountry={!!props.showCountry} />
          <p>
            <a href={searchHref(ctx, props.search)}>{props.searchLabel}</a>
          </p>
        </>
      ) : (
        <p class="muted">{t('nothing_yet')}</p>
      )}
    </section>
  );
}

interface StatusRow {
  id: string;
  short?: string | null | undefined;
  name: string;
  nameLang?: string | undefined;
  party?: Participation | undefined;
}

function participationRows(model: CountryModel, lang: PageContext['lang']): StatusRow[] {
  const byTreaty = new Map(model.participation.map((p) => [p.id, p]));
  const rows: StatusRow[] = model.instruments.map((i) => {
    const title = pickText(i.titles, lang);
    return { id: i.id, short: instrumentShortName(i.id, lang) ?? i.short_name, name: title?.text ?? i.short_name ?? i.id, nameLang: title?.lang, party: byTreaty.get(i.id) };
  });
  const listed = new Set(rows.map((r) => r.id));
  for (const p of model.participation) {
    if (listed.has(p.id)) continue;
    const title = pickText(p.titles, lang);
    rows.push({ id: p.id, short: instrumentShortName(p.id, lang) ?? p.short_name, name: title?.text ?? p.short_name ?? p.id, nameLang: title?.lang, party: p });
  }
  return rows;
}

/** The page shows demo data if any row it lists is demo (participation, laws, entries). */
function showsDemo(model: CountryModel): boolean {
  return (
    model.participation.some((p) => p.demo || p.party_demo) ||
    model.laws.items.some((l) => l.demo) ||
    [model.legislation, model.casesDecided, model.casesCooperated, model.strategies].some((b) => b.items.some((i) => i.demo))
  );
}

export function CountryPage(props: { ctx: PageContext; model: CountryModel; authorities?: AuthorityView[]; statusAsOf?: ReadonlyMap<string, string>; provisions?: NationalProvisionsModel }) {
  const { ctx, model } = props;
  const t = placesT(ctx.lang);
  const c = translator(common, ctx.lang);
  const p = portalT(ctx.lang);
  const iso3 = model.country.iso3;
  const name = localName(model.country, ctx.lang);
  const formal = countryFormalName(model.country, ctx.lang);
  const intro = isState(model.country) ? t('profile_intro') : t('profile_intro_area');
  const region = regionName(model.regions, model.country.region_code, ctx.lang);
  const subregion = regionName(model.regions, model.country.subregion_code, ctx.lang);
  const rows = participationRows(model, ctx.lang);
  const partyCount = model.participation.filter((x) => x.consent_on).length;
  const cards = [
    { label: c('nav_legislation'), n: model.counts.get('legislation') ?? 0, href: searchHref(ctx, { country: iso3, type: 'legislation' }) },
    { label: c('nav_cases'), n: model.counts.get('case') ?? 0, href: searchHref(ctx, { country: iso3, type: 'case' }) },
    { label: c('nav_strategies'), n: model.counts.get('strategy') ?? 0, href: searchHref(ctx, { country: iso3, type: 'strategy' }) },
    { label: t('treaties_party'), n: partyCount, href: '#participation-heading' },
  ];
  return (
    <Layout ctx={ctx} title={name} description={intro} canonical={`/countries/${iso3}`} section="countries" demo={showsDemo(model) || !!props.authorities?.some((a) => a.demo)}>
      <Breadcrumbs
        label={p('breadcrumbs')}
        items={[
          { label: c('nav_home'), href: href(ctx, '/') },
          { label: c('nav_countries'), href: href(ctx, '/countries') },
          ...(region ? [{ label: region, href: `${href(ctx, '/countries')}#region-${model.country.region_code}` }] : []),
        ]}
      />
      <h1>{name}</h1>
      {formal ? <p class="formal-name">{formal}</p> : null}
      <p class="lead">{intro}</p>
      <dl class="meta">
        <dt>{t('status')}</dt>
        <dd>{t(`kind_${model.country.kind}`)}</dd>
        {region ? (
          <>
            <dt>{t('region')}</dt>
            <dd>{subregion ? `${region} › ${subregion}` : region}</dd>
          </>
        ) : null}
        <dt>{t('codes')}</dt>
        <dd>
          <code>{iso3}</code> · <code>{model.country.iso2}</code> · <code>{model.country.m49}</code>
        </dd>
      </dl>
      <ul class="cards cards--stats" aria-label={t('at_a_glance')}>
        {cards.map((card) => (
          <li class="card">
            <a href={card.href}>
              <span class="stat">{formatNumber(ctx.lang, card.n)}</span>
              <span>{card.label}</span>
            </a>
          </li>
        ))}
      </ul>

      {props.authorities ? <CountryAuthorities ctx={ctx} iso3={iso3} authorities={props.authorities} /> : null}
      {props.provisions ? <NationalProvisions ctx={ctx} model={props.provisions} /> : null}

      <section aria-labelledby="participation-heading">
        <h2 id="participation-heading">{t('participation_heading')}</h2>
        {rows.length ? (
          <div class="table-wrap" role="region" aria-labelledby="participation-heading" tabIndex={0}>
            <table>
              <caption class="visually-hidden">{t('participation_caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('col_treaty')}</th>
                  <th scope="col">{t('col_signature')}</th>
                  <th scope="col">{t('col_consent')}</th>
                  <th scope="col">{t('col_entry_into_force')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr>
                    <th scope="row">
                      <a href={href(ctx, entryPath('treaty', r.id))}>
                        {r.short && r.short !== r.name ? <span class="instrument__short">{r.short}</span> : null}
                        <Content page={ctx.lang} lang={r.nameLang}>
                          {r.name}
                        </Content>
                      </a>
                      {r.party?.party_demo ? (
                        <>
                          {' '}
                          <span class="badge badge--demo">{c('demo_badge')}</span>
                        </>
                      ) : null}
                    </th>
                    {r.party ? (
                      <>
                        <td>{r.party.signed_on ? formatDate(ctx.lang, r.party.signed_on, 'medium') : ''}</td>
                        <td>
                          {r.party.consent_kind ? (
                            <>
                              {consentLabel(ctx.lang, r.party.consent_kind)}{' '}
                              {r.party.consent_on ? <span class="nowrap">{formatDate(ctx.lang, r.party.consent_on, 'medium')}</span> : null}
                            </>
                          ) : (
                            ''
                          )}
                        </td>
                        <td>
                          <EntryIntoForceCell lang={ctx.lang} party={r.party} />
                        </td>
                      </>
                    ) : (
                      <td colSpan={3} class="muted">
                        {t('no_action')}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p class="muted">{t('nothing_yet')}</p>
        )}
        <DepositaryNote lang={ctx.lang} asOf={[...new Set(rows.filter((r) => r.party && !r.party.party_demo).flatMap((r) => (props.statusAsOf?.get(r.id) ? [props.statusAsOf.get(r.id)!] : [])))].sort()} />
        <LegalBasisLink ctx={ctx} from={iso3} />
      </section>

      <section aria-labelledby="laws-heading">
        <h2 id="laws-heading">
          {t('laws_heading')} <span class="count">({formatNumber(ctx.lang, model.laws.total)})</span>
        </h2>
        {model.laws.items.length ? (
          <>
            <ul class="entry-list">
              {model.laws.items.map((law) => {
                const title = pickText(law.titles, ctx.lang, { mt: law.mt_langs });
                return (
                  <li class="entry-list__item">
                    <a href={href(ctx, lawPath(law.id))}>
                      <Content page={ctx.lang} lang={title?.lang}>
                        {title?.text ?? law.id}
                      </Content>
                    </a>
                    <span class="entry-list__meta">
                      {law.citation ? <span dir="auto">{law.citation}</span> : null}
                      <span>{t('extracts_count', { count: law.extract_count })}</span>
                      {law.demo ? <span class="badge badge--demo">{c('demo_badge')}</span> : null}
                    </span>
                  </li>
                );
              })}
            </ul>
            {model.laws.total > model.laws.items.length ? <p class="muted">{t('laws_more', { shown: model.laws.items.length, total: model.laws.total })}</p> : null}
          </>
        ) : (
          <p class="muted">{t('nothing_yet')}</p>
        )}
      </section>
 {model.legislation.total ? (
        <Block ctx={ctx} model={model} id="legislation-heading" heading={t('legislation_heading')} block={model.legislation} search={{ country: iso3, type: 'legislation' }} searchLabel={t('search_legislation')} />
      ) : null}
      <Block ctx={ctx} model={model} id="cases-decided-heading" heading={t('cases_decided')} block={model.casesDecided} search={{ country: iso3, type: 'case' }} searchLabel={t('search_cases')} />
      <Block ctx={ctx} model={model} id="cases-cooperated-heading" heading={t('cases_cooperated')} block={model.casesCooperated} showCountry search={{ country: iso3, type: 'case' }} searchLabel={t('search_cases')} />
      <Block ctx={ctx} model={model} id="strategies-heading" heading={c('nav_strategies')} block={model.strategies} search={{ country: iso3, type: 'strategy' }} searchLabel={t('search_strategies')} />
    </Layout>
  );
}
