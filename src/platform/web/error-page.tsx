import type { FastifyReply, FastifyRequest } from 'fastify';
import { translator } from '../i18n/messages.js';
import { common } from './common.messages.js';
import { Layout } from './layout.js';
import { href, pageContext, sendPage } from './page.js';

const TITLES: Record<number, 'error_title_400' | 'error_title_403' | 'error_title_404' | 'error_title_429' | 'error_title_500'> = {
  400: 'error_title_400',
  403: 'error_title_403',
  404: 'error_title_404',
  429: 'error_title_429',
};

/** HTML error page in the reader's language; the detail is shown for 4xx only; a 401 links to sign-in, back to this page after. */
export function renderErrorPage(request: FastifyRequest, reply: FastifyReply, status: number, message: string) {
  const ctx = pageContext(request);
  const t = translator(common, ctx.lang);
  const key = TITLES[status] ?? (status >= 500 ? 'error_title_500' : 'error_title_400');
  return sendPage(
    reply,
    <Layout ctx={ctx} title={t(key)}>
      <div class="error-page">
        <h1>{t(key)}</h1>
        {status < 500 ? (
          <p dir="auto" class="error-page__detail">
            {message}
          </p>
        ) : null}
        {status === 401 ? (
          <p>
            <a class="button" href={href(ctx, '/sign-in', { next: ctx.pathAndQuery })}>
              {t('nav_sign_in')}
            </a>
          </p>
        ) : null}
        <p class="muted">{t('error_reference', { id: ctx.requestId })}</p>
        <p>
          <a href={href(ctx, '/')}>{t('error_back_home')}</a>
        </p>
      </div>
    </Layout>,
    status,
  );
}
