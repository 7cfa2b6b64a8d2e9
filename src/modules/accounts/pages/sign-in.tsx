/** Sign in (with the second-factor step) and sign out. */
import type { App } from '../../../platform/http/app.js';
import { href, pageContext, type PageContext } from '../../../platform/web/page.js';
import { completeSignIn, signIn, signOut } from '../auth.js';
import { auditContext, clearSessionCookie, clientInfo, envOf, setSessionCookie } from '../http/hooks.js';
import { resolveSession } from '../sessions.js';
import { ErrorSummary, Field, PostForm, bodyOf, formError, safeNext, sendAccountPage, str, tr, type PageIssue } from './components.js';

function SignInForm({ ctx, email, next, issues }: { ctx: PageContext; email?: string; next: string | null; issues: PageIssue[] }) {
  const t = tr(ctx);
  return (
    <>
      <h1>{t('sign_in_title')}</h1>
      <ErrorSummary t={t} issues={issues} labels={{ email: t('field_email'), password: t('field_password') }} />
      <PostForm ctx={ctx} action={href(ctx, '/sign-in')}>
        {next ? <input type="hidden" name="next" value={next} /> : null}
        <Field name="email" type="email" label={t('field_email')} value={email} issues={issues} autocomplete="username" maxLength={254} />
        <Field name="password" type="password" label={t('field_password')} issues={issues} autocomplete="current-password" maxLength={256} />
        <button type="submit">{t('sign_in_button')}</button>
      </PostForm>
      <p>
        <a href={href(ctx, '/account/forgot')}>{t('forgot_link')}</a>
      </p>
      <p>
        {t('no_account')} <a href={href(ctx, '/register')}>{t('register_link')}</a>
      </p>
    </>
  );
}

function SecondFactorForm({ ctx, next, issues }: { ctx: PageContext; next: string | null; issues: PageIssue[] }) {
  const t = tr(ctx);
  return (
    <>
      <h1>{t('second_factor_title')}</h1>
      <p>{t('second_factor_intro')}</p>
      <ErrorSummary t={t} issues={issues} labels={{ code: t('field_code') }} />
      <PostForm ctx={ctx} action={href(ctx, '/sign-in/second-factor')}>
        {next ? <input type="hidden" name="next" value={next} /> : null}
        <Field name="code" label={t('field_code')} hint={t('field_code_hint')} issues={issues} autocomplete="one-time-code" maxLength={40} />
        <button type="submit">{t('verify_button')}</button>
      </PostForm>
    </>
  );
}

export async function signInPages(app: App) {
  app.get('/sign-in', async (request, reply) => {
    const ctx = pageContext(request);
    const next = safeNext(str((request.query as Record<string, unknown>).next));
    if (request.actor.userId) return reply.redirect(next ? `/${ctx.lang}${next}` : href(ctx, '/account'), 303);
    return sendAccountPage(reply, ctx, tr(ctx)('sign_in_title'), <SignInForm ctx={ctx} next={next} issues={[]} />, 200, 'sign-in');
  });

  app.post('/sign-in', async (request, reply) => {
    const ctx = pageContext(request);
    const t = tr(ctx);
    const body = bodyOf(request);
    const next = safeNext(body.next);
    const env = await envOf(app);
    try {
      const result = await signIn(app.db, env, auditContext(request), body, clientInfo(request), request.session?.idHash ?? null);
      setSessionCookie(reply, env, result.session.id);
      if (result.stage === 'second_factor') return reply.redirect(href(ctx, '/sign-in/second-factor', { next }), 303);
      return reply.redirect(await landing(app, env, result.session.id, ctx, next), 303);
    } catch (err) {
      const fe = formError(t, err);
      if (!fe) throw err;
      if (fe.status === 429) reply.header('retry-after', String((err as { retryAfterSeconds?: number }).retryAfterSeconds ?? 60));
      return sendAccountPage(reply, ctx, t('sign_in_title'), <SignInForm ctx={ctx} email={str(body.email)?.slice(0, 254)} next={next} issues={fe.issues} />, fe.status, 'sign-in');
    }
  });

  app.get('/sign-in/second-factor', async (request, reply) => {
    const ctx = pageContext(request);
    if (request.session?.stage !== 'second_factor') return reply.redirect(href(ctx, '/sign-in'), 303);
    const next = safeNext(str((request.query as Record<string, unknown>).next));
    return sendAccountPage(reply, ctx, tr(ctx)('second_factor_title'), <SecondFactorForm ctx={ctx} next={next} issues={[]} />, 200, 'sign-in');
  });

  app.post('/sign-in/second-factor', async (request, reply) => {
    const ctx = pageContext(request);
    const t = tr(ctx);
    const session = request.session;
    if (session?.stage !== 'second_factor') return reply.redirect(href(ctx, '/sign-in'), 303);
    const body = bodyOf(request);
    const next = safeNext(body.next);
    const env = await envOf(app);
    try {
      const s = await completeSignIn(app.db, env, auditContext(request), session.idHash, session.userId, body, clientInfo(request));
      setSessionCookie(reply, env, s.id);
      return reply.redirect(await landing(app, env, s.id, ctx, next), 303);
    } catch (err) {
      const fe = formError(t, err);
      if (!fe) throw err;
      return sendAccountPage(reply, ctx, t('second_factor_title'), <SecondFactorForm ctx={ctx} next={next} issues={fe.issues} />, fe.status, 'sign-in');
    }
  });

  app.post('/sign-out', async (request, reply) => {
    const ctx = pageContext(request);
    const env = await envOf(app);
    if (request.session) await signOut(app.db, auditContext(request), request.session.idHash);
    clearSessionCookie(reply, env);
    return reply.redirect(href(ctx, '/'), 303);
  });
}

/** Where to go after signing in: enrolment first when elevated roles wait for a second factor. */
async function landing(app: App, env: Awaited<ReturnType<typeof envOf>>, sessionId: string, ctx: PageContext, next: string | null): Promise<string> {
  const s = await resolveSession(app.db, env, sessionId);
  if (s?.needsSecondFactor) return href(ctx, '/account/security', { enrol: 'required' });
  return next ? `/${ctx.lang}${next}` : href(ctx, '/account');
}
