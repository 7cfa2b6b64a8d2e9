/** History of an authority (revisions, events, readable changes, revert) and the editors' work queue. */
import { Layout } from '../../../platform/web/layout.js';
import { formatDate } from '../../../platform/i18n/messages.js';
import { href, type PageContext } from '../../../platform/web/page.js';
import { type HistoryItem, RevisionCard, wfT } from '../../workflow/index.js';
import type { WorkQueue } from '../editing.js';
import { countryLabel, dirT, edT, nameText, type PageRefs } from './ui.js';
import { OFFERED } from './workflow-forms.js';

export function HistoryPage(props: { ctx: PageContext; id: string; name: string; items: HistoryItem[]; canRevert: boolean }) {
  const { ctx } = props;
  const e = edT(ctx.lang);
  const t = dirT(ctx.lang);
  return (
    <Layout ctx={ctx} title={e('history_title', { name: props.name })} section="directory">
      <nav class="breadcrumbs" aria-label={t('links_heading')}>
        <ol>
          <li>
            <a href={href(ctx, '/directory')}>{t('title')}</a>
          </li>
          <li>
            <a href={href(ctx, `/directory/authorities/${props.id}`)} dir="auto">
              {props.name}
            </a>
          </li>
        </ol>
      </nav>
      <h1 dir="auto">{e('history_title', { name: props.name })}</h1>
      <ol class="dir-history">
        {props.items.map((item) => (
          <RevisionCard
            ctx={ctx}
            item={{ ...item, actions: item.actions.filter((a) => OFFERED.includes(a)) }}
            transitionAction={href(ctx, `/directory/authorities/${props.id}/transition`)}
            revertAction={props.canRevert ? href(ctx, `/directory/authorities/${props.id}/revert`) : null}
          />
        ))}
      </ol>
    </Layout>
  );
}

export function QueuePage(props: { ctx: PageContext; queue: WorkQueue; refs: PageRefs }) {
  const { ctx, queue, refs } = props;
  const e = edT(ctx.lang);
  const t = dirT(ctx.lang);
  return (
    <Layout ctx={ctx} title={e('queue_title')} section="directory">
      <nav class="breadcrumbs" aria-label={t('links_heading')}>
        <ol>
          <li>
            <a href={href(ctx, '/directory')}>{t('title')}</a>
          </li>
        </ol>
      </nav>
      <h1>{e('queue_title')}</h1>
      <p>{e('queue_intro')}</p>
      <section aria-labelledby="open-heading">
        <h2 id="open-heading">{e('queue_open')}</h2>
        {queue.open.length ? (
          <ul class="results">
            {queue.open.map((r) => (
              <li class="result">
                <a href={href(ctx, `/directory/authorities/${r.subject_id}/history`)} dir="auto">
                  {r.names ? nameText(r.names, ctx.lang) : r.subject_id}
                </a>
                <span class="result__meta">
                  <span>{r.country ? countryLabel(refs, r.country, ctx.lang) : ''}</span>
                  <span class="badge">{wfT(ctx.lang)(`state_${r.state}` as 'state_draft')}</span>
                  <span>{wfT(ctx.lang)('revision', { n: r.number })}</span>
                  <span dir="auto">{r.author_name ?? ''}</span>
                  <span>{e('queue_updated', { date: formatDate(ctx.lang, new Date(r.updated_at), 'medium') })}</span>
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">{e('queue_empty')}</p>
        )}
      </section>
      <section aria-labelledby="stale-heading">
        <h2 id="stale-heading">{e('queue_stale')}</h2>
        {queue.stale.length ? (
          <ul class="results">
            {queue.stale.map((a) => (
              <li class="result">
                <a href={href(ctx, `/directory/authorities/${a.id}`)} dir="auto">
                  {nameText(a.names, ctx.lang)}
                </a>
                <span class="result__meta">
                  <span>{countryLabel(refs, a.country, ctx.lang)}</span>
                  <span>
                    {t('verified')}: {a.verified_on ? formatDate(ctx.lang, a.verified_on, 'medium') : t('never_verified')}
                  </span>
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">{e('queue_empty')}</p>
        )}
      </section>
    </Layout>
  );
}
