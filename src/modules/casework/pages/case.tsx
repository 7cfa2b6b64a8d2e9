/**
 * The case page: summary, verified-history mark, the steps the reader may take (forms), persons, legal
 * bases, executing authorities (tracks, forwarding), documents, deadlines, linked requests, timeline;
 * with a navigation to these sections. The parts come from their own components (case-actions.tsx,
 * case-sections.tsx, executions.tsx, documents.tsx).
 */
import { CsrfField, Layout } from '../../../platform/web/layout.js';
import { href, type PageContext } from '../../../platform/web/page.js';
import type { FieldIssue } from '../../../platform/http/errors.js';
import type { CaseDocuments } from '../documents-service.js';
import type { DeadlineView } from '../deadline-service.js';
import type { CaseView } from '../service.js';
import { Actions, type FailedTransition } from './case-actions.js';
import { CaseNav, DeadlinesSection, Timeline } from './case-sections.js';
import type { CaseLink } from '../case-extensions.js';
import { DocumentsSection } from './documents.js';
import { ExecutionsSection, type ExecutionsSectionModel } from './executions.js';
import { CaseworkNav, type CaseworkNavLinks } from './nav.js';
import { countryLabel, cwT, ErrorSummary, formatDate, label, termText, type PageRefs } from './ui.js';

/** The parts of the case page read besides the case itself (each by its own service, as the reader may see it). */
export interface CaseSections {
  executions: ExecutionsSectionModel;
  documents: CaseDocuments;
  deadlines: DeadlineView[];
  /** CASEWORK_MAX_UPLOAD_MB, for the upload form. */
  maxMb: number;
  nav: CaseworkNavLinks;
  /** Links other modules supply for this case (case-extensions.ts), e.g. its exchange with partner nodes. */
  links?: CaseLink[];
}

export interface CasePageProps {
  ctx: PageContext;
  refs: PageRefs;
  view: CaseView;
  sections: CaseSections;
  issues?: FieldIssue[];
  message?: string | undefined;
  /** The transition whose form failed (kept open with the values given). */
  failed?: FailedTransition;
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

export function CasePage({ ctx, refs, view, sections, issues = [], message, failed, done }: CasePageProps) {
  const t = cwT(ctx.lang);
  const c = view.case;
  const name = c.reference ?? t('reference_none');
  return (
    <Layout ctx={ctx} title={`${name} · ${c.title}`} section="casework">
      <main id="main" class="casework cw-case">
        <CaseworkNav ctx={ctx} links={sections.nav} />
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
        <CaseNav ctx={ctx} t={t} view={view} />
        <section id="summary" aria-labelledby="h-summary">
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
        <Actions ctx={ctx} view={view} failed={failed} mayForward={sections.executions.mayForward} />
        {sections.links?.length ? (
          <ul class="cw-case-links">
            {sections.links.map((l) => (
              <li>
                <a href={l.href} dir="auto">{l.label}</a>
              </li>
            ))}
          </ul>
        ) : null}
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
        <ExecutionsSection ctx={ctx} model={sections.executions} />
        <DocumentsSection ctx={ctx} model={sections.documents} maxMb={sections.maxMb} compact />
        <DeadlinesSection ctx={ctx} t={t} deadlines={sections.deadlines} trackNames={new Map(sections.executions.executions.map((x) => [x.id, x.executingName]))} />
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
        <Timeline ctx={ctx} t={t} view={view} />
      </main>
    </Layout>
  );
}
