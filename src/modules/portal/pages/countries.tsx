/** /{lang}/countries: every State and territory by UN M49 region and sub-region, in the reader's collation. */
import { translator } from '../../../platform/i18n/messages.js';
import { pickLocalized, type Lang } from '../../../platform/i18n/languages.js';
import { common } from '../../../platform/web/common.messages.js';
import { Layout } from '../../../platform/web/layout.js';
import { href, type PageContext } from '../../../platform/web/page.js';
import { isState, type Country, type Region } from '../../reference/index.js';
import { collatorFor } from '../domain/parties.js';
import { placesMessages } from '../places.messages.js';
import type { CountriesModel } from '../service.js';
import { countryHref, portalT } from '../components/entry.js';
import { Breadcrumbs } from '../components/ui.js';

export function placesT(lang: Lang) {
  return translator(placesMessages, lang);
}

export function regionName(regions: readonly Region[], code: string | null, lang: Lang): string | undefined {
  if (!code) return undefined;
  const r = regions.find((x) => x.code === code);
  return r ? (pickLocalized(r.names, lang)?.text ?? code) : code;
}

export function localName(c: Country, lang: Lang): string {
  return pickLocalized(c.names, lang)?.text ?? c.iso3;
}

interface Group {
  code: string;
  name: string;
  subgroups: { code: string; name: string; countries: Country[] }[];
}

/** Countries grouped by region then sub-region, each level sorted by name in the reader's collation. */
export function groupCountries(countries: readonly Country[], regions: readonly Region[], lang: Lang, otherLabel: string): Group[] {
  const collator = collatorFor(lang);
  const groups = new Map<string, Map<string, Country[]>>();
  for (const c of countries) {
    const region = c.region_code ?? '';
    const sub = c.subregion_code ?? '';
    let g = groups.get(region);
    if (!g) groups.set(region, (g = new Map()));
    const list = g.get(sub);
    if (list) list.push(c);
    else g.set(sub, [c]);
  }
  const out: Group[] = [...groups.entries()].map(([code, subs]) => ({
    code,
    name: code ? (regionName(regions, code, lang) ?? code) : otherLabel,
    subgroups: [...subs.entries()]
      .map(([sub, list]) => ({
        code: sub,
        name: sub ? (regionName(regions, sub, lang) ?? sub) : '',
        countries: list.sort((a, b) => collator.compare(localName(a, lang), localName(b, lang))),
      }))
      .sort((a, b) => (!a.code ? 1 : !b.code ? -1 : collator.compare(a.name, b.name))),
  }));
  return out.sort((a, b) => (!a.code ? 1 : !b.code ? -1 : collator.compare(a.name, b.name)));
}

export function CountriesPage(props: { ctx: PageContext; model: CountriesModel }) {
  const { ctx, model } = props;
  const t = placesT(ctx.lang);
  const c = translator(common, ctx.lang);
  const groups = groupCountries(model.countries, model.regions, ctx.lang, t('region_other'));
  return (
    <Layout ctx={ctx} title={t('countries_title')} description={t('countries_intro')} canonical="/countries" section="countries">
      <Breadcrumbs label={portalT(ctx.lang)('breadcrumbs')} items={[{ label: c('nav_home'), href: href(ctx, '/') }]} />
      <h1>{t('countries_title')}</h1>
      <p class="lead">{t('countries_intro')}</p>
      <nav class="region-nav" aria-label={t('regions_label')}>
        <ul class="inline-list">
          {groups.map((g) => (
            <li>
              <a href={`#region-${g.code || 'other'}`}>{g.name}</a>
            </li>
          ))}
        </ul>
      </nav>
      {groups.map((g) => (
        <section class="region" aria-labelledby={`region-${g.code || 'other'}`}>
          <h2 id={`region-${g.code || 'other'}`}>{g.name}</h2>
          {g.subgroups.map((s) => (
            <div class="subregion">
              {s.name ? <h3 id={`region-${s.code}`}>{s.name}</h3> : null}
              <ul class="country-list">
                {s.countries.map((country) => {
                  const n = model.counts.get(country.iso3) ?? 0;
                  return (
                    <li>
                      <a href={countryHref(ctx, country.iso3)}>{localName(country, ctx.lang)}</a>
                      {isState(country) ? null : <span class="place-kind">{t(`kind_${country.kind}`)}</span>}
                      {n ? <span class="count"> {t('entries_count', { count: n })}</span> : null}
                    </li>
                  );
                })}
              </ul>
            </div>
          ))}
        </section>
      ))}
    </Layout>
  );
}
