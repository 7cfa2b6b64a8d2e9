/** Administration: the last backup (when, size, outcome), the schedule, and the backup files of this node. */
import type { App } from '../../../platform/http/app.js';
import { formatNumber, translator, type Translate } from '../../../platform/i18n/messages.js';
import { Layout } from '../../../platform/web/layout.js';
import { pageContext, sendPage, type PageContext } from '../../../platform/web/page.js';
import { operationsMessages } from '../operations.messages.js';
import { readBackupsOverview, type BackupsOverview } from '../overview.js';

type OT = Translate<keyof (typeof operationsMessages)['en']>;

const when = (iso: string) => `${iso.replace('T', ' ').slice(0, 16)} UTC`;

function Row({ label, children }: { label: string; children: preact.ComponentChildren }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>{children}</td>
    </tr>
  );
}

function BackupsPage({ ctx, data }: { ctx: PageContext; data: BackupsOverview }) {
  const t: OT = translator(operationsMessages, ctx.lang);
  const n = (x: number) => formatNumber(ctx.lang, x);
  const size = (bytes: number) => t('backups_size_value', { mb: formatNumber(ctx.lang, Math.round(bytes / 104_857.6) / 10) });
  const last = data.last;
  return (
    <>
      <h1>{t('admin_backups')}</h1>
      <p>{t('backups_intro')}</p>
      <section aria-labelledby="backups-last">
        <h2 id="backups-last">{t('backups_last')}</h2>
        {!last ? (
          <p>{t('backups_none')}</p>
        ) : (
          <div class="table-wrap">
            <table class="audit-table">
              <tbody>
                <Row label={t('backups_outcome')}>
                  <strong class={last.ok ? undefined : 'audit-failure'}>{t(last.ok ? 'backups_ok' : 'backups_failed')}</strong>
                </Row>
                <Row label={t('backups_when')}>{when(last.at)}</Row>
                <Row label={t('backups_trigger')}>{t(last.trigger === 'schedule' ? 'backups_trigger_schedule' : 'backups_trigger_command')}</Row>
                {last.file ? <Row label={t('backups_file')}><code dir="ltr">{last.file}</code></Row> : null}
                {last.bytes !== undefined ? <Row label={t('backups_size')}>{size(last.bytes)}</Row> : null}
                {last.rows !== undefined ? <Row label={t('backups_rows')}>{n(last.rows)}</Row> : null}
                {last.ms !== undefined ? <Row label={t('backups_duration')}>{t('backups_seconds', { seconds: Math.max(1, Math.round(last.ms / 1000)) })}</Row> : null}
                {last.ok ? <Row label={t('backups_encrypted')}>{t(last.encrypted ? 'backups_yes' : 'backups_no')}</Row> : null}
                {last.error ? <Row label={t('backups_error')}><pre dir="ltr">{last.error}</pre></Row> : null}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="backups-schedule">
        <h2 id="backups-schedule">{t('backups_schedule')}</h2>
        <p>
          {data.schedule && data.next
            ? t('backups_schedule_on', { schedule: data.schedule, next: when(data.next), keep: data.keep })
            : t('backups_schedule_off')}
        </p>
      </section>
      <section aria-labelledby="backups-files">
        <h2 id="backups-files">{t('backups_files')}</h2>
        {!data.files.length ? (
          <p>{t('backups_files_none')}</p>
        ) : (
          <div class="table-wrap">
            <table class="audit-table">
              <thead>
                <tr>
                  <th scope="col">{t('backups_file')}</th>
                  <th scope="col">{t('backups_when')}</th>
                  <th scope="col">{t('backups_size')}</th>
                </tr>
              </thead>
              <tbody>
                {data.files.map((f) => (
                  <tr>
                    <td>
                      <code dir="ltr">{f.name}</code>
                    </td>
                    <td>{when(f.modified)}</td>
                    <td>{size(f.bytes)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

export async function backupPages(app: App) {
  app.get('/admin/backups', async (request, reply) => {
    const ctx = pageContext(request);
    const data = await readBackupsOverview(app.db, app.config, request.actor);
    const title = translator(operationsMessages, ctx.lang)('admin_backups');
    return sendPage(
      reply,
      <Layout ctx={ctx} title={title} section="admin">
        <div class="account-page">
          <BackupsPage ctx={ctx} data={data} />
        </div>
      </Layout>,
    );
  });
}
