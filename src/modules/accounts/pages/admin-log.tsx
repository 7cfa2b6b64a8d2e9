/** Administration: the audit log search and the e-mail outbox. */
import type { App } from '../../../platform/http/app.js';
import { href, pageContext, type PageContext } from '../../../platform/web/page.js';
import { searchAudit, type AuditEventView, type AuditQuery } from '../../audit/index.js';
import { readOutbox } from '../admin.js';
import { ErrorSummary, formError, sendAccountPage, tr, type PageIssue } from './components.js';

const FILTERS = ['actor', 'action', 'target_type', 'target_id', 'from', 'to'] as const;

function AuditPage({ ctx, q, events, next, issues }: { ctx: PageContext; q: Record<string, string>; events: AuditEventView[]; next: string | null; issues: PageIssue[] }) {
  const t = tr(ctx);
  const labels: Record<(typeof FILTERS)[number], string> = {
    actor: t('audit_actor'),
    action: t('audit_action'),
    target_type: t('audit_target_type'),
    target_id: t('audit_target_id'),
    from: t('audit_from'),
    to: t('audit_to'),
  };
  return (
    <>
      <h1>{t('admin_audit')}</h1>
      <p>{t('audit_intro')}</p>
      <ErrorSummary t={t} issues={issues} labels={labels} />
      <form method="get" action={href(ctx, '/admin/audit')} class="filter-form">
        {FILTERS.map((f) => (
          <div class="form-row">
            <label for={`f-${f}`}>{labels[f]}</label>
            {f === 'from' || f === 'to' ? <input id={`f-${f}`} name={f} type="date" value={q[f] ?? ''} /> : <input id={`f-${f}`} name={f} type="text" value={q[f] ?? ''} maxLength={200} dir={f === 'actor' ? 'auto' : undefined} />}
          </div>
        ))}
        <button type="submit">{t('search_button')}</button>
      </form>
      <div class="table-wrap">
        <table class="audit-table">
          <caption>{t('admin_audit')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('audit_when')}</th>
              <th scope="col">{t('audit_actor')}</th>
              <th scope="col">{t('audit_action')}</th>
              <th scope="col">{t('audit_target')}</th>
              <th scope="col">{t('audit_changes')}</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr class={e.outcome === 'failure' ? 'audit-failure' : undefined}>
                <td>
                  <time dateTime={e.occurred_at}>{e.occurred_at.replace('T', ' ').slice(0, 19)} UTC</time>
                </td>
                <td dir="auto">
                  {e.actor_label ?? '—'}
                  <br />
                  <span class="muted">
                    {e.actor_ip ?? ''} · {e.via}
                  </span>
                </td>
                <td>
                  <code>{e.action}</code>
                  {e.outcome === 'failure' ? <> <span class="badge badge--failure">{t('audit_failure')}</span></> : null}
                </td>
                <td>{e.target_type ? `${e.target_type} ${e.target_id ?? ''}` : '—'}</td>
                <td>
                  <pre class="audit-changes" dir="ltr">{e.changes ? JSON.stringify(e.changes, null, 1) : ''}</pre>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!events.length ? <p>{t('audit_none')}</p> : null}
      {next ? (
        <p>
          <a href={href(ctx, '/admin/audit', { ...q, before: next })} rel="next">
            {t('next_page')}
          </a>
        </p>
      ) : null}
    </>
  );
}

function OutboxPage({ ctx, data }: { ctx: PageContext; data: Awaited<ReturnType<typeof readOutbox>> }) {
  const t = tr(ctx);
  return (
    <>
      <h1>{t('admin_outbox')}</h1>
      <p>{t('outbox_intro')}</p>
      {!data.mails.length ? <p>{t('outbox_empty')}</p> : null}
      {data.mails.map((m) => (
        <article class="card mail" aria-labelledby={`m-${m.id}`} lang={m.lang}>
          <h2 id={`m-${m.id}`} dir="auto">
            {m.subject}
          </h2>
          <p class="muted" lang={ctx.lang}>
            {t('outbox_to')} <span dir="auto">{m.to_address}</span> · {new Date(m.created_at).toISOString().replace('T', ' ').slice(0, 16)} UTC · {t(`mail_${m.status}`)}
          </p>
          {m.body ? (
            <pre class="mail-body" dir="auto">
              {m.body}
            </pre>
          ) : null}
        </article>
      ))}
      {data.next ? (
        <p>
          <a href={href(ctx, '/admin/outbox', { before: data.next })} rel="next">
            {t('next_page')}
          </a>
        </p>
      ) : null}
    </>
  );
}

export async function adminLogPages(app: App) {
  app.get('/admin/audit', async (request, reply) => {
    const ctx = pageContext(request);
    const raw = request.query as Record<string, unknown>;
    const q: Record<string, string> = {};
    for (const k of [...FILTERS, 'before'] as const) if (typeof raw[k] === 'string' && raw[k]) q[k] = raw[k] as string;
    try {
      const r = await searchAudit(app.db, request.actor, q as AuditQuery);
      return sendAccountPage(reply, ctx, tr(ctx)('admin_audit'), <AuditPage ctx={ctx} q={q} events={r.events} next={r.next} issues={[]} />, 200, 'admin');
    } catch (err) {
      const fe = formError(tr(ctx), err);
      if (!fe) throw err;
      return sendAccountPage(reply, ctx, tr(ctx)('admin_audit'), <AuditPage ctx={ctx} q={q} events={[]} next={null} issues={fe.issues} />, fe.status, 'admin');
    }
  });

  app.get('/admin/outbox', async (request, reply) => {
    const ctx = pageContext(request);
    const raw = request.query as Record<string, string | undefined>;
    const data = await readOutbox(app.db, request.actor, { before: raw.before, to: raw.to });
    return sendAccountPage(reply, ctx, tr(ctx)('admin_outbox'), <OutboxPage ctx={ctx} data={data} />, 200, 'admin');
  });
}
