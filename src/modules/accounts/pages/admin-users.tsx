/** Administration: index, users and their roles, practitioner requests. */
import type { FastifyRequest } from 'fastify';
import type { App } from '../../../platform/http/app.js';
import { formatDate, translator } from '../../../platform/i18n/messages.js';
import { href, pageContext, type PageContext } from '../../../platform/web/page.js';
import { type Actor, administers, assertAllowed, scopeOf, ROLE_NAMES } from '../../access/index.js';
import { isRequestable, listCountries } from '../../reference/index.js';
import { jobsMessages } from '../admin-jobs.messages.js';
import { assignRole, getUserDetail, listUsers, resetSecondFactor, revokeRole, setUserDisabled } from '../admin.js';
import { auditContext, envOf } from '../http/hooks.js';
import { decidePractitioner, practitionerRequestsToDecide } from '../practitioners.js';
import { countryOptions } from './tokens.js';
import { ErrorSummary, Field, Notice, PostForm, TextArea, bodyOf, formError, sendAccountPage, str, tr, type AT, type PageIssue } from './components.js';
import { afterMail } from './register.js';


function AdminIndex({ ctx, actor }: { ctx: PageContext; actor: Actor }) {
  const t = tr(ctx);
  const links = [
    ['users.read', '/admin/users', t('admin_users')],
    ['practitioner.approve', '/admin/practitioner-requests', t('admin_requests')],
    ['audit.read', '/admin/audit', t('admin_audit')],
    ['outbox.read', '/admin/outbox', t('admin_outbox')],
    ['jobs.manage', '/admin/jobs', translator(jobsMessages, ctx.lang)('admin_jobs')],
    ['backups.read', '/admin/backups', t('admin_backups')],
  ] as const;
  return (
    <>
      <h1>{t('admin_title')}</h1>
      <ul class="admin-links">
        {links
          .filter(([action]) => scopeOf(actor, action).some)
          .map(([, path, label]) => (
            <li>
              <a href={href(ctx, path)}>{label}</a>
            </li>
          ))}
      </ul>
    </>
  );
}

const roleText = (t: AT, g: { role: string; country?: string | null; authorityId?: string | null }) =>
  `${t(`role_${g.role}` as Parameters<AT>[0])}${g.country ? ` (${g.country})` : g.authorityId ? ` (${g.authorityId})` : ''}`;

function UsersPage({ ctx, data, q, role }: { ctx: PageContext; data: Awaited<ReturnType<typeof listUsers>>; q: string; role: string }) {
  const t = tr(ctx);
  return (
    <>
      <h1>{t('admin_users')}</h1>
      <form method="get" action={href(ctx, '/admin/users')} class="search-form" role="search">
        <label for="f-q">{t('users_search')}</label>
        <input id="f-q" type="search" name="q" value={q} maxLength={200} dir="auto" />
        <label for="f-role">{t('field_role')}</label>
        <select id="f-role" name="role">
          <option value="">{t('all_roles')}</option>
          {ROLE_NAMES.map((r) => (
            <option value={r} selected={r === role}>
              {t(`role_${r}`)}
            </option>
          ))}
        </select>
        <button type="submit">{t('search_button')}</button>
      </form>
      <div class="table-wrap">
        <table>
          <caption>{t('admin_users')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('field_name')}</th>
              <th scope="col">{t('field_email')}</th>
              <th scope="col">{t('roles')}</th>
              <th scope="col">{t('col_second_factor')}</th>
              <th scope="col">{t('col_status')}</th>
            </tr>
          </thead>
          <tbody>
            {data.users.map((u) => (
              <tr>
                <td dir="auto">
                  <a href={href(ctx, `/admin/users/${u.id}`)}>{u.display_name}</a>
                </td>
                <td dir="auto">{u.email}</td>
                <td>{u.grants.map((g) => roleText(t, g)).join(', ') || t('role_registered')}</td>
                <td>{u.totp_enabled_at ? t('yes') : t('no')}</td>
                <td>{u.disabled_at ? t('status_disabled') : u.email_verified_at ? t('status_active') : t('status_unverified')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {data.next ? (
        <p>
          <a href={href(ctx, '/admin/users', { q, role, after: data.next })} rel="next">
            {t('next_page')}
          </a>
        </p>
      ) : null}
    </>
  );
}

function UserPage({ ctx, user, countries, issues, self }: { ctx: PageContext; user: Awaited<ReturnType<typeof getUserDetail>>; countries: { iso3: string; name: string }[]; issues: PageIssue[]; self: boolean }) {
  const t = tr(ctx);
  return (
    <>
      <h1 dir="auto">{user.display_name}</h1>
      <dl class="meta">
        <dt>{t('field_email')}</dt>
        <dd dir="auto">{user.email}</dd>
        <dt>{t('col_registered')}</dt>
        <dd>{formatDate(ctx.lang, new Date(user.created_at), 'medium')}</dd>
        <dt>{t('col_second_factor')}</dt>
        <dd>{user.totp_enabled_at ? t('yes') : t('no')}</dd>
        <dt>{t('col_status')}</dt>
        <dd>{user.disabled_at ? t('status_disabled') : user.email_verified_at ? t('status_active') : t('status_unverified')}</dd>
      </dl>
      <ErrorSummary t={t} issues={issues} labels={{ role: t('field_role'), country: t('field_country'), authority_id: t('field_authority_id') }} />
      <h2>{t('roles')}</h2>
      <ul>
        {user.grants.map((g) => (
          <li>
            {roleText(t, g)}{' '}
            <PostForm ctx={ctx} action={href(ctx, `/admin/users/${user.id}/roles/revoke`)} class="inline-form">
              <input type="hidden" name="grant" value={g.id} />
              <button type="submit" class="secondary">{t('revoke_role_button')}</button>
            </PostForm>
          </li>
        ))}
      </ul>
      <h2>{t('assign_title')}</h2>
      <PostForm ctx={ctx} action={href(ctx, `/admin/users/${user.id}/roles`)}>
        <div class="form-row">
          <label for="f-role">{t('field_role')}</label>
          <select id="f-role" name="role">
            {ROLE_NAMES.map((r) => (
              <option value={r}>{t(`role_${r}`)}</option>
            ))}
          </select>
        </div>
        <div class="form-row">
          <label for="f-country">{t('field_country_focal')}</label>
          <select id="f-country" name="country">
            <option value="">{t('choose')}</option>
            {countries.map((c) => (
              <option value={c.iso3}>{c.name}</option>
            ))}
          </select>
        </div>
        <Field name="authority_id" label={t('field_authority_id')} hint={t('authority_id_hint')} issues={issues} required={false} maxLength={128} />
        <button type="submit">{t('assign_button')}</button>
      </PostForm>
      {self ? null : (
        <>
          <h2>{t('col_status')}</h2>
          <PostForm ctx={ctx} action={href(ctx, `/admin/users/${user.id}/${user.disabled_at ? 'enable' : 'disable'}`)}>
            <button type="submit" class="secondary">{user.disabled_at ? t('enable_account_button') : t('disable_account_button')}</button>
          </PostForm>
          {user.totp_enabled_at ? (
            <PostForm ctx={ctx} action={href(ctx, `/admin/users/${user.id}/reset-second-factor`)}>
              <p>{t('reset_2fa_text')}</p>
              <button type="submit" class="secondary">{t('reset_2fa_button')}</button>
            </PostForm>
          ) : null}
        </>
      )}
    </>
  );
}

type Req = Awaited<ReturnType<typeof practitionerRequestsToDecide>>[number];

function RequestsPage({ ctx, requests, issues, failedId }: { ctx: PageContext; requests: Req[]; issues: PageIssue[]; failedId?: string }) {
  const t = tr(ctx);
  return (
    <>
      <h1>{t('admin_requests')}</h1>
      {!requests.length ? <p>{t('no_requests')}</p> : null}
      {requests.map((r) => (
        <section class="card request-card" aria-labelledby={`r-${r.id}`}>
          <h2 id={`r-${r.id}`} dir="auto">
            {r.user_name}
          </h2>
          <dl class="meta">
            <dt>{t('field_email')}</dt>
            <dd dir="auto">{r.user_email}</dd>
            <dt>{t('field_authority')}</dt>
            <dd dir="auto">{r.authority_name}</dd>
            <dt>{t('field_function')}</dt>
            <dd dir="auto">{r.function}</dd>
            <dt>{t('field_country')}</dt>
            <dd>{r.country}</dd>
          </dl>
          {failedId === r.id ? <ErrorSummary t={t} issues={issues} labels={{ reason: t('field_reason'), decision: t('field_decision') }} /> : null}
          <PostForm ctx={ctx} action={href(ctx, `/admin/practitioner-requests/${r.id}`)}>
            <TextArea name={`reason`} label={t('field_reason')} issues={failedId === r.id ? issues : []} maxLength={2000} />
            <button type="submit" name="decision" value="approve">
              {t('approve_button')}
            </button>{' '}
            <button type="submit" name="decision" value="refuse" class="secondary">
              {t('refuse_button')}
            </button>
          </PostForm>
        </section>
      ))}
    </>
  );
}

export async function adminUserPages(app: App) {
  app.get('/admin', async (request, reply) => {
    const ctx = pageContext(request);
    const actor = request.actor;
    if (!administers(actor)) assertAllowed(actor, 'users.read');
    return sendAccountPage(reply, ctx, tr(ctx)('admin_title'), <AdminIndex ctx={ctx} actor={actor} />, 200, 'admin');
  });

  app.get('/admin/users', async (request, reply) => {
    const ctx = pageContext(request);
    const q = request.query as Record<string, string | undefined>;
    const data = await listUsers(app.db, request.actor, { q: q.q, role: q.role || undefined, after: q.after });
    return sendAccountPage(reply, ctx, tr(ctx)('admin_users'), <UsersPage ctx={ctx} data={data} q={q.q ?? ''} role={q.role ?? ''} />, 200, 'admin');
  });

  const userPage = async (request: FastifyRequest, issues: PageIssue[] = []) => {
    const ctx = pageContext(request);
    const user = await getUserDetail(app.db, request.actor, (request.params as { id: string }).id);
    const countries = await countryOptions(app, ctx);
    return { ctx, node: <UserPage ctx={ctx} user={user} countries={countries} issues={issues} self={user.id === request.actor.userId} /> };
  };

  app.get('/admin/users/:id', async (request, reply) => {
    const { ctx, node } = await userPage(request);
    return sendAccountPage(reply, ctx, tr(ctx)('admin_users'), node, 200, 'admin');
  });

  app.post('/admin/users/:id/roles', async (request, reply) => {
    const ctx = pageContext(request);
    const id = (request.params as { id: string }).id;
    try {
      const countries = new Set((await listCountries(app.db)).filter(isRequestable).map((c) => c.iso3));
      await assignRole(app.db, auditContext(request), id, bodyOf(request), countries);
      return reply.redirect(href(ctx, `/admin/users/${id}`), 303);
    } catch (err) {
      const fe = formError(tr(ctx), err);
      if (!fe) throw err;
      const r = await userPage(request, fe.issues);
      return sendAccountPage(reply, ctx, tr(ctx)('admin_users'), r.node, fe.status, 'admin');
    }
  });

  app.post('/admin/users/:id/roles/revoke', async (request, reply) => {
    const ctx = pageContext(request);
    const id = (request.params as { id: string }).id;
    try {
      await revokeRole(app.db, auditContext(request), id, str(bodyOf(request).grant) ?? '');
      return reply.redirect(href(ctx, `/admin/users/${id}`), 303);
    } catch (err) {
      const fe = formError(tr(ctx), err);
      if (!fe) throw err;
      const r = await userPage(request, fe.issues);
      return sendAccountPage(reply, ctx, tr(ctx)('admin_users'), r.node, fe.status, 'admin');
    }
  });

  for (const [path, disabled] of [['disable', true], ['enable', false]] as const) {
    app.post(`/admin/users/:id/${path}`, async (request, reply) => {
      const ctx = pageContext(request);
      const id = (request.params as { id: string }).id;
      await setUserDisabled(app.db, auditContext(request), id, disabled);
      return reply.redirect(href(ctx, `/admin/users/${id}`), 303);
    });
  }

  app.post('/admin/users/:id/reset-second-factor', async (request, reply) => {
    const ctx = pageContext(request);
    const id = (request.params as { id: string }).id;
    await resetSecondFactor(app.db, await envOf(app), auditContext(request), id);
    afterMail();
    return reply.redirect(href(ctx, `/admin/users/${id}`), 303);
  });

  app.get('/admin/practitioner-requests', async (request, reply) => {
    const ctx = pageContext(request);
    const requests = await practitionerRequestsToDecide(app.db, request.actor);
    return sendAccountPage(reply, ctx, tr(ctx)('admin_requests'), <RequestsPage ctx={ctx} requests={requests} issues={[]} />, 200, 'admin');
  });

  app.post('/admin/practitioner-requests/:id', async (request, reply) => {
    const ctx = pageContext(request);
    const id = (request.params as { id: string }).id;
    try {
      await decidePractitioner(app.db, await envOf(app), auditContext(request), id, bodyOf(request));
      afterMail();
      return sendAccountPage(reply, ctx, tr(ctx)('admin_requests'), (<><Notice kind="ok">{tr(ctx)('decision_saved')}</Notice><RequestsPage ctx={ctx} requests={await practitionerRequestsToDecide(app.db, request.actor)} issues={[]} /></>), 200, 'admin');
    } catch (err) {
      const fe = formError(tr(ctx), err);
      if (!fe) throw err;
      const requests = await practitionerRequestsToDecide(app.db, request.actor);
      return sendAccountPage(reply, ctx, tr(ctx)('admin_requests'), <RequestsPage ctx={ctx} requests={requests} issues={fe.issues} failedId={id} />, fe.status, 'admin');
    }
  });
}
