/** The account pages: overview, profile, password, sessions. */
import type { FastifyRequest } from 'fastify';
import type { App } from '../../../platform/http/app.js';
import { UnauthorizedError } from '../../../platform/http/errors.js';
import { LANGS, NATIVE_NAMES } from '../../../platform/i18n/languages.js';
import { formatDate } from '../../../platform/i18n/messages.js';
import { href, pageContext, type PageContext } from '../../../platform/web/page.js';
import type { Actor } from '../../access/index.js';
import { changePassword, updateProfile } from '../auth.js';
import { PASSWORD_MIN } from '../domain/passwords.js';
import { auditContext, clearSessionCookie, envOf } from '../http/hooks.js';
import { findUserById } from '../repository/users.js';
import { endAllSessions, endSessionByRef, listSessions, type ResolvedSession } from '../sessions.js';
import { ErrorSummary, Field, Notice, PostForm, bodyOf, formError, sendAccountPage, str, tr, type AT, type PageIssue } from './components.js';
import { afterMail } from './register.js';

/** The signed-in user of a page request, or 401. */
export function requireUser(request: FastifyRequest): { actor: Actor & { userId: string }; session: ResolvedSession } {
  const { actor, session } = request;
  if (!actor.userId || !session || session.stage !== 'active') throw new UnauthorizedError();
  return { actor: actor as Actor & { userId: string }, session };
}

export function AccountMenu({ ctx, current }: { ctx: PageContext; current: string }) {
  const t = tr(ctx);
  const items = [
    ['/account', t('menu_profile')],
    ['/account/security', t('menu_security')],
    ['/account/sessions', t('menu_sessions')],
    ['/account/tokens', t('menu_tokens')],
    ['/account/practitioner', t('menu_practitioner')],
  ] as const;
  return (
    <nav class="sub-nav" aria-label={t('menu_label')}>
      <ul>
        {items.map(([path, label]) => (
          <li>
            <a href={href(ctx, path)} aria-current={path === current ? 'page' : undefined}>
              {label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

type User = NonNullable<Awaited<ReturnType<typeof findUserById>>>;

function roleLabel(t: AT, g: { role: string; country?: string | null; authorityId?: string | null }): string {
  const base = t(`role_${g.role}` as Parameters<AT>[0]);
  return g.country ? `${base} (${g.country})` : g.authorityId ? `${base} (${g.authorityId})` : base;
}

function Overview({ ctx, user, actor, issues, values, done }: { ctx: PageContext; user: User; actor: Actor; issues: PageIssue[]; values?: Record<string, unknown>; done?: string }) {
  const t = tr(ctx);
  const all = [...actor.grants, ...actor.suspendedGrants];
  return (
    <>
      <h1>{t('account_title')}</h1>
      <AccountMenu ctx={ctx} current="/account" />
      {done ? <Notice kind="ok">{t(done as Parameters<AT>[0])}</Notice> : null}
      {actor.suspendedGrants.length ? (
        <Notice kind="warn">
          {t('roles_suspended')} <a href={href(ctx, '/account/security')}>{t('enrol_now')}</a>
        </Notice>
      ) : null}
      <dl class="meta">
        <dt>{t('field_email')}</dt>
        <dd dir="auto">{user.email}</dd>
        <dt>{t('roles')}</dt>
        <dd>{all.length ? all.map((g) => roleLabel(t, g)).join(', ') : t('role_registered')}</dd>
      </dl>
      <ErrorSummary
        t={t}
        issues={issues}
        labels={{ name: t('field_name'), lang: t('field_lang'), current_password: t('field_current_password'), password: t('field_new_password'), password_confirm: t('field_password_confirm') }}
      />
      <h2>{t('profile_title')}</h2>
      <PostForm ctx={ctx} action={href(ctx, '/account/profile')}>
        <Field name="name" label={t('field_name')} value={str(values?.name) ?? user.display_name} issues={issues} autocomplete="name" maxLength={120} dirAuto />
        <div class="form-row">
          <label for="f-lang">{t('field_lang')}</label>
          <select id="f-lang" name="lang">
            {LANGS.map((l) => (
              <option value={l} lang={l} selected={l === user.lang}>
                {NATIVE_NAMES[l]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t('save_button')}</button>
      </PostForm>
      <h2>{t('password_title')}</h2>
      <PostForm ctx={ctx} action={href(ctx, '/account/password')}>
        <Field name="current_password" type="password" label={t('field_current_password')} issues={issues} autocomplete="current-password" maxLength={256} />
        <Field name="password" type="password" label={t('field_new_password')} hint={t('password_hint', { min: PASSWORD_MIN })} issues={issues} autocomplete="new-password" maxLength={256} />
        <Field name="password_confirm" type="password" label={t('field_password_confirm')} issues={issues} autocomplete="new-password" maxLength={256} />
        <p class="muted">{t('password_tokens_note')}</p>
        <button type="submit">{t('change_password_button')}</button>
      </PostForm>
    </>
  );
}

function SessionsPage({ ctx, sessions, done }: { ctx: PageContext; sessions: Awaited<ReturnType<typeof listSessions>>; done?: boolean }) {
  const t = tr(ctx);
  return (
    <>
      <h1>{t('sessions_title')}</h1>
      <AccountMenu ctx={ctx} current="/account/sessions" />
      {done ? <Notice kind="ok">{t('sessions_ended')}</Notice> : null}
      <div class="table-wrap">
        <table>
          <caption>{t('sessions_caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('col_browser')}</th>
              <th scope="col">{t('col_address')}</th>
              <th scope="col">{t('col_signed_in')}</th>
              <th scope="col">{t('col_last_seen')}</th>
              <th scope="col">{t('col_actions')}</th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => (
              <tr>
                <td dir="auto">{s.userAgent ?? '—'}{s.current ? <> <span class="badge">{t('this_session')}</span></> : null}</td>
                <td>{s.ip ?? '—'}</td>
                <td>{formatDate(ctx.lang, s.createdAt, 'medium')} {s.createdAt.toISOString().slice(11, 16)} UTC</td>
                <td>{formatDate(ctx.lang, s.lastSeenAt, 'medium')} {s.lastSeenAt.toISOString().slice(11, 16)} UTC</td>
                <td>
                  <PostForm ctx={ctx} action={href(ctx, '/account/sessions/end')} class="inline-form">
                    <input type="hidden" name="ref" value={s.ref} />
                    <button type="submit" class="secondary">{t('end_session_button')}</button>
                  </PostForm>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <PostForm ctx={ctx} action={href(ctx, '/account/sessions/end-all')}>
        <p>{t('sign_out_everywhere_text')}</p>
        <p>{t('sign_out_everywhere_tokens')}</p>
        <button type="submit">{t('sign_out_everywhere_button')}</button>
      </PostForm>
    </>
  );
}

export async function accountPages(app: App) {
  const overview = async (request: FastifyRequest, issues: PageIssue[] = [], status = 200, values?: Record<string, unknown>, done?: string) => {
    const { actor } = requireUser(request);
    const user = (await findUserById(app.db, actor.userId))!;
    const ctx = pageContext(request);
    return { ctx, node: <Overview ctx={ctx} user={user} actor={actor} issues={issues} values={values} done={done} />, status };
  };

  app.get('/account', async (request, reply) => {
    const done = str((request.query as Record<string, unknown>).done);
    const { ctx, node } = await overview(request, [], 200, undefined, done === 'profile' ? 'profile_saved' : done === 'password' ? 'password_changed' : undefined);
    return sendAccountPage(reply, ctx, tr(ctx)('account_title'), node);
  });

  app.post('/account/profile', async (request, reply) => {
    const { actor } = requireUser(request);
    const ctx = pageContext(request);
    const body = bodyOf(request);
    try {
      await updateProfile(app.db, auditContext(request), actor.userId, body);
      const lang = str(body.lang);
      return reply.redirect(`/${lang && (LANGS as readonly string[]).includes(lang) ? lang : ctx.lang}/account?done=profile`, 303);
    } catch (err) {
      const fe = formError(tr(ctx), err);
      if (!fe) throw err;
      const r = await overview(request, fe.issues, fe.status, { name: str(body.name)?.slice(0, 120) });
      return sendAccountPage(reply, r.ctx, tr(ctx)('account_title'), r.node, fe.status);
    }
  });

  app.post('/account/password', async (request, reply) => {
    const { actor, session } = requireUser(request);
    const ctx = pageContext(request);
    try {
      await changePassword(app.db, await envOf(app), auditContext(request), actor.userId, session.idHash, bodyOf(request));
      afterMail();
      return reply.redirect(href(ctx, '/account', { done: 'password' }), 303);
    } catch (err) {
      const fe = formError(tr(ctx), err);
      if (!fe) throw err;
      const r = await overview(request, fe.issues, fe.status);
      return sendAccountPage(reply, r.ctx, tr(ctx)('account_title'), r.node, fe.status);
    }
  });

  app.get('/account/sessions', async (request, reply) => {
    const { actor, session } = requireUser(request);
    const ctx = pageContext(request);
    const sessions = await listSessions(app.db, actor.userId, session.idHash);
    return sendAccountPage(reply, ctx, tr(ctx)('sessions_title'), <SessionsPage ctx={ctx} sessions={sessions} done={str((request.query as Record<string, unknown>).done) === '1'} />);
  });

  app.post('/account/sessions/end', async (request, reply) => {
    const { actor, session } = requireUser(request);
    const ctx = pageContext(request);
    const r = await endSessionByRef(app.db, auditContext(request), actor.userId, str(bodyOf(request).ref) ?? '', session.idHash);
    if (r.current) {
      clearSessionCookie(reply, await envOf(app));
      return reply.redirect(href(ctx, '/'), 303);
    }
    return reply.redirect(href(ctx, '/account/sessions', { done: 1 }), 303);
  });

  app.post('/account/sessions/end-all', async (request, reply) => {
    const { actor } = requireUser(request);
    const ctx = pageContext(request);
    await endAllSessions(app.db, await envOf(app), auditContext(request), actor.userId);
    afterMail();
    clearSessionCookie(reply, await envOf(app));
    return reply.redirect(href(ctx, '/sign-in'), 303);
  });
}
