/**
 * /{lang}/writer/{caseId}/{step}: one step of a draft, server-side (works without JavaScript). The
 * steps with their completeness, the step's questions, what the requested State's entry says, the
 * known refusal risks; on the review step every missing item (linked to its step) and the documents.
 */
import type { FieldIssue } from '../../../platform/http/errors.js';
import { CsrfField, Layout } from '../../../platform/web/layout.js';
import { href, type PageContext } from '../../../platform/web/page.js';
import { languageName } from '../../directory/index.js';
import { shown } from '../domain/completeness.js';
import { STEPS, type Question, type StepId } from '../domain/model.js';
import { questionsOf } from '../domain/steps.js';
import type { BasisSuggestion } from '../legal-basis.js';
import type { DraftView } from '../service.js';
import { docT, questionT, wT, type WT } from '../texts.js';
import { Control } from './controls.js';

export interface StepProps {
  ctx: PageContext;
  view: DraftView;
  step: StepId;
  issues: FieldIssue[];
  message?: string | undefined;
  suggestions: BasisSuggestion[];
  attached?: boolean;
}

function DirectoryBox(props: { view: DraftView; t: WT; lang: PageContext['lang'] }) {
  const { t } = props;
  const r = props.view.directory.requested;
  if (!r.authorityId) return <p class="writer-dir">{t('dir_none')}</p>;
  return (
    <section class="writer-dir" aria-labelledby="dir-h">
      <h2 id="dir-h">{t('directory_heading')}</h2>
      <dl>
        <dt>{t('dir_authority')}</dt>
        <dd dir="auto">{props.view.directory.receivingName}</dd>
        {r.languages.length ? (
          <>
            <dt>{t('dir_languages')}</dt>
            <dd>{r.languages.map((l) => languageName(props.lang, l)).join(', ')}</dd>
          </>
        ) : null}
        {r.channels.length ? (
          <>
            <dt>{t('dir_channels')}</dt>
            <dd>{r.channels.join(', ')}</dd>
          </>
        ) : null}
        {r.urgentProcedure ? (
          <>
            <dt>{t('dir_urgent')}</dt>
            <dd dir="auto">{r.urgentProcedure}</dd>
          </>
        ) : null}
        {r.requirements
          .filter((x) => x.status === 'conditions' && x.conditions)
          .map((x) => (
            <>
              <dt>{t('dir_conditions', { measure: x.measure })}</dt>
              <dd dir="auto">{x.conditions}</dd>
            </>
          ))}
        {r.eEvidence.preservation || r.eEvidence.disclosure ? (
          <>
            <dt>{t('dir_eevidence')}</dt>
            <dd dir="auto">{[r.eEvidence.preservation, r.eEvidence.disclosure].filter(Boolean).join('\n')}</dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}

export function StepPage(p: StepProps) {
  const { ctx, view, step, issues } = p;
  const t = wT(ctx.lang);
  const q = questionT(ctx.lang);
  const d = docT(ctx.lang);
  const a = view.draft.answers;
  const caseId = view.draft.case_id;
  const title = `${d(`title_${view.kind}`)} — ${t(`step_${step}`)}`;
  const optionLabel = (question: Question) => (o: string) => (question.id === 'doc_language' ? languageName(ctx.lang, o) : q(`opt_${o}`));
  const questions = questionsOf(view.kind, step, a, view.directory.requested).filter((x) => shown(x, a) || x.when !== undefined);
  const next = STEPS[STEPS.indexOf(step) + 1] ?? 'review';
  return (
    <Layout ctx={ctx} title={title} section="casework">
      <main id="main" class="writer">
        <p>
          <a href={href(ctx, '/writer')}>{t('back')}</a> · <a href={href(ctx, `/casework/cases/${caseId}`)}>{t('case_link')}</a>
        </p>
        <h1>
          {d(`title_${view.kind}`)} <span class="writer-ref">{view.caseView.case.reference}</span>
        </h1>
        <nav aria-label={t('steps')}>
          <ol class="writer-steps">
            {STEPS.map((s) => {
              const missing = view.missingByStep[s].length;
              return (
                <li>
                  <a href={href(ctx, `/writer/${caseId}/${s}`)} aria-current={s === step ? 'step' : undefined}>
                    {t(`step_${s}`)}
                  </a>{' '}
                  {s === 'review' ? null : missing ? <span class="tag">{t('step_missing', { count: missing })}</span> : <span class="tag done">{t('step_done')}</span>}
                </li>
              );
            })}
          </ol>
        </nav>
        <h2>{t(`step_${step}`)}</h2>
        {issues.length || p.message ? (
          <div class="error-summary" role="alert" tabIndex={-1}>
            <h2>{t('errors')}</h2>
            {p.message ? <p>{p.message}</p> : null}
            <ul>
              {issues.map((i) => (
                <li>
                  {i.field}: {i.message}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {!view.editable ? <p class="notice">{t('not_editable', { state: view.caseView.case.state })}</p> : null}
        {step === 'basis' && p.suggestions.length ? (
          <section class="writer-suggestions">
            <h3>{t('suggestions_heading')}</h3>
            <ul>
              {p.suggestions.map((s) => (
                <li dir="auto">
                  {q(`opt_${s.basis}`)}
                  {s.instrumentId ? ` — ${s.instrumentId}` : ''}
                  {s.article ? ` art. ${s.article}` : ''}
                  {s.note ? ` (${s.note})` : ''}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {step !== 'review' ? (
          <form method="post" action={href(ctx, `/writer/${caseId}/${step}`)} novalidate>
            <CsrfField ctx={ctx} />
            <input type="hidden" name="version" value={String(view.draft.version)} />
            {questions
              .filter((x) => shown(x, a))
              .map((x) => (
                <Control
                  q={x}
                  label={q(`q_${x.id}`)}
                  answers={a}
                  issues={issues}
                  optionLabel={optionLabel(x)}
                  t={t}
                  required={view.missingByStep[step].some((m) => m.field === x.id)}
                  disabled={!view.editable}
                />
              ))}
            {view.editable ? <button type="submit">{t('save_next')}</button> : null}
            <input type="hidden" name="next" value={next} />
          </form>
        ) : (
          <Review {...p} />
        )}
        {step === 'requested' || step === 'review' ? <DirectoryBox view={view} t={t} lang={ctx.lang} /> : null}
        {view.risks.length ? (
          <section class="writer-risks" aria-labelledby="risks-h">
            <h2 id="risks-h">{t('risks_heading')}</h2>
            <ul>
              {view.risks.map((r) => (
                <li>
                  {t(`risk_${r.code}`)} {r.measure ? <span>{r.measure}</span> : null}
                  {r.detail ? <span dir="auto"> {r.detail}</span> : null}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </main>
    </Layout>
  );
}

function Review(p: StepProps) {
  const { ctx, view } = p;
  const t = wT(ctx.lang);
  const q = questionT(ctx.lang);
  const caseId = view.draft.case_id;
  if (view.missing.length) {
    return (
      <section class="writer-missing" aria-labelledby="missing-h">
        <h3 id="missing-h">{t('missing_heading')}</h3>
        <ul>
          {view.missing.map((m) => (
            <li data-field={`${m.step}.${m.field}`}>
              <a href={href(ctx, `/writer/${caseId}/${m.step}`)}>{t(`step_${m.step}`)}</a>: {q(`q_${m.field}`)} — {t(`reason_${m.reason}`)}
            </li>
          ))}
        </ul>
      </section>
    );
  }
  return (
    <section class="writer-documents" aria-labelledby="docs-h">
      <p class="notice">{t('complete')}</p>
      <h3 id="docs-h">{t('documents_heading')}</h3>
      {p.attached ? <p class="notice">{t('attached')}</p> : null}
      <p>
        <a class="button" href={href(ctx, `/writer/${caseId}/document/docx`)}>
          {t('download_docx')}
        </a>{' '}
        <a class="button" href={href(ctx, `/writer/${caseId}/document/pdf`)}>
          {t('download_pdf')}
        </a>
      </p>
      {view.editable ? (
        <form method="post" action={href(ctx, `/writer/${caseId}/attach`)}>
          <CsrfField ctx={ctx} />
          <button type="submit">{t('attach')}</button>
        </form>
      ) : null}
      <p>
        <a href={href(ctx, `/casework/cases/${caseId}`)}>{t('case_link')}</a>
      </p>
    </section>
  );
}
