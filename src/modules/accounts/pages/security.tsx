/** Second factor: enrol (QR code, secret as text, otpauth URI), confirm, recovery codes, disable. */
import type { FastifyRequest } from 'fastify';
import type { App } from '../../../platform/http/app.js';
import { href, pageContext, type PageContext } from '../../../platform/web/page.js';
import { auditContext, envOf } from '../http/hooks.js';
import { confirmEnrolment, disableSecondFactor, regenerateRecoveryCodes, secondFactorStatus, startEnrolment, type Enrolment } from '../second-factor.js';
import { forcedRevocationNotice } from '../api-tokens.js';
import { qrSvg } from '../domain/qr.js';
import { AccountMenu, requireUser } from './account.js';
import { ErrorSummary, Field, Notice, PostForm, bodyOf, formError, sendAccountPage, str, tr, type PageIssue } from './components.js';
import { RevokedTokensNotice, type ForcedRevocation } from './tokens.js';

interface SecurityState {
  enabled: boolean;
  recoveryCodesLeft: number;
  enrolment: Enrolment | null;
  required: boolean;
  codes?: string[];
  issues: PageIssue[];
  done?: string;
  /** API tokens revoked by a recent security event, told to the owner here. */
  revocation: ForcedRevocation;
}

function RecoveryCodes({ ctx, codes }: { ctx: PageContext; codes: string[] }) {
  const t = tr(ctx);
  return (
    <section aria-labelledby="codes-title" class="recovery-codes">
      <h2 id="codes-title">{t('recovery_codes_title')}</h2>
      <Notice kind="warn">{t('recovery_codes_text')}</Notice>
      <ul class="code-list">
        {codes.map((c) => (
          <li>
            <code>{c}</code>
          </li>
        ))}
      </ul>
    </section>
  );
}

function SecurityPage({ ctx, s }: { ctx: PageContext; s: SecurityState }) {
  const t = tr(ctx);
  const labels = { code: t('field_code'), password: t('field_password') };
  return (
    <>
      <h1>{t('security_title')}</h1>
      <AccountMenu ctx={ctx} current="/account/security" />
      <RevokedTokensNotice ctx={ctx} revocation={s.revocation} link />
      {s.required && !s.enabled ? <Notice kind="warn">{t('enrol_required')}</Notice> : null}
      {s.done ? <Notice kind="ok">{t(s.done === 'disabled' ? 'totp_disabled' : 'totp_enabled')}</Notice> : null}
      <ErrorSummary t={t} issues={s.issues} labels={labels} />
      {s.codes ? <RecoveryCodes ctx={ctx} codes={s.codes} /> : null}
      {s.enabled ? (
        <>
          <p>{t('totp_on', { count: s.recoveryCodesLeft })}</p>
          <h2>{t('regenerate_title')}</h2>
          <PostForm ctx={ctx} action={href(ctx, '/account/security/recovery-codes')}>
            <Field name="code" label={t('field_totp_code')} issues={s.issues} autocomplete="one-time-code" inputMode="numeric" maxLength={20} />
            <button type="submit">{t('regenerate_button')}</button>
          </PostForm>
          <h2>{t('disable_title')}</h2>
          <PostForm ctx={ctx} action={href(ctx, '/account/security/disable')}>
            <Field name="password" type="password" label={t('field_password')} issues={s.issues} autocomplete="current-password" maxLength={256} />
            <Field name="code" label={t('field_code')} hint={t('field_code_hint')} issues={s.issues} autocomplete="one-time-code" maxLength={40} />
            <button type="submit" class="secondary">{t('disable_button')}</button>
          </PostForm>
        </>
      ) : s.enrolment ? (
        <>
          <h2>{t('enrol_title')}</h2>
          <ol class="steps">
            <li>{t('enrol_step_app')}</li>
            <li>
              {t('enrol_step_scan')}
              <div class="qr" dangerouslySetInnerHTML={{ __html: qrSvg(s.enrolment.uri, t('qr_label')) }} />
              <p>
                {t('enrol_secret')} <code class="secret" dir="ltr" data-testid="totp-secret">{s.enrolment.secret.replace(/(.{4})/g, '$1 ').trim()}</code>
              </p>
              <p class="muted break-all">
                <a href={s.enrolment.uri}>{t('enrol_uri')}</a>
              </p>
            </li>
            <li>{t('enrol_step_code')}</li>
          </ol>
          <PostForm ctx={ctx} action={href(ctx, '/account/security/enable')}>
            <Field name="code" label={t('field_totp_code')} issues={s.issues} autocomplete="one-time-code" inputMode="numeric" maxLength={20} />
            <button type="submit">{t('enable_button')}</button>
          </PostForm>
        </>
      ) : null}
    </>
  );
}

export async function securityPages(app: App) {
  const state = async (userId: string, extra: Partial<SecurityState>): Promise<SecurityState> => {
    const env = await envOf(app);
    const [st, revocation] = await Promise.all([secondFactorStatus(app.db, userId), forcedRevocationNotice(app.db, userId)]);
    return { ...st, enrolment: st.enabled ? null : await startEnrolment(app.db, env, userId), required: false, issues: [], revocation, ...extra };
  };

  app.get('/account/security', async (request, reply) => {
    const { actor } = requireUser(request);
    const ctx = pageContext(request);
    const q = request.query as Record<string, unknown>;
    const s = await state(actor.userId, { required: q.enrol === 'required' || actor.suspendedGrants.length > 0, done: str(q.done) });
    return sendAccountPage(reply, ctx, tr(ctx)('security_title'), <SecurityPage ctx={ctx} s={s} />);
  });

  const action = (path: string, run: (userId: string, body: Record<string, unknown>, request: FastifyRequest) => Promise<Partial<SecurityState>>) => {
    app.post(path, async (request, reply) => {
      const { actor } = requireUser(request);
      const ctx = pageContext(request);
      try {
        const extra = await run(actor.userId, bodyOf(request), request);
        return sendAccountPage(reply, ctx, tr(ctx)('security_title'), <SecurityPage ctx={ctx} s={await state(actor.userId, extra)} />);
      } catch (err) {
        const fe = formError(tr(ctx), err);
        if (!fe) throw err;
        return sendAccountPage(reply, ctx, tr(ctx)('security_title'), <SecurityPage ctx={ctx} s={await state(actor.userId, { issues: fe.issues })} />, fe.status);
      }
    });
  };

  action('/account/security/enable', async (userId, body, request) => ({
    codes: await confirmEnrolment(app.db, await envOf(app), auditContext(request), userId, body),
    done: 'enabled',
  }));
  action('/account/security/recovery-codes', async (userId, body, request) => ({
    codes: await regenerateRecoveryCodes(app.db, await envOf(app), auditContext(request), userId, body),
  }));
  action('/account/security/disable', async (userId, body, request) => {
    await disableSecondFactor(app.db, await envOf(app), auditContext(request), userId, body);
    return { done: 'disabled' };
  });
}
