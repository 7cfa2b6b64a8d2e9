/**
 * The workspace's section of linked casework cases: the reference and title (a link to the case page)
 * when casework lets the reader see the case, otherwise only "a case of <authority>"; a form to link a
 * case of the reader's authority (its reference) and a button to unlink the reader's own links.
 */
import { CsrfField } from '../../../platform/web/layout.js';
import { href, type PageContext } from '../../../platform/web/page.js';
import type { CaseLinkView } from '../links-service.js';
import { dateTimeText, Field, FormProblem, jitT, type Issues } from './ui.js';

export function CaseLinksSection(props: { ctx: PageContext; base: string; links: readonly CaseLinkView[]; mayLink: boolean; memberName: (id: string) => string; issues: Issues; values: Record<string, string>; problem?: string | undefined }) {
  const { ctx } = props;
  const t = jitT(ctx.lang);
  return (
    <section id="cases" aria-labelledby="cases-h">
      <h2 id="cases-h">{t('cases_heading')}</h2>
      <p>{t('cases_intro')}</p>
      <FormProblem message={props.problem} />
      {props.links.length ? (
        <ul class="jit-case-links">
          {props.links.map((l) => (
            <li>
              {l.case ? (
                <>
                  <a href={href(ctx, `/casework/cases/${l.case.id}`)} dir="auto">
                    {l.case.reference ?? t('case_no_reference')} — {l.case.title}
                  </a>{' '}
                  ({props.memberName(l.authorityId)}){l.note ? <> — <span dir="auto">{l.note}</span></> : null}
                  {l.linkedByName ? <> — {t('case_linked_by', { name: l.linkedByName, at: dateTimeText(ctx.lang, l.linkedAt) })}</> : null}
                </>
              ) : (
                <span dir="auto">{t('case_of', { authority: props.memberName(l.authorityId) })}</span>
              )}
              {l.mayUnlink ? (
                <form method="post" action={href(ctx, `${props.base}/cases/${l.id}/remove`)} class="jit-inline">
                  <CsrfField ctx={ctx} />
                  <button type="submit" class="secondary">{t('unlink_submit')}</button>
                </form>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('cases_empty')}</p>
      )}
      {props.mayLink ? (
        <form method="post" action={href(ctx, `${props.base}/cases`)} class="dir-form">
          <h3>{t('link_case_heading')}</h3>
          <CsrfField ctx={ctx} />
          <Field id="c-case" name="case" label={t('f_case')} issues={props.issues} value={props.values.case} required maxLength={120} />
          <Field id="c-note" name="note" label={t('f_case_note')} issues={props.issues} value={props.values.note} maxLength={300} />
          <button type="submit">{t('link_case_submit')}</button>
        </form>
      ) : null}
    </section>
  );
}
