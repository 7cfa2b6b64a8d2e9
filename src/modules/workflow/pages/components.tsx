/**
 * Page pieces shared by every editor over the workflow: the transition buttons a reader may use, the
 * events of a revision, and the readable changes (inserted and deleted words marked with <ins>/<del>,
 * which carry meaning without colour).
 */
import type { ComponentChildren } from 'preact';
import { CsrfField } from '../../../platform/web/layout.js';
import type { PageContext } from '../../../platform/web/page.js';
import { formatDate, translator } from '../../../platform/i18n/messages.js';
import type { Lang } from '../../../platform/i18n/languages.js';
import type { FieldChange } from '../domain/diff.js';
import type { HistoryItem } from '../service.js';
import { workflowMessages } from '../workflow.messages.js';

export const wfT = (lang: Lang) => translator(workflowMessages, lang);

const NEEDS_COMMENT = new Set(['return', 'archive']);
const ORDER = ['submit', 'publish', 'return', 'withdraw', 'discard', 'archive', 'restore'];

/**
 * One POST form per transition the reader may apply (the caller passes the transitions the workflow
 * offers them: never a button they cannot use). Return and archive ask for a reason; publishing a
 * machine translation offers to confirm it was reviewed.
 */
export function TransitionForms(props: { ctx: PageContext; action: string; revisionId: number; transitions: readonly string[]; machineTranslated?: boolean }) {
  const { ctx } = props;
  const w = wfT(ctx.lang);
  const list = ORDER.filter((x) => props.transitions.includes(x));
  if (!list.length) return null;
  return (
    <div class="dir-transitions wf-transitions">
      {list.map((name) => (
        <form method="post" action={props.action} class="dir-transition-form">
          <CsrfField ctx={ctx} />
          <input type="hidden" name="revision" value={String(props.revisionId)} />
          <input type="hidden" name="transition" value={name} />
          {NEEDS_COMMENT.has(name) ? (
            <>
              <label for={`c-${name}-${props.revisionId}`}>{w('comment_required')}</label>
              <input type="text" id={`c-${name}-${props.revisionId}`} name="comment" maxLength={4000} required />
            </>
          ) : null}
          {name === 'publish' && props.machineTranslated ? (
            <label class="checkbox">
              <input type="checkbox" name="reviewed" value="1" /> {w('reviewed_mt')}
            </label>
          ) : null}
          <button type="submit" class={name === 'publish' || name === 'submit' ? '' : 'secondary'}>
            {w(name as 'submit')}
          </button>
        </form>
      ))}
    </div>
  );
}

export function EventList(props: { ctx: PageContext; events: HistoryItem['events'] }) {
  const w = wfT(props.ctx.lang);
  return (
    <ul class="dir-events">
      {props.events.map((ev) => (
        <li>
          {w('event_by', { event: w(`ev_${ev.event}` as 'ev_create'), name: ev.actor_name ?? w('someone'), date: formatDate(props.ctx.lang, new Date(ev.at), 'medium') })}
          {ev.comment ? (
            <>
              {' — '}
              <q dir="auto">{ev.comment}</q>
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

const show = (v: unknown) => (v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v));

/** The changes of a revision as a table: word-level for texts, before/after for other values. */
export function DiffTable(props: { ctx: PageContext; changes: readonly FieldChange[]; label?: (path: string) => string }) {
  const w = wfT(props.ctx.lang);
  if (!props.changes.length) return <p class="muted">{w('no_changes')}</p>;
  return (
    <div class="table-wrap" role="region" aria-label={w('changes')} tabIndex={0}>
      <table class="dir-diff">
        <thead>
          <tr>
            <th scope="col">{w('changes')}</th>
            <th scope="col">{w('before')}</th>
            <th scope="col">{w('after')}</th>
          </tr>
        </thead>
        <tbody>
          {props.changes.map((c) => (
            <tr>
              <th scope="row">
                {props.label ? props.label(c.path) : <code>{c.path}</code>} ({w(`change_${c.kind}`)})
              </th>
              {c.text ? (
                <td colSpan={2} dir="auto">
                  {c.text.map((op) => (op.op === 'insert' ? <ins>{op.text}</ins> : op.op === 'delete' ? <del>{op.text}</del> : op.text))}
                </td>
              ) : (
                <>
                  <td dir="auto">{c.before === undefined ? '' : <del>{show(c.before)}</del>}</td>
                  <td dir="auto">{c.after === undefined ? '' : <ins>{show(c.after)}</ins>}</td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One revision in a history: state, note, events, changes, the reader's transitions and "revert". */
export function RevisionCard(props: {
  ctx: PageContext;
  item: HistoryItem;
  transitionAction: string;
  revertAction: string | null;
  heading?: ComponentChildren;
  label?: (path: string) => string;
}) {
  const { ctx, item } = props;
  const w = wfT(ctx.lang);
  const r = item.revision;
  const mt = !!r.document && typeof r.document === 'object' && (r.document as { machine_translated?: unknown }).machine_translated === true;
  return (
    <li class="card" id={`revision-${r.id}`}>
      <h2>
        {props.heading ?? w('revision', { n: r.number })} · {w(`state_${r.state}` as 'state_draft')}
        {mt ? <span class="badge badge--mt">{w('mt_badge')}</span> : null}
      </h2>
      {r.note ? <p dir="auto">{r.note}</p> : null}
      <EventList ctx={ctx} events={item.events} />
      <h3>{w('changes')}</h3>
      <DiffTable ctx={ctx} changes={item.changes} {...(props.label ? { label: props.label } : {})} />
      <TransitionForms ctx={ctx} action={props.transitionAction} revisionId={r.id} transitions={item.actions} machineTranslated={mt} />
      {props.revertAction && (r.state === 'superseded' || r.state === 'published' || r.state === 'archived') ? (
        <form method="post" action={props.revertAction} class="inline-form">
          <CsrfField ctx={ctx} />
          <input type="hidden" name="revision" value={String(r.id)} />
          <button type="submit" class="secondary">
            {w('revert')}
          </button>
        </form>
      ) : null}
    </li>
  );
}
