/** Administration: background jobs (queued, running, failed, completed counts) and the retry of a failed one. */
import type { FastifyRequest } from 'fastify';
import type { App } from '../../../platform/http/app.js';
import { AppError } from '../../../platform/http/errors.js';
import { formatNumber, translator, type Translate } from '../../../platform/i18n/messages.js';
import type { JobRow } from '../../../platform/jobs/index.js';
import { href, pageContext, type PageContext } from '../../../platform/web/page.js';
import { jobsMessages } from '../admin-jobs.messages.js';
import { JOBS_SHOWN, readJobs, retryJob, type JobsOverview } from '../admin-jobs.js';
import { auditContext } from '../http/hooks.js';
import { ErrorSummary, Notice, PostForm, formError, sendAccountPage, tr, type PageIssue } from './components.js';

type JT = Translate<keyof (typeof jobsMessages)['en']>;

const when = (d: Date | null) => (d ? `${new Date(d).toISOString().replace('T', ' ').slice(0, 16)} UTC` : '—');

function JobTable({ ctx, t, caption, jobs, kind }: { ctx: PageContext; t: JT; caption: string; jobs: JobRow[]; kind: 'queued' | 'running' | 'failed' }) {
  const id = `jobs-${kind}`;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{caption}</h2>
      {!jobs.length ? (
        <p>{t('jobs_none_here')}</p>
      ) : (
        <>
          <div class="table-wrap">
            <table class="audit-table">
              <caption class="visually-hidden">{caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('jobs_kind')}</th>
                  <th scope="col">{t('jobs_id')}</th>
                  <th scope="col">{kind === 'queued' ? t('jobs_next_run') : kind === 'running' ? t('jobs_started') : t('jobs_finished')}</th>
                  <th scope="col">{t('jobs_attempts')}</th>
                  {kind !== 'running' ? <th scope="col">{t('jobs_error')}</th> : null}
                  {kind === 'failed' ? <th scope="col"><span class="visually-hidden">{t('jobs_retry_button')}</span></th> : null}
                </tr>
              </thead>
              <tbody>
                {jobs.map((j) => (
                  <tr>
                    <td>
                      <code>{j.name}</code>
                    </td>
                    <td>
                      <code dir="ltr">{j.id}</code>
                      <br />
                      <span class="muted">
                        {t('jobs_created')} {when(j.created_on)}
                      </span>
                    </td>
                    <td>{when(kind === 'queued' ? j.start_after : kind === 'running' ? j.started_on : j.completed_on)}</td>
                    <td>{t('jobs_attempts_value', { done: j.state === 'created' ? j.retry_count : j.retry_count + 1, max: j.retry_limit + 1 })}</td>
                    {kind !== 'running' ? (
                      <td>
                        <pre dir="ltr">{j.state === 'created' ? '' : (j.error ?? '')}</pre>
                      </td>
                    ) : null}
                    {kind === 'failed' ? (
                      <td>
                        <PostForm ctx={ctx} action={href(ctx, `/admin/jobs/${j.id}/retry`)} class="inline-form">
                          <button type="submit" aria-label={`${t('jobs_retry_button')}: ${j.name} ${j.id}`}>
                            {t('jobs_retry_button')}
                          </button>
                        </PostForm>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {jobs.length >= JOBS_SHOWN ? <p class="muted">{t(kind === 'failed' ? 'jobs_failed_shown' : 'jobs_shown', { count: JOBS_SHOWN })}</p> : null}
        </>
      )}
    </section>
  );
}

function JobsPage({ ctx, data, issues, retried }: { ctx: PageContext; data: JobsOverview; issues: PageIssue[]; retried: boolean }) {
  const t = translator(jobsMessages, ctx.lang);
  const n = (x: number) => formatNumber(ctx.lang, x);
  return (
    <>
      <h1>{t('admin_jobs')}</h1>
      <p>{t('jobs_intro')}</p>
      <ErrorSummary t={tr(ctx)} issues={issues} labels={{}} />
      {retried ? <Notice kind="ok">{t('jobs_retried')}</Notice> : null}
      {!data.summary.length ? (
        <p>{t('jobs_none')}</p>
      ) : (
        <div class="table-wrap">
          <table class="audit-table">
            <caption>{t('jobs_summary')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('jobs_kind')}</th>
                <th scope="col">{t('jobs_queued')}</th>
                <th scope="col">{t('jobs_running')}</th>
                <th scope="col">{t('jobs_failed')}</th>
                <th scope="col">{t('jobs_completed')}</th>
              </tr>
            </thead>
            <tbody>
              {data.summary.map((s) => (
                <tr class={s.failed ? 'audit-failure' : undefined}>
                  <th scope="row">
                    <code>{s.name}</code>
                  </th>
                  <td>{n(s.queued)}</td>
                  <td>{n(s.running)}</td>
                  <td>{n(s.failed)}</td>
                  <td>{n(s.completed)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p class="muted">{t('jobs_completed_hint')}</p>
      <JobTable ctx={ctx} t={t} caption={t('jobs_failed')} jobs={data.failed} kind="failed" />
      <JobTable ctx={ctx} t={t} caption={t('jobs_running')} jobs={data.running} kind="running" />
      <JobTable ctx={ctx} t={t} caption={t('jobs_queued')} jobs={data.queued} kind="queued" />
    </>
  );
}

export async function adminJobPages(app: App) {
  const send = async (request: FastifyRequest, reply: Parameters<typeof sendAccountPage>[0], issues: PageIssue[] = [], status = 200) => {
    const ctx = pageContext(request);
    const data = await readJobs(app.db, request.actor);
    const retried = (request.query as Record<string, unknown>).retried === '1';
    return sendAccountPage(reply, ctx, translator(jobsMessages, ctx.lang)('admin_jobs'), <JobsPage ctx={ctx} data={data} issues={issues} retried={retried && !issues.length} />, status, 'admin');
  };

  app.get('/admin/jobs', async (request, reply) => send(request, reply));

  app.post('/admin/jobs/:id/retry', async (request, reply) => {
    const ctx = pageContext(request);
    const t = translator(jobsMessages, ctx.lang);
    try {
      await retryJob(app.db, auditContext(request), (request.params as { id: string }).id);
      return reply.redirect(href(ctx, '/admin/jobs', { retried: 1 }), 303);
    } catch (err) {
      // Not found or not failed: the page again, with the reason (permission errors propagate: 401/403).
      if (err instanceof AppError && (err.status === 404 || err.status === 409)) {
        return send(request, reply, [{ field: '', message: t(err.status === 404 ? 'jobs_not_found' : 'jobs_not_failed') }], err.status);
      }
      const fe = formError(tr(ctx), err);
      if (!fe) throw err;
      return send(request, reply, [{ field: '', message: t('jobs_not_found') }], fe.status);
    }
  });
}
