/** History of an authority (revisions, events, readable changes, revert) and the editors' work queue. */
import { CsrfField, Layout } from '../../../platform/web/layout.js';
import { formatDate } from '../../../platform/i18n/messages.js';
import { href, type PageContext } from '../../../platform/web/page.js';
import type { HistoryItem } from '../../workflow/service.js';
import type { WorkQueue } from '../editing.js';
import { countryLabel, dirT, edT, nameText, type PageRefs } from './ui.js';
import { TransitionForms } from './workflow-forms.js';

const show = (v: unknown) => (v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v));

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
        {props.items.map((item) => {
          const r = item.revision;
          return (
            <li class="card">
              <h2>
                {e('revision', { n: r.number })} · {e(`state_${r.state}` as 'state_draft')}
              </h2>
              {r.note ? <p dir="auto">{r.note}</p> : null}
              <ul class="dir-events">
                {item.events.map((ev) => (
                  <li>
                    {e('event_by', { event: e(`ev_${ev.event}` as 'ev_create'), name: ev.actor_name ?? e('someone'), date: formatDate(ctx.lang, new Date(ev.at), 'medium') })}
                    {ev.comment ? (
                      <>
                        {' — '}
                        <q dir="auto">{ev.comment}</q>
                      </>
                    ) : null}
                  </li>
                ))}
              </ul>
              <h3>{e('changes')}</h3>
              {item.changes.length ? (
                <div class="table-wrap" role="region" aria-label={e('changes')} tabIndex={0}>
                  <table class="dir-diff">
                    <thead>
                      <tr>
                        <th scope="col">{e('changes')}</th>
                        <th scope="col">{e('before')}</th>
                        <th scope="col">{e('after')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {item.changes.map((c) => (
                        <tr>
                          <th scope="row">
                            <code>{c.path}</code> ({e(`change_${c.kind}`)})
                          </th>
                          {c.text ? (
                            <td colSpan={2} dir="auto">
                              {c.text.map((op) => (op.op === 'insert' ? <ins>{op.text}</ins> : op.op === 'delete' ? <del>{op.text}</del> : op.text))}
                            </td>
                          ) : (
                            <>
                              <td dir="auto">{show(c.before)}</td>
                              <td dir="auto">{show(c.after)}</td>
                            </>
                          )}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              ) : (
                <p class="muted">{e('no_changes')}</p>
              )}
              <TransitionForms ctx={ctx} id={props.id} revisionId={r.id} transitions={item.actions} />
              {props.canRevert && (r.state === 'superseded' || r.state === 'published' || r.state === 'archived') ? (
                <form method="post" action={href(ctx, `/directory/authorities/${props.id}/revert`)} class="inline-form">
                  <CsrfField ctx={ctx} />
                  <input type="hidden" name="revision" value={String(r.id)} />
                  <button type="submit" class="secondary">
                    {e('revert')}
                  </button>
                </form>
              ) : null}
            </li>
          );
        })}
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
                  <span class="badge">{e(`state_${r.state}` as 'state_draft')}</span>
                  <span>{e('revision', { n: r.number })}</span>
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
