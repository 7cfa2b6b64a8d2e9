/** The case page: summary, verified-history mark, persons, legal bases, links, executing authorities, the steps the reader may take (forms), timeline. */
import { CsrfField, Layout } from '../../../platform/web/layout.js';
import { href, type PageContext } from '../../../platform/web/page.js';
import type { FieldIssue } from '../../../platform/http/errors.js';
import { findTransition, type CaseTransition } from '../domain/transitions.js';
import { CHANNELS, REFUSAL_GROUNDS } from '../domain/vocabulary.js';
import type { CaseView } from '../service.js';
import { countryLabel, cwT, ErrorSummary, fid, formatDate, formatDateTime, label, termText, type CwT, type PageRefs } from './ui.js';

export interface CasePageProps {
  ctx: PageContext;
  refs: PageRefs;
  view: CaseView;
  issues?: FieldIssue[];
  message?: string | undefined;
  /** The transition whose form failed (kept open with the values given). */
  failed?: { transition: string; values: Record<string, unknown> } | undefined;
  done?: boolean;
}

function Row({ term, children }: { term: string; children: unknown }) {
  if (children === null || children === undefined || children === '' || (Array.isArray(children) && !children.length)) return null;
  return (
    <>
      <dt>{term}</dt>
      <dd>{children as string}</dd>
    </>
  );
}

export function CasePage({ ctx, refs, view, issues = [], message, failed, done }: CasePageProps) {
  const t = cwT(ctx.lang);
  const c = view.case;
  const name = c.reference ?? t('reference_none');
  return (
    <Layout ctx={ctx} title={`${name} · ${c.title}`} section="casework">
      <main id="main" class="casework cw-case">
        <p>
          <a href={href(ctx, '/casework')}>{t('back_to_worklist')}</a>
        </p>
        <h1>
          <span class="cw-ref">{name}</span> <span dir="auto">{c.title}</span>
        </h1>
        <p class="cw-status">
          <span class={`cw-state cw-state-${c.state}`}>{label(t, 'state', c.state)}</span> · {t(`direction_${c.direction}`)} · {label(t, 'kind', c.kind)}
          {c.assigned_to && c.assigned_to === ctx.viewer?.id ? <> · {t('assigned_to_you')}</> : null}
        </p>
        {view.verification.ok ? (
          <p class="cw-verified" role="status">
            ✓ {t('history_verified', { count: view.verification.events })}
          </p>
        ) : (
          <p class="cw-broken" role="alert">
            ⚠ {t('history_broken', { seq: view.verification.problem?.seq ?? 0 })}
          </p>
        )}
        {done ? (
          <p class="notice" role="status">
            {t('done')}
          </p>
        ) : null}
        {!view.owner ? <p class="notice">{t('forwarded_note')}</p> : null}
        <ErrorSummary t={t} issues={issues} message={message} />
        <section aria-labelledby="h-summary">
          <h2 id="h-summary">{t('h_summary')}</h2>
          <dl class="cw-facts">
            <Row term={t('our_reference')}>{c.reference ?? t('reference_none')}</Row>
            <Row term={t('f_partner_country')}>{countryLabel(refs, c.partner_country, ctx.lang)}</Row>
            <Row term={t('partner_authority')}>{c.partner_authority_name ? <span dir="auto">{c.partner_authority_name}</span> : null}</Row>
            <Row term={t('partner_reference')}>{c.partner_reference ? <span dir="auto">{c.partner_reference}</span> : null}</Row>
            <Row term={t('f_measures')}>{c.measures.map((m) => termText(refs, 'measure', m, ctx.lang)).join(', ')}</Row>
            <Row term={t('f_crimes')}>{c.crime_types.map((m) => termText(refs, 'crime', m, ctx.lang)).join(', ')}</Row>
            <Row term={t('f_offence_text')}>{c.offence_text ? <span dir="auto">{c.offence_text}</span> : null}</Row>
            <Row term={t('f_urgency')}>{c.urgency !== 'normal' ? `${label(t, 'urgency', c.urgency)} — ${c.urgency_reason ?? ''}` : null}</Row>
            <Row term={t('f_received_on')}>{formatDate(c.received_on, ctx.lang)}</Row>
            <Row term={t('f_partner_deadline')}>{formatDate(c.partner_deadline, ctx.lang)}</Row>
            <Row term={t('field_channel')}>{c.channel ? label(t, 'channel', c.channel) : null}</Row>
            <Row term={t('field_outcome')}>{c.outcome ? label(t, 'outcome', c.outcome) : null}</Row>
            <Row term={t('field_grounds')}>{c.refusal_grounds.map((g) => label(t, 'ground', g)).join(', ')}</Row>
            <Row term={t('field_until')}>{formatDate(c.postponed_until, ctx.lang)}</Row>
          </dl>
          {c.summary ? (
            <p class="cw-summary" dir="auto">
              {c.summary}
            </p>
          ) : null}
          {view.may.edit ? (
            <p>
              <a class="button secondary" href={href(ctx, `/casework/cases/${c.id}/edit`)}>
                {t('edit')}
              </a>
            </p>
          ) : null}
          {view.may.assign && ctx.viewer ? (
            <form method="post" action={href(ctx, `/casework/cases/${c.id}/assign`)} class="inline-form">
              <CsrfField ctx={ctx} />
              <input type="hidden" name="version" value={String(c.version)} />
              {c.assigned_to === ctx.viewer.id ? (
                <button type="submit" name="user_id" value="" class="secondary">
                  {t('unassign')}
                </button>
              ) : (
                <button type="submit" name="user_id" value={ctx.viewer.id} class="secondary">
                  {t('assign_to_me')}
                </button>
              )}
            </form>
          ) : null}
        </section>
        <Actions ctx={ctx} t={t} view={view} failed={failed} />
        <section aria-labelledby="h-persons">
          <h2 id="h-persons">{t('h_persons')}</h2>
          {view.persons.length ? (
            <ul>
              {view.persons.map((p) => (
                <li>
                  <span dir="auto">
                    {p.family_name}
                    {p.given_names ? `, ${p.given_names}` : ''}
                  </span>{' '}
                  ({label(t, 'role', p.role)}){p.nationalities.length ? ` · ${p.nationalities.map((n) => countryLabel(refs, n, ctx.lang)).join(', ')}` : ''}
                  {p.birth_date ? ` · ${formatDate(p.birth_date, ctx.lang)}` : ''}
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('none')}</p>
          )}
        </section>
        <section aria-labelledby="h-bases">
          <h2 id="h-bases">{t('h_legal_bases')}</h2>
          {view.legalBases.length ? (
            <ul>
              {view.legalBases.map((b) => (
                <li>
                  {label(t, 'basis', b.basis)}
                  {b.instrument_id ? ` · ${b.instrument_id}` : ''}
                  {b.article ? ` · ${t('f_article')} ${b.article}` : ''}
                  {b.note ? (
                    <>
                      {' · '}
                      <span dir="auto">{b.note}</span>
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('none')}</p>
          )}
        </section>
        {view.owner ? (
          <section aria-labelledby="h-links">
            <h2 id="h-links">{t('h_links')}</h2>
            {view.links.length ? (
              <ul>
                {view.links.map((l) => (
                  <li>
                    {label(t, 'link', l.kind)}: <a href={href(ctx, `/casework/cases/${l.other_case_id}`)}>{l.reference ?? t('reference_none')}</a> <span dir="auto">{l.title}</span>
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t('none')}</p>
            )}
          </section>
        ) : null}
        {view.tracks.length ? (
          <section aria-labelledby="h-tracks">
            <h2 id="h-tracks">{t('h_tracks')}</h2>
            <ul>
              {view.tracks.map((x) => (
                <li>
                  <span dir="auto">{x.executing_name}</span>
                  {x.their_reference ? (
                    <>
                      {' · '}
                      <span dir="auto">{x.their_reference}</span>
                    </>
                  ) : null}{' '}
                  · {x.state}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <Timeline ctx={ctx} t={t} view={view} />
      </main>
    </Layout>
  );
}

function Actions({ ctx, t, view, failed }: { ctx: PageContext; t: CwT; view: CaseView; failed: CasePageProps['failed'] }) {
  if (!view.owner) return null;
  const c = view.case;
  const canForward = c.direction === 'incoming' && findTransition('incoming', 'forward')!.from.includes(c.state) && view.may.edit;
  return (
    <section aria-labelledby="h-actions">
      <h2 id="h-actions">{t('h_actions')}</h2>
      {view.transitions.length ? (
        <div class="cw-transitions">
          {view.transitions.map((tr) => (
            <TransitionForm ctx={ctx} t={t} view={view} tr={tr} values={failed?.transition === tr.name ? failed.values : undefined} />
          ))}
        </div>
      ) : (
        <p>{t('no_actions')}</p>
      )}
      {canForward ? <p class="hint">{t('forward_elsewhere')}</p> : null}
    </section>
  );
}

function TransitionForm({ ctx, t, view, tr, values }: { ctx: PageContext; t: CwT; view: CaseView; tr: CaseTransition; values: Record<string, unknown> | undefined }) {
  const fields = [...tr.requires, ...(tr.optional ?? [])];
  const v = (k: string) => (typeof values?.[k] === 'string' ? (values[k] as string) : '');
  const id = (k: string) => fid(`${tr.name}-${k}`);
  const required = (k: string) => tr.requires.includes(k as never);
  const body = (
    <form method="post" action={href(ctx, `/casework/cases/${view.case.id}/transition`)} class="cw-transition">
      <CsrfField ctx={ctx} />
      <input type="hidden" name="transition" value={tr.name} />
      <input type="hidden" name="version" value={String(view.case.version)} />
      {fields.includes('comment') ? (
        <div class="form-row">
          <label for={id('comment')}>{t('field_comment')}</label>
          <textarea id={id('comment')} name="comment" rows={2} dir="auto" maxLength={5000} required={required('comment')}>
            {v('comment')}
          </textarea>
        </div>
      ) : null}
      {fields.includes('grounds') ? (
        <fieldset>
          <legend>{t('field_grounds')}</legend>
          {REFUSAL_GROUNDS.filter((g) => g !== 'bank_secrecy_not_a_ground').map((g) => (
            <div class="check">
              <input type="checkbox" id={id(`ground-${g}`)} name="grounds" value={g} />
              <label for={id(`ground-${g}`)}>{label(t, 'ground', g)}</label>
            </div>
          ))}
        </fieldset>
      ) : null}
      {fields.includes('date') ? (
        <div class="form-row">
          <label for={id('date')}>{t('field_date')}</label>
          <input type="date" id={id('date')} name="date" value={v('date') || new Date().toISOString().slice(0, 10)} required={required('date')} />
        </div>
      ) : null}
      {fields.includes('until') ? (
        <div class="form-row">
          <label for={id('until')}>{t('field_until')}</label>
          <input type="date" id={id('until')} name="until" value={v('until')} required={required('until')} />
        </div>
      ) : null}
      {fields.includes('channel') ? (
        <div class="form-row">
          <label for={id('channel')}>{t('field_channel')}</label>
          <select id={id('channel')} name="channel" required={required('channel')}>
            {CHANNELS.map((ch) => (
              <option value={ch} selected={v('channel') === ch}>
                {label(t, 'channel', ch)}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {fields.includes('outcome') ? (
        <div class="form-row">
          <label for={id('outcome')}>{t('field_outcome')}</label>
          <select id={id('outcome')} name="outcome">
            {(['executed', 'partly_executed'] as const).map((o) => (
              <option value={o} selected={v('outcome') === o}>
                {label(t, 'outcome', o)}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <button type="submit" name="go" value={tr.name}>
        {label(t, 'tr', tr.name)}
      </button>
    </form>
  );
  if (!fields.length) return body;
  return (
    <details open={values !== undefined}>
      <summary>{label(t, 'tr', tr.name)}</summary>
      {body}
    </details>
  );
}

function Timeline({ ctx, t, view }: { ctx: PageContext; t: CwT; view: CaseView }) {
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
