/** /{lang}/casework/notifications: the reader's casework notifications, newest first, and "mark all as read". */
import type { App } from '../../../platform/http/app.js';
import { caseworkNavLinks } from './nav.js';
import { CsrfField } from '../../../platform/web/layout.js';
import { href, pageContext } from '../../../platform/web/page.js';
import { listNotifications, markRead } from '../notification-service.js';
import { handleForm, sendCaseworkPage, signInFirst, tx } from './execution-ui.js';

const when = (iso: string) => `${iso.replace('T', ' ').slice(0, 16)} UTC`;

export async function notificationPages(app: App): Promise<void> {
  app.get('/casework/notifications', async (request, reply) => {
    const redirected = signInFirst(request, reply);
    if (redirected) return redirected;
    const ctx = pageContext(request);
    const t = tx(ctx);
    const { items, unread } = await listNotifications(app.db, request.actor, ctx.lang);
    return sendCaseworkPage(
      reply,
      ctx,
      t('notifications_title'),
      <>
        <h1>{t('notifications_title')}</h1>
        <p>{t('notifications_unread', { count: unread })}</p>
        {unread ? (
          <form method="post" action={href(ctx, '/casework/notifications/read')} class="inline-form">
            <CsrfField ctx={ctx} />
            <button type="submit">{t('mark_all_read')}</button>
          </form>
        ) : null}
        {items.length ? (
          <div class="table-wrap">
            <table class="notifications-table">
              <thead>
                <tr>
                  <th scope="col">{t('col_when')}</th>
                  <th scope="col">{t('col_about')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((n) => (
                  <tr class={n.read ? undefined : 'notification--unread'}>
                    <td>
                      {when(n.createdAt)}
                      {n.read ? null : (
                        <>
                          {' '}
                          <strong class="badge">{t('unread_mark')}</strong>
                        </>
                      )}
                    </td>
                    <td dir="auto">
                      <a href={href(ctx, `/casework/cases/${n.caseId}`)}>{n.text}</a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>{t('notifications_none')}</p>
        )}
      </>,
      200,
      caseworkNavLinks(request.actor),
    );
  });

  app.post('/casework/notifications/read', async (request, reply) => handleForm(request, reply, '/casework/notifications', () => markRead(app.db, request.actor, 'all')));
}
