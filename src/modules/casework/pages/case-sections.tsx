/** Sections of the case page: the in-page navigation, the deadlines and the timeline (history). */
import { href, type PageContext } from '../../../platform/web/page.js';
import type { DeadlineView } from '../deadline-service.js';
import type { CaseView } from '../service.js';
import { formatDate, formatDateTime, label, type CwT } from './ui.js';
import { label as trackLabel, tx } from './execution-ui.js';

/** Links to the sections of the case page (in-page anchors; documents also have their own page). */
export function CaseNav({ ctx, t, view }: { ctx: PageContext; t: CwT; view: CaseView }) {
  const here = `/casework/cases/${view.case.id}`;
  const items: [string, string][] = [
    ['#h-summary', t('nav_summary')],
    ['#executions', t('nav_executions')],
    ['#documents', t('nav_documents')],
    ['#deadlines', t('nav_deadlines')],
    ...(view.owner ? ([['#h-links', t('nav_links')]] as [string, string][]) : []),
    ['#h-timeline', t('nav_timeline')],
  ];
  return (
    <nav class="cw-case-nav" aria-label={t('nav_case')}>
      <ul class="inline-list">
        {items.map(([anchor, text]) => (
          <li>
            <a href={`${href(ctx, here)}${anchor}`}>{text}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The case's deadlines (an executing authority: those of its own track). */
export function DeadlinesSection({ ctx, t, deadlines, trackNames }: { ctx: PageContext; t: CwT; deadlines: DeadlineView[]; trackNames: Map<string, string> }) {
  return (
    <section id="deadlines" aria-labelledby="h-deadlines">
      <h2 id="h-deadlines">{t('h_deadlines')}</h2>
      {deadlines.length ? (
        <div class="table-wrap" tabIndex={0} role="region" aria-labelledby="h-deadlines">
          <table class="cw-deadlines">
            <thead>
              <tr>
                <th scope="col">{t('col_dl_label')}</th>
                <th scope="col">{t('col_dl_kind')}</th>
                <th scope="col">{t('col_dl_due')}</th>
                <th scope="col">{t('col_dl_status')}</th>
              </tr>
            </thead>
            <tbody>
              {deadlines.map((d) => (
                <tr class={`cw-deadline cw-deadline-${d.status}`}>
                  <td>
                    <span dir="auto">{d.label}</span>
                    {d.executionId && trackNames.has(d.executionId) ? (
                      <>
                        <br />
                        <span class="muted" dir="auto">
                          {t('dl_track', { name: trackNames.get(d.executionId)! })}
                        </span>
                      </>
                    ) : null}
                  </td>
                  <td>{label(t, 'dlkind', d.kind)}</td>
                  <td class="nowrap">{formatDate(d.dueOn, ctx.lang)}</td>
                  <td>
                    {label(t, 'dlstatus', d.status)}
                    {d.metOn ? ` · ${formatDate(d.metOn, ctx.lang)}` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t('deadlines_none')}</p>
      )}
    </section>
  );
}

/** The case history, oldest first (what the reader may see of it). */
export function Timeline({ ctx, t, view }: { ctx: PageContext; t: CwT; view: CaseView }) {
  return (
    <section aria-labelledby="h-timeline">
      <h2 id="h-timeline">{t('h_timeline')}</h2>
      <ol class="cw-timeline">
        {view.events.map((e) => {
          const d = e.data as Record<string, unknown>;
          return (
            <li>
              <time datetime={e.at}>{formatDateTime(e.at, ctx.lang)}</time> — <strong>{label(t, 'event', e.type)}</strong>
              {e.type === 'transition' ? <> : {t('change_from_to', { from: label(t, 'state', String(d.from)), to: label(t, 'state', String(d.to)) })}</> : null}
              {e.type === 'transition' && d.reference ? <> · {String(d.reference)}</> : null}
              {e.type === 'edited' && d.changes ? <> : {Object.keys(d.changes as object).join(', ')}</> : null}
              {e.type === 'execution_forwarded' && typeof d.executingName === 'string' ? (
                <>
                  {' : '}
                  <span dir="auto">{d.executingName}</span>
                </>
              ) : null}
              {e.type === 'execution_transition' && typeof d.to === 'string' ? <> : {trackLabel(tx(ctx), 'state_', d.to)}</> : null}
              {e.actorName ? (
                <>
                  {' '}
                  <span dir="auto">{t('by', { name: e.actorName })}</span>
                </>
              ) : null}
              {typeof d.comment === 'string' ? (
                <blockquote dir="auto" class="cw-comment">
                  {d.comment}
                </blockquote>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
