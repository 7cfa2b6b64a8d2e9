/** /{lang}/e-evidence/providers/{id}: one service provider, the fields this reader may see. */
import type { ComponentChildren } from 'preact';
import { formatDate } from '../../../platform/i18n/messages.js';
import { Layout } from '../../../platform/web/layout.js';
import { href, type PageContext } from '../../../platform/web/page.js';
import { languageName } from '../../directory/index.js';
import { countryName, type Country } from '../../reference/index.js';
import { pickLocalized } from '../../../platform/i18n/languages.js';
import { REQUEST_KINDS, type Channel } from '../domain/schema.js';
import type { ProviderDetail } from '../service.js';
import { Crumbs, DemoBadge, Localized, provT, RestrictedNote } from './ui.js';

function Row(props: { label: string; children: ComponentChildren }) {
  return (
    <>
      <dt>{props.label}</dt>
      <dd>{props.children}</dd>
    </>
  );
}

function ChannelList(props: { ctx: PageContext; channel: Channel }) {
  const t = provT(props.ctx.lang);
  const c = props.channel;
  return (
    <ul class="plain-list">
      {c.portal ? (
        <li>
          {t('ch_portal')}: <a href={c.portal} rel="noopener noreferrer" dir="ltr">{c.portal}</a>
        </li>
      ) : null}
      {c.email ? (
        <li>
          {t('ch_email')}: <a href={`mailto:${c.email}`} dir="ltr">{c.email}</a>
        </li>
      ) : null}
      {c.address ? (
        <li>
          {t('ch_address')}:{' '}
          <span dir="auto" class="pre-line">
            {c.address}
          </span>
        </li>
      ) : null}
      {c.note ? (
        <li>
          <Localized ctx={props.ctx} texts={c.note} />
        </li>
      ) : null}
    </ul>
  );
}

export function ProviderPage(props: { ctx: PageContext; p: ProviderDetail; countries: readonly Country[] }) {
  const { ctx, p } = props;
  const t = provT(ctx.lang);
  const d = p.doc;
  const name = pickLocalized(d.names, ctx.lang)?.text ?? d.id;
  return (
    <Layout ctx={ctx} title={name} description={t('provider_description', { name })} canonical={`/e-evidence/providers/${d.id}`} section="e-evidence" demo={p.demo}>
      <Crumbs ctx={ctx} items={[{ label: t('providers_title'), path: '/e-evidence/providers' }, { label: name }]} />
      <h1>
        <Localized ctx={ctx} texts={d.names} />
        <DemoBadge ctx={ctx} demo={p.demo} />
        {p.state === 'archived' ? (
          <>
            {' '}
            <span class="badge">{t('badge_archived')}</span>
          </>
        ) : null}
      </h1>
      {p.withheld ? <RestrictedNote ctx={ctx} /> : null}
      {p.actions.includes('edit') ? (
        <p>
          <a href={href(ctx, `/e-evidence/providers/${d.id}/edit`)}>{t('editor_link')}</a>
        </p>
      ) : null}
      <dl class="meta">
        <Row label={t('f_country')}>{countryName(props.countries, d.country, ctx.lang)}</Row>
        {d.legal_entity ? (
          <Row label={t('f_legal_entity')}>
            <span dir="auto">{d.legal_entity}</span>
          </Row>
        ) : null}
        <Row label={t('f_services')}>{d.services.map((s) => t(`service_${s}`)).join(' · ')}</Row>
        {d.website ? (
          <Row label={t('f_website')}>
            <a href={d.website} rel="noopener noreferrer" dir="ltr">
              {d.website}
            </a>
          </Row>
        ) : null}
        {d.languages?.length ? <Row label={t('f_languages')}>{d.languages.map((l) => languageName(ctx.lang, l)).join(' · ')}</Row> : null}
        <Row label={t('f_verified')}>{d.verified ? formatDate(ctx.lang, d.verified.on, 'medium') : t('never_verified')}</Row>
      </dl>

      {d.data?.length ? (
        <section aria-labelledby="data-heading">
          <h2 id="data-heading">{t('f_data')}</h2>
          <div class="table-wrap" role="region" aria-labelledby="data-heading" tabIndex={0}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('f_category')}</th>
                  <th scope="col">{t('f_retention')}</th>
                </tr>
              </thead>
              <tbody>
                {d.data.map((x) => (
                  <tr>
                    <th scope="row">{t(`category_${x.category}`)}</th>
                    <td>
                      {x.retention_days !== undefined ? t('days', { count: x.retention_days }) : null}
                      {x.retention_days !== undefined && x.retention ? ' — ' : null}
                      {x.retention ? <Localized ctx={ctx} texts={x.retention} /> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      {d.requests && Object.keys(d.requests).length ? (
        <section aria-labelledby="requests-heading">
          <h2 id="requests-heading">{t('f_requests')}</h2>
          <dl class="meta">
            {REQUEST_KINDS.map((k) => {
              const channel = d.requests?.[k];
              return channel ? (
                <Row label={t(`req_${k}`)}>
                  <ChannelList ctx={ctx} channel={channel} />
                </Row>
              ) : null;
            })}
          </dl>
          <p>
            <a href={href(ctx, '/e-evidence/checklists/preservation')}>{t('checklist_preservation')}</a> · <a href={href(ctx, '/e-evidence/checklists/disclosure')}>{t('checklist_disclosure')}</a> ·{' '}
            <a href={href(ctx, '/e-evidence/checklists/emergency')}>{t('checklist_emergency')}</a>
          </p>
        </section>
      ) : null}

      {d.emergency_contact ? (
        <section aria-labelledby="emergency-heading">
          <h2 id="emergency-heading">
            {t('f_emergency_contact')} <span class="badge">{t('badge_practitioners')}</span>
          </h2>
          <dl class="meta">
            {d.emergency_contact.name ? (
              <Row label={t('ec_name')}>
                <span dir="auto">{d.emergency_contact.name}</span>
              </Row>
            ) : null}
            {d.emergency_contact.phone ? (
              <Row label={t('ec_phone')}>
                <a href={`tel:${d.emergency_contact.phone.replace(/[^+0-9]/g, '')}`} dir="ltr">
                  {d.emergency_contact.phone}
                </a>
              </Row>
            ) : null}
            {d.emergency_contact.email ? (
              <Row label={t('ec_email')}>
                <a href={`mailto:${d.emergency_contact.email}`} dir="ltr">
                  {d.emergency_contact.email}
                </a>
              </Row>
            ) : null}
            {d.emergency_contact.hours ? (
              <Row label={t('ec_hours')}>
                <span dir="auto">{d.emergency_contact.hours}</span>
              </Row>
            ) : null}
          </dl>
        </section>
      ) : null}

      {d.user_notification || d.content_requires_mla ? (
        <section aria-labelledby="policy-heading">
          <h2 id="policy-heading">{t('policy_heading')}</h2>
          <dl class="meta">
            {d.user_notification ? (
              <Row label={t('f_user_notification')}>
                {t(`notification_${d.user_notification.policy}`)}
                {d.user_notification.note ? <Localized ctx={ctx} texts={d.user_notification.note} block /> : null}
              </Row>
            ) : null}
            {d.content_requires_mla ? (
              <Row label={t('f_content_mla')}>
                {t(`yn_${d.content_requires_mla.value}`)}
                {d.content_requires_mla.note ? <Localized ctx={ctx} texts={d.content_requires_mla.note} block /> : null}
              </Row>
            ) : null}
          </dl>
        </section>
      ) : null}

      {d.notes ? (
        <section aria-labelledby="notes-heading">
          <h2 id="notes-heading">{t('f_notes')}</h2>
          <Localized ctx={ctx} texts={d.notes} block />
        </section>
      ) : null}
    </Layout>
  );
}
