/** /{lang}/admin/exchange: this node's keys, the partner nodes, adding and confirming them, revocation (exchange.manage). */
import { CsrfField, Layout } from '../../../platform/web/layout.js';
import { href, type PageContext } from '../../../platform/web/page.js';
import type { OwnKeyView } from '../identity-service.js';
import type { PartnerView } from '../trust-service.js';
import { readableFingerprint } from '../domain/descriptor.js';
import { exT, Problem, type ET } from './ui.js';

const useLabel = (t: ET, use: string) => (use === 'sig' ? t('key_use_sig') : t('key_use_enc'));

export interface AdminData {
  configured: boolean;
  nodeId: string;
  ownKeys: OwnKeyView[];
  partners: PartnerView[];
}

function PartnerCard({ ctx, t, p }: { ctx: PageContext; t: ET; p: PartnerView }) {
  const pending = p.keys.filter((k) => !k.confirmedAt && !k.revokedAt);
  const base = `/admin/exchange/partners/${p.id}`;
  return (
    <section aria-labelledby={`partner-${p.id}`} class="card">
      <h3 id={`partner-${p.id}`}>
        <span dir="auto">{p.name}</span> · <code dir="ltr">{p.nodeId}</code> · {p.country} · {t(p.state === 'confirmed' ? 'state_confirmed' : p.state === 'revoked' ? 'state_revoked' : 'state_pending')}
      </h3>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('key_use')}</th>
              <th scope="col">{t('key_fingerprint')}</th>
              <th scope="col">{t('key_state')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('revoke_key_button')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {p.keys.map((k) => (
              <tr>
                <td>{useLabel(t, k.use)}</td>
                <td>
                  <code dir="ltr">{k.fingerprint}</code>
                </td>
                <td>{t(k.revokedAt ? 'state_revoked' : !k.confirmedAt ? 'state_pending' : k.retired ? 'state_retired' : 'state_confirmed')}</td>
                <td>
                  {k.revokedAt ? null : (
                    <form method="post" action={href(ctx, `${base}/keys/${encodeURIComponent(k.kid)}/revoke`)}>
                      <CsrfField ctx={ctx} />
                      <button type="submit" class="button-secondary">
                        {t('revoke_key_button')}
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pending.length && p.state !== 'revoked' ? (
        <form method="post" action={href(ctx, `${base}/confirm`)}>
          <CsrfField ctx={ctx} />
          <fieldset>
            <legend>{t('confirm_hint')}</legend>
            {pending.map((k) => (
              <label class="checkbox">
                <input type="checkbox" name="fingerprints" value={k.kid} /> {useLabel(t, k.use)} <code dir="ltr">{k.fingerprint}</code>
              </label>
            ))}
          </fieldset>
          <button type="submit">{t('confirm_button')}</button>
        </form>
      ) : null}
      {p.state !== 'revoked' ? (
        <form method="post" action={href(ctx, `${base}/revoke`)}>
          <CsrfField ctx={ctx} />
          <button type="submit" class="button-secondary">
            {t('revoke_partner_button')}
          </button>
        </form>
      ) : null}
    </section>
  );
}

export function ExchangeAdminPage({ ctx, data, problem }: { ctx: PageContext; data: AdminData; problem: string | null }) {
  const t = exT(ctx.lang);
  return (
    <Layout ctx={ctx} title={t('admin_title')} section="admin">
      <h1>{t('admin_title')}</h1>
      <p class="lead">{t('admin_intro')}</p>
      <Problem message={problem} />
      {!data.configured ? <p>{t('not_configured')}</p> : null}
      <section aria-labelledby="own-node">
        <h2 id="own-node">
          {t('own_node')} · <code dir="ltr">{data.nodeId}</code>
        </h2>
        <p>{t('own_keys_hint')}</p>
        <ul>
          {data.ownKeys.map((k) => (
            <li>
              {useLabel(t, k.use)}: <code dir="ltr">{readableFingerprint(k.kid)}</code> ({t(k.revokedAt ? 'state_revoked' : k.retiredAt ? 'state_retired' : 'state_active')})
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="partners">
        <h2 id="partners">{t('partners')}</h2>
        {data.partners.length ? data.partners.map((p) => <PartnerCard ctx={ctx} t={t} p={p} />) : <p>{t('partners_none')}</p>}
      </section>
      <section aria-labelledby="add-partner">
        <h2 id="add-partner">{t('add_partner')}</h2>
        <form method="post" action={href(ctx, '/admin/exchange/partners')}>
          <CsrfField ctx={ctx} />
          <label for="descriptor-url">{t('descriptor_url')}</label>
          <input id="descriptor-url" name="url" type="url" dir="ltr" maxLength={2000} />
          <label for="descriptor-json">{t('descriptor_json')}</label>
          <textarea id="descriptor-json" name="descriptor" rows={8} dir="ltr" maxLength={256 * 1024}></textarea>
          <button type="submit">{t('add_button')}</button>
        </form>
      </section>
    </Layout>
  );
}
