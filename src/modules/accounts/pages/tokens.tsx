/** API tokens and the practitioner request, on the account pages. */
import type { FastifyRequest } from 'fastify';
import type { App } from '../../../platform/http/app.js';
import { pickLocalized } from '../../../platform/i18n/languages.js';
import { formatDate } from '../../../platform/i18n/messages.js';
import { href, pageContext, type PageContext } from '../../../platform/web/page.js';
import { type Actor, type Action, allow, grantableScopes } from '../../access/index.js';
import { isRequestable, listCountries } from '../../reference/index.js';
import { createApiToken, forcedRevocationNotice, listApiTokens, revokeToken, type CreatedToken } from '../api-tokens.js';
import { auditContext, envOf } from '../http/hooks.js';
import { myPractitionerRequests, requestPractitionerStatus } from '../practitioners.js';
import { AccountMenu, requireUser } from './account.js';
import { ErrorSummary, Field, Notice, PostForm, bodyOf, formError, sendAccountPage, str, tr, type PageIssue } from './components.js';

export type ForcedRevocation = Awaited<ReturnType<typeof forcedRevocationNotice>>;

/** Tells the owner that a security event revoked their tokens (security and tokens pages). */
export function RevokedTokensNotice({ ctx, revocation, link }: { ctx: PageContext; revocation: ForcedRevocation; link?: boolean }) {
  if (!revocation) return null;
  const t = tr(ctx);
  return (
    <Notice kind="warn">
      <p data-testid="tokens-revoked">{t('tokens_revoked_notice', { count: revocation.count, reason: revocation.reason, date: formatDate(ctx.lang, revocation.at, 'long') })}</p>
      {link ? (
        <p>
          <a href={href(ctx, '/account/tokens')}>{t('tokens_revoked_action')}</a>
        </p>
      ) : null}
    </Notice>
  );
}

function TokensPage({ ctx, actor, tokens, created, issues, values, revocation }: { ctx: PageContext; actor: Actor; tokens: Awaited<ReturnType<typeof listApiTokens>>; created?: CreatedToken; issues: PageIssue[]; values: Record<string, unknown>; revocation: ForcedRevocation }) {
  const t = tr(ctx);
  const scopes = grantableScopes(actor);
  const chosen = new Set(([] as unknown[]).concat(values.scopes ?? []).map(String));
  const now = Date.now();
  return (
    <>
      <h1>{t('tokens_title')}</h1>
      <AccountMenu ctx={ctx} current="/account/tokens" />
      <p>{t('tokens_intro')}</p>
      {created ? null : <RevokedTokensNotice ctx={ctx} revocation={revocation} />}
      {created ? (
        <Notice kind="ok">
          <p>{t('token_created')}</p>
          <p>
            <code class="secret break-all" data-testid="api-token">{created.token}</code>
          </p>
        </Notice>
      ) : null}
      <ErrorSummary t={t} issues={issues} labels={{ name: t('field_token_name'), scopes: t('field_scopes'), expires_in_days: t('field_expires') }} />
      {tokens.length ? (
        <div class="table-wrap">
          <table>
            <caption>{t('tokens_caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('field_token_name')}</th>
                <th scope="col">{t('field_scopes')}</th>
                <th scope="col">{t('col_expires')}</th>
                <th scope="col">{t('col_last_used')}</th>
                <th scope="col">{t('col_actions')}</th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((tk) => {
                const live = !tk.revoked_at && new Date(tk.expires_at).getTime() > now;
                return (
                  <tr>
                    <td dir="auto">
                      {tk.name} <code>{tk.prefix}…</code>
                    </td>
                    <td>{tk.scopes.join(', ')}</td>
                    <td>{formatDate(ctx.lang, new Date(tk.expires_at), 'medium')}</td>
                    <td>{tk.last_used_at ? formatDate(ctx.lang, new Date(tk.last_used_at), 'medium') : '—'}</td>
                    <td>
                      {live ? (
                        <PostForm ctx={ctx} action={href(ctx, `/account/tokens/${tk.id}/revoke`)} class="inline-form">
                          <button type="submit" class="secondary">{t('revoke_button')}</button>
                        </PostForm>
                      ) : (
                        <span class="badge">{tk.revoked_at ? t('token_revoked') : t('token_expired')}</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      <h2>{t('token_new_title')}</h2>
      <PostForm ctx={ctx} action={href(ctx, '/account/tokens')}>
        <Field name="name" label={t('field_token_name')} value={str(values.name)} issues={issues} maxLength={100} dirAuto />
        <Field name="expires_in_days" type="number" label={t('field_expires')} value={str(values.expires_in_days) ?? '90'} issues={issues} maxLength={3} />
        <fieldset class="checkboxes" aria-describedby={issues.some((i) => i.field === 'scopes') ? 'f-scopes-error' : undefined}>
          <legend>{t('field_scopes')}</legend>
          {issues.some((i) => i.field === 'scopes') ? <span id="f-scopes-error" class="field-error">{issues.find((i) => i.field === 'scopes')!.message}</span> : null}
          {scopes.map((s: Action) => (
            <div>
              <input type="checkbox" id={`scope-${s}`} name="scopes" value={s} checked={chosen.has(s)} />
              <label for={`scope-${s}`}>
                <code>{s}</code>
              </label>
            </div>
          ))}
        </fieldset>
        <button type="submit">{t('token_create_button')}</button>
      </PostForm>
    </>
  );
}

type Requests = Awaited<ReturnType<typeof myPractitionerRequests>>;

function PractitionerPage({ ctx, actor, requests, countries, issues, values, done }: { ctx: PageContext; actor: Actor; requests: Requests; countries: { iso3: string; name: string }[]; issues: PageIssue[]; values: Record<string, unknown>; done?: boolean }) {
  const t = tr(ctx);
  const may = allow(actor, 'practitioner.request');
  const pending = requests.some((r) => r.status === 'pending');
  return (
    <>
      <h1>{t('practitioner_title')}</h1>
      <AccountMenu ctx={ctx} current="/account/practitioner" />
      <p>{t('practitioner_intro')}</p>
      {done ? <Notice kind="ok">{t('practitioner_sent')}</Notice> : null}
      {!may ? <Notice kind="ok">{t('practitioner_already')}</Notice> : null}
      {requests.length ? (
        <ul class="request-list">
          {requests.map((r) => (
            <li>
              <span dir="auto">{r.authority_name}</span> — <span dir="auto">{r.function}</span> ({r.country}) · {formatDate(ctx.lang, new Date(r.created_at), 'medium')} ·{' '}
              <strong>{t(`status_${r.status}`)}</strong>
              {r.reason ? (
                <p dir="auto" class="muted">
                  {r.reason}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {may && !pending ? (
        <>
          <ErrorSummary t={t} issues={issues} labels={{ authority_name: t('field_authority'), function: t('field_function'), country: t('field_country') }} />
          <PostForm ctx={ctx} action={href(ctx, '/account/practitioner')}>
            <Field name="authority_name" label={t('field_authority')} value={str(values.authority_name)} issues={issues} maxLength={300} dirAuto />
            <Field name="function" label={t('field_function')} value={str(values.function)} issues={issues} maxLength={200} dirAuto />
            <div class="form-row">
              <label for="f-country">{t('field_country')}</label>
              {issues.some((i) => i.field === 'country') ? <span id="f-country-error" class="field-error">{issues.find((i) => i.field === 'country')!.message}</span> : null}
              <select id="f-country" name="country" required aria-describedby={issues.some((i) => i.field === 'country') ? 'f-country-error' : undefined}>
                <option value="">{t('choose')}</option>
                {countries.map((c) => (
                  <option value={c.iso3} selected={c.iso3 === values.country}>
                    {c.name}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit">{t('practitioner_button')}</button>
          </PostForm>
        </>
      ) : null}
    </>
  );
}

export async function countryOptions(app: App, ctx: PageContext) {
  // A practitioner works for a State's authority (or that of an area with its own regime): never another area.
  const list = (await listCountries(app.db)).filter(isRequestable);
  return list
    .map((c) => ({ iso3: c.iso3, name: pickLocalized(c.names, ctx.lang)?.text ?? c.iso3 }))
    .sort((a, b) => a.name.localeCompare(b.name, ctx.lang));
}

export async function tokenPages(app: App) {
  const tokensPage = async (request: FastifyRequest, extra: { created?: CreatedToken; issues?: PageIssue[]; values?: Record<string, unknown> }) => {
    const { actor } = requireUser(request);
    const ctx = pageContext(request);
    const [tokens, revocation] = await Promise.all([listApiTokens(app.db, actor), forcedRevocationNotice(app.db, actor)]);
    return { ctx, node: <TokensPage ctx={ctx} actor={actor} tokens={tokens} created={extra.created} issues={extra.issues ?? []} values={extra.values ?? {}} revocation={revocation} /> };
  };

  app.get('/account/tokens', async (request, reply) => {
    const { ctx, node } = await tokensPage(request, {});
    return sendAccountPage(reply, ctx, tr(ctx)('tokens_title'), node);
  });

  app.post('/account/tokens', async (request, reply) => {
    requireUser(request);
    const body = bodyOf(request);
    try {
      const created = await createApiToken(app.db, await envOf(app), auditContext(request), body);
      const { ctx, node } = await tokensPage(request, { created });
      return sendAccountPage(reply, ctx, tr(ctx)('tokens_title'), node);
    } catch (err) {
      const fe = formError(tr(pageContext(request)), err);
      if (!fe) throw err;
      const { ctx, node } = await tokensPage(request, { issues: fe.issues, values: { name: str(body.name)?.slice(0, 100), expires_in_days: str(body.expires_in_days)?.slice(0, 4), scopes: body.scopes } });
      return sendAccountPage(reply, ctx, tr(ctx)('tokens_title'), node, fe.status);
    }
  });

  app.post('/account/tokens/:id/revoke', async (request, reply) => {
    requireUser(request);
    const ctx = pageContext(request);
    await revokeToken(app.db, auditContext(request), (request.params as { id: string }).id);
    return reply.redirect(href(ctx, '/account/tokens'), 303);
  });

  const practitionerPage = async (request: FastifyRequest, issues: PageIssue[], values: Record<string, unknown>, done?: boolean) => {
    const { actor } = requireUser(request);
    const ctx = pageContext(request);
    const [requests, countries] = await Promise.all([myPractitionerRequests(app.db, actor), countryOptions(app, ctx)]);
    return { ctx, node: <PractitionerPage ctx={ctx} actor={actor} requests={requests} countries={countries} issues={issues} values={values} done={done} /> };
  };

  app.get('/account/practitioner', async (request, reply) => {
    const { ctx, node } = await practitionerPage(request, [], {}, str((request.query as Record<string, unknown>).done) === '1');
    return sendAccountPage(reply, ctx, tr(ctx)('practitioner_title'), node);
  });

  app.post('/account/practitioner', async (request, reply) => {
    requireUser(request);
    const body = bodyOf(request);
    const ctx = pageContext(request);
    try {
      const countries = new Set((await listCountries(app.db)).filter(isRequestable).map((c) => c.iso3));
      await requestPractitionerStatus(app.db, auditContext(request), body, countries);
      return reply.redirect(href(ctx, '/account/practitioner', { done: 1 }), 303);
    } catch (err) {
      const fe = formError(tr(ctx), err);
      if (!fe) throw err;
      const r = await practitionerPage(request, fe.issues, { authority_name: str(body.authority_name)?.slice(0, 300), function: str(body.function)?.slice(0, 200), country: str(body.country) });
      return sendAccountPage(reply, r.ctx, tr(ctx)('practitioner_title'), r.node, fe.status);
    }
  });
}
