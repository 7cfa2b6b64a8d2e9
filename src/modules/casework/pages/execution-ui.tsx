/** Small pieces shared by the casework execution pages: translator, labels, the problem page after a refused form, sign-in redirect. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import { AppError } from '../../../platform/http/errors.js';
import { translator, type Translate } from '../../../platform/i18n/messages.js';
import { Layout } from '../../../platform/web/layout.js';
import { href, pageContext, sendPage, type PageContext } from '../../../platform/web/page.js';
import { caseworkExecutionMessages, type CaseworkExecutionMessageKey } from '../casework-execution.messages.js';
import { CaseworkNav, type CaseworkNavLinks } from './nav.js';

export type ET = Translate<CaseworkExecutionMessageKey>;
export const tx = (ctx: { lang: PageContext['lang'] }): ET => translator(caseworkExecutionMessages, ctx.lang);

/** A label from the catalogue for a code (state_executed, body_police...), or the code itself. */
export function label(t: ET, prefix: string, code: string): string {
  const key = `${prefix}${code}` as CaseworkExecutionMessageKey;
  return key in caseworkExecutionMessages.en ? t(key) : code;
}

/** Where to go back after a form: a casework path only (never another site). */
export function backPath(value: unknown, fallback: string): string {
  return typeof value === 'string' && /^\/casework(\/[A-Za-z0-9_-]+)*(\?[A-Za-z0-9=&_-]*)?$/.test(value) && value.length < 300 ? value : fallback;
}

/** Anonymous readers of a casework page are sent to sign in first. */
export function signInFirst(request: FastifyRequest, reply: FastifyReply): FastifyReply | null {
  if (request.actor.userId) return null;
  const ctx = pageContext(request);
  return reply.redirect(href(ctx, '/sign-in', { next: ctx.pathAndQuery }), 303);
}

export function sendCaseworkPage(reply: FastifyReply, ctx: PageContext, title: string, body: ComponentChildren, status = 200, nav?: CaseworkNavLinks): FastifyReply {
  reply.header('cache-control', 'private, no-store');
  return sendPage(
    reply,
    <Layout ctx={ctx} title={title} section="casework">
      {nav ? <CaseworkNav ctx={ctx} links={nav} /> : null}
      <div class="casework-execution">{body}</div>
    </Layout>,
    status,
  );
}

/**
 * Run a form's service call; on success go back (303), on bad input or a conflict show what is wrong,
 * field by field, with a link back (no JavaScript needed). Permission errors propagate (401/403/404).
 */
export async function handleForm(request: FastifyRequest, reply: FastifyReply, back: string, fn: () => Promise<unknown>): Promise<FastifyReply> {
  const ctx = pageContext(request);
  try {
    await fn();
    return reply.redirect(href(ctx, back.split('?')[0]!, { ...Object.fromEntries(new URLSearchParams(back.split('?')[1] ?? '')), done: 1 }), 303);
  } catch (err) {
    if (!(err instanceof AppError) || (err.status !== 400 && err.status !== 409)) throw err;
    const t = tx(ctx);
    const issues = err.issues?.length ? err.issues : [{ field: '', message: err.message }];
    return sendCaseworkPage(
      reply,
      ctx,
      t('error_title'),
      <div class="error-summary" role="alert" tabindex={-1}>
        <h1>{t('error_title')}</h1>
        <ul>
          {issues.map((i) => (
            <li dir="auto">{i.field ? `${i.field}: ${i.message}` : i.message}</li>
          ))}
        </ul>
        <p>
          <a href={href(ctx, back)}>← {t('col_case')}</a>
        </p>
      </div>,
      err.status,
    );
  }
}

export const fmtDate = (d: string | null) => d ?? '—';
