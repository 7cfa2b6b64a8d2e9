/**
 * National e-evidence provisions of a State: its legislation tagged "electronic evidence" and its
 * authorities' e-evidence requirements. Shown on the hub (with a country selector) and on the
 * country page (portal).
 */
import { pickLocalized } from '../../../platform/i18n/languages.js';
import { formatNumber, translator } from '../../../platform/i18n/messages.js';
import { common } from '../../../platform/web/common.messages.js';
import { href, type PageContext } from '../../../platform/web/page.js';
import { entryPath } from '../../knowledge/index.js';
import type { NationalProvisionsModel } from '../provisions.js';
import { DemoBadge, Localized, provT } from './ui.js';

export function NationalProvisions(props: { ctx: PageContext; model: NationalProvisionsModel; heading?: 'h2' | 'h3' }) {
  const { ctx, model } = props;
  const t = provT(ctx.lang);
  const c = translator(common, ctx.lang);
  const H = props.heading ?? 'h2';
  const Sub = H === 'h2' ? 'h3' : 'h4';
  return (
    <section aria-labelledby="e-evidence-provisions" class="e-evidence-provisions">
      <H id="e-evidence-provisions">{t('provisions_heading')}</H>
      <Sub>
        {t('provisions_legislation')} <span class="count">({formatNumber(ctx.lang, model.legislation.total)})</span>
      </Sub>
      {model.legislation.items.length ? (
        <ul class="entry-list">
          {model.legislation.items.map((e) => {
            const title = pickLocalized(e.titles, ctx.lang);
            return (
              <li class="entry-list__item">
                <a href={href(ctx, entryPath('legislation', e.id))}>
                  <span dir="auto" lang={title && title.lang !== ctx.lang ? title.lang : undefined}>
                    {title?.text ?? e.id}
                  </span>
                </a>
                {e.demo ? <span class="badge badge--demo">{c('demo_badge')}</span> : null}
              </li>
            );
          })}
        </ul>
      ) : (
        <p class="muted">{t('provisions_legislation_none')}</p>
      )}
      {model.legislation.total > model.legislation.items.length ? (
        <p>
          <a href={href(ctx, '/search', { type: 'legislation', country: model.iso3, issue: 'electronic-evidence' })}>{t('provisions_search_all', { count: model.legislation.total })}</a>
        </p>
      ) : null}
      <Sub>{t('provisions_authorities')}</Sub>
      {model.authorities.length ? (
        <ul class="results">
          {model.authorities.map((a) => (
            <li class="result">
              <p>
                <a href={href(ctx, `/directory/authorities/${a.doc.id}`)}>
                  <Localized ctx={ctx} texts={a.doc.names} />
                </a>
                <DemoBadge ctx={ctx} demo={a.demo} />
                {a.doc.functions.some((f) => f.code === 'cyber-24-7') ? (
                  <>
                    {' '}
                    <span class="badge">{t('provisions_contact_point')}</span>
                  </>
                ) : null}
              </p>
              {a.doc.e_evidence?.preservation ? (
                <>
                  <p class="muted">{t('provisions_preservation')}</p>
                  <Localized ctx={ctx} texts={a.doc.e_evidence.preservation} block />
                </>
              ) : null}
              {a.doc.e_evidence?.disclosure ? (
                <>
                  <p class="muted">{t('provisions_disclosure')}</p>
                  <Localized ctx={ctx} texts={a.doc.e_evidence.disclosure} block />
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{t('provisions_authorities_none')}</p>
      )}
      <p>
        <a href={href(ctx, '/e-evidence', { country: model.iso3 })}>{t('provisions_hub_link')}</a>
      </p>
    </section>
  );
}
