/**
 * /{lang}/networks/admin (administrators): the networks, a form creating one, and for each network a
 * page editing it (names in the six languages, region, member States, secretariat authority) and
 * listing who holds its secretariat role, with a form granting it by e-mail and a button revoking it.
 * No JavaScript; refused input shows the form again with the field named.
 */
import { CsrfField, Layout } from '../../../platform/web/layout.js';
import { INTL_LOCALE, LANGS } from '../../../platform/i18n/languages.js';
import { href, type PageContext } from '../../../platform/web/page.js';
import type { RoleHolder } from '../../accounts/index.js';
import type { NetworkDetail, NetworkRow } from '../repository.js';
import { FormRow, type Issues } from './case-fields.js';
import { netT } from './ui.js';

type Form = 'network' | 'grant';

export function NetworksAdminPage(props: { ctx: PageContext; networks: NetworkRow[]; values?: Record<string, string>; issues?: Issues }) {
  const { ctx } = props;
  const t = netT(ctx.lang);
  return (
    <Layout ctx={ctx} title={t('admin_title')} section="casework">
      <p>
        <a href={href(ctx, '/networks')}>{t('title')}</a>
      </p>
      <h1>{t('admin_title')}</h1>
      <ul>
        {props.networks.map((n) => (
          <li>
            <a href={href(ctx, `/networks/admin/${n.id}`)}>
              <strong>{n.acronym}</strong>
            </a>{' '}
            — <span dir="auto">{n.names[ctx.lang] || n.name}</span>
          </li>
        ))}
      </ul>
      <h2 id="net-new">{t('admin_new')}</h2>
      <NetworkForm ctx={ctx} action="/networks/admin" creating values={props.values ?? {}} issues={props.issues ?? []} />
    </Layout>
  );
}

function NetworkForm(props: { ctx: PageContext; action: string; creating?: boolean; values: Record<string, string>; issues: Issues }) {
  const { ctx, values: v, issues } = props;
  const t = netT(ctx.lang);
  const languages = new Intl.DisplayNames([INTL_LOCALE[ctx.lang]], { type: 'language' });
  const input = (id: string, name: string, label: string, max: number, required = true) => (
    <FormRow id={id} name={name} label={label} issues={issues}>
      <input id={id} name={name} value={v[name] ?? ''} maxLength={max} required={required} dir="auto" aria-describedby={issues.some((i) => i.field === name) ? `${id}-e` : undefined} />
    </FormRow>
  );
  return (
    <form method="post" action={href(ctx, props.action)} class="dir-form">
      <CsrfField ctx={ctx} />
      {props.creating ? input('na-id', 'id', t('f_network_id'), 41) : null}
      {input('na-acronym', 'acronym', t('f_acronym'), 40)}
      {LANGS.map((l) => input(`na-name-${l}`, `name_${l}`, t('f_network_name', { language: languages.of(l) ?? l }), 400))}
      {input('na-region', 'region', t('f_region'), 200)}
      <FormRow id="na-members" name="members" label={t('f_members')} issues={issues}>
        <textarea id="na-members" name="members" rows={3} aria-describedby={issues.some((i) => i.field === 'members') ? 'na-members-e' : undefined}>{v.members ?? ''}</textarea>
      </FormRow>
      {input('na-secretariat', 'secretariat_authority_id', t('f_secretariat_authority'), 120, false)}
      <button type="submit">{props.creating ? t('admin_create_submit') : t('admin_save_submit')}</button>
    </form>
  );
}

/** The submitted form's values for a network as stored. */
export function networkValues(n: NetworkDetail): Record<string, string> {
  return { acronym: n.acronym, region: n.region, members: n.members.join(' '), secretariat_authority_id: n.secretariat_authority_id ?? '', ...Object.fromEntries(LANGS.map((l) => [`name_${l}`, n.names[l] ?? (l === 'en' ? n.name : '')])) };
}

export function NetworkAdminPage(props: { ctx: PageContext; network: NetworkDetail; secretariat: RoleHolder[]; form?: Form; values?: Record<string, string>; issues?: Issues }) {
  const { ctx, network } = props;
  const t = netT(ctx.lang);
  const of = (f: Form) => (props.form === f ? (props.issues ?? []) : []);
  return (
    <Layout ctx={ctx} title={`${network.acronym} — ${t('admin_title')}`} section="casework">
      <p>
        <a href={href(ctx, '/networks/admin')}>{t('admin_title')}</a>
      </p>
      <h1>{network.acronym}</h1>
      <NetworkForm ctx={ctx} action={`/networks/admin/${network.id}`} values={props.form === 'network' ? (props.values ?? {}) : networkValues(network)} issues={of('network')} />
      <section aria-labelledby="net-sec">
        <h2 id="net-sec">{t('secretariat_heading')}</h2>
        {props.secretariat.length ? (
          <ul>
            {props.secretariat.map((u) => (
              <li>
                <span dir="auto">{u.name}</span> ({u.email})
                <form method="post" action={href(ctx, `/networks/admin/${network.id}/secretariat/remove`)} class="jit-inline">
                  <CsrfField ctx={ctx} />
                  <input type="hidden" name="user_id" value={u.id} />
                  <button type="submit" class="secondary">{t('secretariat_revoke')}</button>
                </form>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('secretariat_empty')}</p>
        )}
        <form method="post" action={href(ctx, `/networks/admin/${network.id}/secretariat`)} class="dir-form">
          <CsrfField ctx={ctx} />
          <FormRow id="ns-email" name="email" label={t('f_secretariat_email')} issues={of('grant')}>
            <input id="ns-email" name="email" type="email" required maxLength={254} value={props.form === 'grant' ? (props.values?.email ?? '') : ''} />
          </FormRow>
          <button type="submit">{t('secretariat_grant')}</button>
        </form>
      </section>
    </Layout>
  );
}
