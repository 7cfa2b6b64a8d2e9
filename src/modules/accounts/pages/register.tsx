/** Registration, e-mail verification, forgotten password and reset. */
import type { App } from '../../../platform/http/app.js';
import { LANGS, NATIVE_NAMES } from '../../../platform/i18n/languages.js';
import { href, pageContext, type PageContext } from '../../../platform/web/page.js';
import { register, requestPasswordReset, resetPassword, tokenIsValid, verifyEmail } from '../auth.js';
import { PASSWORD_MIN } from '../domain/passwords.js';
import { auditContext, envOf } from '../http/hooks.js';
import { deliverSoon } from '../mail.js';
import { ErrorSummary, Field, Notice, PostForm, bodyOf, formError, sendAccountPage, str, tr, type PageIssue } from './components.js';

function RegisterForm({ ctx, values, issues }: { ctx: PageContext; values: Record<string, unknown>; issues: PageIssue[] }) {
  const t = tr(ctx);
  const lang = str(values.lang) ?? ctx.lang;
  return (
    <>
      <h1>{t('register_title')}</h1>
      <p>{t('register_intro')}</p>
      <ErrorSummary
        t={t}
        issues={issues}
        labels={{ name: t('field_name'), email: t('field_email'), password: t('field_new_password'), password_confirm: t('field_password_confirm'), lang: t('field_lang') }}
      />
      <PostForm ctx={ctx} action={href(ctx, '/register')}>
        <Field name="name" label={t('field_name')} value={str(values.name)} issues={issues} autocomplete="name" maxLength={120} dirAuto />
        <Field name="email" type="email" label={t('field_email')} value={str(values.email)} issues={issues} autocomplete="email" maxLength={254} />
        <Field name="password" type="password" label={t('field_new_password')} hint={t('password_hint', { min: PASSWORD_MIN })} issues={issues} autocomplete="new-password" maxLength={256} />
        <Field name="password_confirm" type="password" label={t('field_password_confirm')} issues={issues} autocomplete="new-password" maxLength={256} />
        <div class="form-row">
          <label for="f-lang">{t('field_lang')}</label>
          <select id="f-lang" name="lang">
            {LANGS.map((l) => (
              <option value={l} lang={l} selected={l === lang}>
                {NATIVE_NAMES[l]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t('register_button')}</button>
      </PostForm>
      <p>
        {t('have_account')} <a href={href(ctx, '/sign-in')}>{t('sign_in_link')}</a>
      </p>
    </>
  );
}

function TokenForm({ ctx, action, token, title, intro, button, issues, withPassword }: { ctx: PageContext; action: string; token: string; title: string; intro: string; button: string; issues: PageIssue[]; withPassword?: boolean }) {
  const t = tr(ctx);
  return (
    <>
      <h1>{title}</h1>
      <p>{intro}</p>
      {withPassword ? <p>{t('reset_tokens_note')}</p> : null}
      <ErrorSummary t={t} issues={issues} labels={{ token: t('field_link'), password: t('field_new_password'), password_confirm: t('field_password_confirm') }} />
      <PostForm ctx={ctx} action={action}>
        <input type="hidden" name="token" value={token} />
        {withPassword ? (
          <>
            <Field name="password" type="password" label={t('field_new_password')} hint={t('password_hint', { min: PASSWORD_MIN })} issues={issues} autocomplete="new-password" maxLength={256} />
            <Field name="password_confirm" type="password" label={t('field_password_confirm')} issues={issues} autocomplete="new-password" maxLength={256} />
          </>
        ) : null}
        <button type="submit">{button}</button>
      </PostForm>
    </>
  );
}

function LinkInvalid({ ctx }: { ctx: PageContext }) {
  const t = tr(ctx);
  return (
    <>
      <h1>{t('link_invalid_title')}</h1>
      <p>{t('link_invalid_text')}</p>
      <p>
        <a href={href(ctx, '/account/forgot')}>{t('forgot_link')}</a>
      </p>
    </>
  );
}

function ForgotForm({ ctx, values, issues }: { ctx: PageContext; values: Record<string, unknown>; issues: PageIssue[] }) {
  const t = tr(ctx);
  return (
    <>
      <h1>{t('forgot_title')}</h1>
      <p>{t('forgot_intro')}</p>
      <ErrorSummary t={t} issues={issues} labels={{ email: t('field_email') }} />
      <PostForm ctx={ctx} action={href(ctx, '/account/forgot')}>
        <Field name="email" type="email" label={t('field_email')} value={str(values.email)} issues={issues} autocomplete="email" maxLength={254} />
        <button type="submit">{t('forgot_button')}</button>
      </PostForm>
    </>
  );
}

export async function registerPages(app: App) {
  app.get('/register', async (request, reply) => {
    const ctx = pageContext(request);
    return sendAccountPage(reply, ctx, tr(ctx)('register_title'), <RegisterForm ctx={ctx} values={{}} issues={[]} />, 200, 'register');
  });

  app.post('/register', async (request, reply) => {
    const ctx = pageContext(request);
    const t = tr(ctx);
    const body = bodyOf(request);
    try {
      await register(app.db, await envOf(app), auditContext(request), body, ctx.lang);
      afterMail();
      return sendAccountPage(reply, ctx, t('register_done_title'), (<><h1>{t('register_done_title')}</h1><Notice kind="ok">{t('register_done_text')}</Notice></>), 200, 'register');
    } catch (err) {
      const fe = formError(t, err);
      if (!fe) throw err;
      const values = { name: str(body.name)?.slice(0, 120), email: str(body.email)?.slice(0, 254), lang: str(body.lang) };
      return sendAccountPage(reply, ctx, t('register_title'), <RegisterForm ctx={ctx} values={values} issues={fe.issues} />, fe.status, 'register');
    }
  });

  app.get('/account/verify', async (request, reply) => {
    const ctx = pageContext(request);
    const t = tr(ctx);
    const token = str((request.query as Record<string, unknown>).token) ?? '';
    if (!(await tokenIsValid(app.db, 'verify_email', token))) return sendAccountPage(reply, ctx, t('link_invalid_title'), <LinkInvalid ctx={ctx} />, 400);
    return sendAccountPage(reply, ctx, t('verify_title'), <TokenForm ctx={ctx} action={href(ctx, '/account/verify')} token={token} title={t('verify_title')} intro={t('verify_intro')} button={t('verify_email_button')} issues={[]} />);
  });

  app.post('/account/verify', async (request, reply) => {
    const ctx = pageContext(request);
    const t = tr(ctx);
    try {
      await verifyEmail(app.db, auditContext(request), bodyOf(request));
      return sendAccountPage(reply, ctx, t('verified_title'), (<><h1>{t('verified_title')}</h1><Notice kind="ok">{t('verified_text')}</Notice><p><a class="button" href={href(ctx, '/sign-in')}>{t('sign_in_link')}</a></p></>));
    } catch (err) {
      if (!formError(t, err)) throw err;
      return sendAccountPage(reply, ctx, t('link_invalid_title'), <LinkInvalid ctx={ctx} />, 400);
    }
  });

  app.get('/account/forgot', async (request, reply) => {
    const ctx = pageContext(request);
    return sendAccountPage(reply, ctx, tr(ctx)('forgot_title'), <ForgotForm ctx={ctx} values={{}} issues={[]} />);
  });

  app.post('/account/forgot', async (request, reply) => {
    const ctx = pageContext(request);
    const t = tr(ctx);
    const body = bodyOf(request);
    try {
      await requestPasswordReset(app.db, await envOf(app), auditContext(request), body);
      afterMail();
      return sendAccountPage(reply, ctx, t('forgot_title'), (<><h1>{t('forgot_title')}</h1><Notice kind="ok">{t('forgot_done')}</Notice></>));
    } catch (err) {
      const fe = formError(t, err);
      if (!fe) throw err;
      return sendAccountPage(reply, ctx, t('forgot_title'), <ForgotForm ctx={ctx} values={{ email: str(body.email)?.slice(0, 254) }} issues={fe.issues} />, fe.status);
    }
  });

  app.get('/account/reset', async (request, reply) => {
    const ctx = pageContext(request);
    const t = tr(ctx);
    const token = str((request.query as Record<string, unknown>).token) ?? '';
    if (!(await tokenIsValid(app.db, 'reset_password', token))) return sendAccountPage(reply, ctx, t('link_invalid_title'), <LinkInvalid ctx={ctx} />, 400);
    return sendAccountPage(reply, ctx, t('reset_title'), <TokenForm ctx={ctx} action={href(ctx, '/account/reset')} token={token} title={t('reset_title')} intro={t('reset_intro')} button={t('reset_button')} issues={[]} withPassword />);
  });

  app.post('/account/reset', async (request, reply) => {
    const ctx = pageContext(request);
    const t = tr(ctx);
    const body = bodyOf(request);
    try {
      await resetPassword(app.db, await envOf(app), auditContext(request), body);
      afterMail();
      return sendAccountPage(reply, ctx, t('reset_done_title'), (<><h1>{t('reset_done_title')}</h1><Notice kind="ok">{t('reset_done_text')}</Notice><p><a class="button" href={href(ctx, '/sign-in')}>{t('sign_in_link')}</a></p></>));
    } catch (err) {
      const fe = formError(t, err);
      if (!fe) throw err;
      if (fe.issues.some((i) => i.field === 'token')) return sendAccountPage(reply, ctx, t('link_invalid_title'), <LinkInvalid ctx={ctx} />, 400);
      const token = str(body.token) ?? '';
      return sendAccountPage(reply, ctx, t('reset_title'), <TokenForm ctx={ctx} action={href(ctx, '/account/reset')} token={token} title={t('reset_title')} intro={t('reset_intro')} button={t('reset_button')} issues={fe.issues} withPassword />, fe.status);
    }
  });
}

/** After the commit: this node's mail worker delivers the mail just queued now (other nodes poll). */
export function afterMail(): void {
  deliverSoon();
}
