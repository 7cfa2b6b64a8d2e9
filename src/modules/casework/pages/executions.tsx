/**
 * Executing authorities' tracks in pages: ExecutionsSection (for the case page, given a view model),
 * the page of an executing authority's officers (/{lang}/casework/executions), and the form posts
 * (forward, record progress, chase, status enquiry) that go back where they came from. Without JavaScript.
 */
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import type { App } from '../../../platform/http/app.js';
import type { Actor } from '../../access/index.js';
import { CsrfField } from '../../../platform/web/layout.js';
import { href, pageContext, type PageContext } from '../../../platform/web/page.js';
import { TRACK_TRANSITIONS, type TrackTransitionName, type TracksSummary } from '../domain/execution.js';
import { CHANNELS, EXECUTING_BODY_KINDS } from '../domain/vocabulary.js';
import { forwardRequest, listExecutions, listMyTracks, recordChase, recordStatusEnquiry, transitionExecution, type ExecutionView } from '../execution-service.js';
import { caseworkNavLinks } from './nav.js';
import { backPath, fmtDate, handleForm, label, sendCaseworkPage, signInFirst, tx, type ET } from './execution-ui.js';

export interface ExecutionsSectionModel {
  caseId: string;
  executions: ExecutionView[];
  summary: TracksSummary;
  mayForward: boolean;
  /** The directory authorities of the owner's State the request may be forwarded to (the form's picker). */
  candidates: { id: string; name: string }[];
  mayRecordEnquiry: boolean;
  /** Path under /{lang} the forms return to, e.g. /casework/cases/<id>. */
  back: string;
}

/** The view model of ExecutionsSection for a case, as the reader may see it (404/403 as listExecutions). */
export async function loadExecutionsSection(db: Kysely<DB>, actor: Actor, caseId: string, lang: PageContext['lang'] = 'en'): Promise<ExecutionsSectionModel> {
  return { ...(await listExecutions(db, actor, caseId, lang)), caseId, back: `/casework/cases/${caseId}` };
}

const needsReason = (name: TrackTransitionName) => TRACK_TRANSITIONS.find((t) => t.name === name)?.requiresReason ?? false;

/** The forms recording progress on one track: one button per allowed transition, a reason where required. */
export function TrackForms({ ctx, t, e, back }: { ctx: PageContext; t: ET; e: ExecutionView; back: string }) {
  if (!e.actions.length && !e.mayChase) return null;
  const id = `track-${e.id}`;
  return (
    <div class="track-forms">
      {e.actions.length ? (
        <form method="post" action={href(ctx, `/casework/executions/${e.id}/transitions`)} class="track-form">
          <CsrfField ctx={ctx} />
          <input type="hidden" name="back" value={back} />
          <input type="hidden" name="version" value={String(e.version)} />
          <label for={`${id}-ref`}>{t('their_reference_label')}</label>
          <input id={`${id}-ref`} name="theirReference" maxLength={120} value={e.theirReference ?? ''} dir="auto" />
          {e.actions.some(needsReason) ? (
            <>
              <label for={`${id}-reason`}>{t('reason_label')}</label>
              <textarea id={`${id}-reason`} name="reason" maxLength={2000} rows={2} dir="auto" />
            </>
          ) : null}
          <div class="button-row">
            {e.actions.map((a) => (
              <button type="submit" name="transition" value={a} class={needsReason(a) ? 'secondary' : undefined}>
                {label(t, 'tr_', a)}
              </button>
            ))}
          </div>
        </form>
      ) : null}
      {e.mayChase ? (
        <form method="post" action={href(ctx, `/casework/executions/${e.id}/chase`)} class="inline-form">
          <CsrfField ctx={ctx} />
          <input type="hidden" name="back" value={back} />
          <button type="submit" class="secondary">
            {t('chase_button')}
          </button>
        </form>
      ) : null}
    </div>
  );
}

function TrackTable({ ctx, t, rows, back, caseColumn }: { ctx: PageContext; t: ET; rows: (ExecutionView & { caseReference?: string | null; caseTitle?: string })[]; back: (e: ExecutionView) => string; caseColumn: boolean }) {
  return (
    <div class="table-wrap">
      <table class="tracks-table">
        <thead>
          <tr>
            {caseColumn ? <th scope="col">{t('col_case')}</th> : null}
            <th scope="col">{t('col_authority')}</th>
            <th scope="col">{t('col_state')}</th>
            <th scope="col">{t('col_forwarded')}</th>
            <th scope="col">{t('col_due')}</th>
            <th scope="col">{t('col_news')}</th>
            <th scope="col">{t('col_actions')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((e) => (
            <tr class={`track track--${e.state}`}>
              {caseColumn ? (
                <td>
                  <span dir="ltr">{e.caseReference ?? '—'}</span>
                  <br />
                  <span dir="auto">{e.caseTitle}</span>
                </td>
              ) : null}
              <th scope="row">
                <span dir="auto">{e.executingName}</span>
                <br />
                <span class="muted">{label(t, 'body_', e.bodyKind)}</span>
                {e.theirReference ? (
                  <>
                    <br />
                    <span class="muted" dir="auto">
                      {t('their_reference_label')}: {e.theirReference}
                    </span>
                  </>
                ) : null}
              </th>
              <td>
                <span class={`track-state track-state--${e.state}`}>{label(t, 'state_', e.state)}</span>
                {e.reason ? (
                  <p class="muted" dir="auto">
                    {t('reason_label')}: {e.reason}
                  </p>
                ) : null}
              </td>
              <td>{fmtDate(e.forwardedOn)}</td>
              <td>{fmtDate(e.dueOn)}</td>
              <td>
                {fmtDate(e.lastNewsOn)}
                {e.chasedOn ? <p class="muted">{t('chased_on', { date: e.chasedOn })}</p> : null}
              </td>
              <td>
                <TrackForms ctx={ctx} t={t} e={e} back={back(e)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The executing authorities of a case, for the case page (built by the case pages from listExecutions). */
export function ExecutionsSection({ ctx, model }: { ctx: PageContext; model: ExecutionsSectionModel }) {
  const t = tx(ctx);
  const { summary } = model;
  return (
    <section id="executions" class="executions-section" aria-labelledby="executions-heading">
      <h2 id="executions-heading">{t('section_title')}</h2>
      {model.executions.length ? (
        <>
          <p>{t('summary', { open: summary.open, total: summary.total })}</p>
          {summary.readyForResultsReview ? <p class="notice notice--ok">{t('ready_review')}</p> : null}
          <TrackTable ctx={ctx} t={t} rows={model.executions} back={() => model.back} caseColumn={false} />
        </>
      ) : (
        <p>{t('none')}</p>
      )}
      {model.mayForward ? <ForwardForm ctx={ctx} t={t} caseId={model.caseId} back={model.back} candidates={model.candidates} /> : null}
      {model.mayRecordEnquiry ? <EnquiryForm ctx={ctx} t={t} caseId={model.caseId} back={model.back} /> : null}
    </section>
  );
}

function ForwardForm({ ctx, t, caseId, back, candidates }: { ctx: PageContext; t: ET; caseId: string; back: string; candidates: { id: string; name: string }[] }) {
  return (
    <details class="forward-form" open={ctx.query.forward === '1'}>
      <summary>{t('forward_title')}</summary>
      <form method="post" action={href(ctx, `/casework/cases/${caseId}/executions`)}>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="back" value={back} />
        <label for="fw-id">{t('forward_authority_pick')}</label>
        <select id="fw-id" name="executingAuthorityId" aria-describedby="fw-id-hint">
          {candidates.map((a) => (
            <option value={a.id} dir="auto">
              {a.name}
            </option>
          ))}
          <option value="">{t('forward_other')}</option>
        </select>
        <p id="fw-id-hint" class="hint">
          {t('forward_pick_hint')}
        </p>
        <label for="fw-name">{t('forward_name')}</label>
        <input id="fw-name" name="executingName" maxLength={300} dir="auto" />
        <label for="fw-kind">{t('forward_body_kind')}</label>
        <select id="fw-kind" name="bodyKind">
          {EXECUTING_BODY_KINDS.map((k) => (
            <option value={k}>{label(t, 'body_', k)}</option>
          ))}
        </select>
        <label for="fw-measures">{t('forward_measures')}</label>
        <input id="fw-measures" name="measures" maxLength={2000} dir="ltr" />
        <label for="fw-due">{t('col_due')}</label>
        <input id="fw-due" name="dueOn" type="date" />
        <label for="fw-note">{t('note_label')}</label>
        <textarea id="fw-note" name="note" maxLength={5000} rows={3} dir="auto" />
        <button type="submit">{t('forward_button')}</button>
      </form>
    </details>
  );
}

function EnquiryForm({ ctx, t, caseId, back }: { ctx: PageContext; t: ET; caseId: string; back: string }) {
  return (
    <details class="enquiry-form">
      <summary>{t('enquiry_title')}</summary>
      <form method="post" action={href(ctx, `/casework/cases/${caseId}/status-enquiries`)}>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="back" value={back} />
        <label for="enq-date">{t('enquiry_date')}</label>
        <input id="enq-date" name="date" type="date" required />
        <label for="enq-channel">{t('enquiry_channel')}</label>
        <select id="enq-channel" name="channel">
          {CHANNELS.map((c) => (
            <option value={c}>{label(t, 'channel_', c)}</option>
          ))}
        </select>
        <label for="enq-note">{t('note_label')}</label>
        <textarea id="enq-note" name="note" maxLength={2000} rows={2} dir="auto" />
        <button type="submit">{t('enquiry_button')}</button>
      </form>
    </details>
  );
}

const body = (request: FastifyRequest) => (request.body && typeof request.body === 'object' ? (request.body as Record<string, unknown>) : {});
const param = (request: FastifyRequest) => (request.params as { id: string }).id;

export async function executionPages(app: App): Promise<void> {
  app.get('/casework/executions', async (request, reply) => {
    const redirected = signInFirst(request, reply);
    if (redirected) return redirected;
    const ctx = pageContext(request);
    const t = tx(ctx);
    const all = ctx.query.all === '1';
    const rows = await listMyTracks(app.db, request.actor, { open: !all });
    const back = all ? '/casework/executions?all=1' : '/casework/executions';
    return sendCaseworkPage(
      reply,
      ctx,
      t('executions_title'),
      <>
        <h1>{t('executions_title')}</h1>
        <p>{t('executions_intro')}</p>
        {ctx.query.done === '1' ? (
          <p class="notice notice--ok" role="status">
            {t('recorded')}
          </p>
        ) : null}
        <p>
          <a href={href(ctx, '/casework/executions', all ? {} : { all: 1 })}>{all ? t('show_open') : t('show_all')}</a>
        </p>
        {rows.length ? <TrackTable ctx={ctx} t={t} rows={rows} back={() => back} caseColumn={true} /> : <p>{t('executions_none')}</p>}
      </>,
      200,
      caseworkNavLinks(request.actor),
    );
  });

  const fallback = (request: FastifyRequest, caseId?: string) => backPath(body(request).back, caseId ? `/casework/cases/${caseId}` : '/casework/executions');
  app.post('/casework/cases/:id/executions', async (request, reply) => {
    const b = body(request);
    const input = { ...b, measures: typeof b.measures === 'string' ? b.measures : undefined };
    return handleForm(request, reply, fallback(request, param(request)), () => forwardRequest(app.db, request.actor, param(request), input));
  });
  app.post('/casework/executions/:id/transitions', async (request, reply) => handleForm(request, reply, fallback(request), () => transitionExecution(app.db, request.actor, param(request), pick(body(request), ['transition', 'reason', 'note', 'theirReference', 'version']))));
  app.post('/casework/executions/:id/chase', async (request, reply) => handleForm(request, reply, fallback(request), () => recordChase(app.db, request.actor, param(request), pick(body(request), ['date', 'note']))));
  app.post('/casework/cases/:id/status-enquiries', async (request, reply) => handleForm(request, reply, fallback(request, param(request)), () => recordStatusEnquiry(app.db, request.actor, param(request), pick(body(request), ['date', 'channel', 'note']))));
}

/** Only the fields of the form (not _csrf or back); empty strings are "not given". */
function pick(b: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => b[k] !== undefined && b[k] !== '').map((k) => [k, b[k]]));
}
