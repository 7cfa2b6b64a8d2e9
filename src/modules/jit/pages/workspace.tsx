/**
 * /{lang}/jit/{id}: a team's workspace — members, agreement and extensions, tasks, shared documents
 * and the evidence log. Forms (no JavaScript) only while the workspace is open and only for who may
 * use them; after the end date a notice says it is read-only.
 */
import type { ComponentChildren } from 'preact';
import { CsrfField, Layout } from '../../../platform/web/layout.js';
import { href, type PageContext } from '../../../platform/web/page.js';
import { countryName, type Country } from '../../reference/index.js';
import { TASK_STATUSES } from '../domain/vocabulary.js';
import { TASK_TRANSITIONS } from '../domain/tasks.js';
import type { Workspace } from '../service.js';
import { dateText, dateTimeText, Field, FormProblem, jitT, StateSelect, type Issues } from './ui.js';
import { EvidenceTable } from './evidence.js';
import { CaseLinksSection } from './case-links.js';

export type WorkspaceForm = 'members' | 'agreements' | 'tasks' | 'cases' | 'documents';

export interface WorkspacePageProps {
  ctx: PageContext;
  ws: Workspace;
  countries: readonly Country[];
  maxMb: number;
  /** The form that was refused, its values and the problems. */
  form?: WorkspaceForm;
  values?: Record<string, string>;
  issues?: Issues;
  problem?: string;
}

export const contentPath = (id: string) => `/api/v1/jit/documents/${id}/content`;

function Table(props: { id: string; caption: string; head: string[]; children: ComponentChildren }) {
  return (
    <div class="table-wrap" role="region" aria-labelledby={`${props.id}-caption`} tabIndex={0}>
      <table class="jit-table" id={props.id}>
        <caption id={`${props.id}-caption`}>{props.caption}</caption>
        <thead>
          <tr>
            {props.head.map((h) => (
              <th scope="col">{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </div>
  );
}

export function WorkspacePage(props: WorkspacePageProps) {
  const { ctx, ws } = props;
  const t = jitT(ctx.lang);
  const base = `/jit/${ws.team.id}`;
  const issuesOf = (form: WorkspaceForm): Issues => (props.form === form ? (props.issues ?? []) : []);
  const valuesOf = (form: WorkspaceForm): Record<string, string> => (props.form === form ? (props.values ?? {}) : {});
  const problemOf = (form: WorkspaceForm) => (props.form === form ? props.problem : undefined);
  const memberName = (id: string) => ws.members.find((m) => m.authority_id === id)?.name ?? id;
  return (
    <Layout ctx={ctx} title={ws.team.title} canonical={base} section="casework">
      <p>
        <a href={href(ctx, '/jit')}>{t('title')}</a>
      </p>
      <h1 dir="auto">{ws.team.title}</h1>
      {ws.team.purpose ? (
        <p class="lead" dir="auto">
          {ws.team.purpose}
        </p>
      ) : null}
      <p>{t('period', { start: dateText(ctx.lang, ws.team.starts_on), end: dateText(ctx.lang, ws.team.ends_on) })}</p>
      {ws.closed ? (
        <p class="notice jit-closed" role="status">
          {t('closed_notice', { date: dateText(ctx.lang, ws.team.ends_on) })}
        </p>
      ) : null}
      <nav aria-label={t('sections')}>
        <ul class="jit-sections">
          <li><a href="#members">{t('members_heading')}</a></li>
          <li><a href="#agreements">{t('agreements_heading')}</a></li>
          <li><a href="#tasks">{t('tasks_heading')}</a></li>
          <li><a href="#cases">{t('cases_heading')}</a></li>
          <li><a href="#documents">{t('documents_heading')}</a></li>
          <li><a href="#evidence">{t('evidence_heading')}</a></li>
        </ul>
      </nav>

      <section id="members" aria-labelledby="members-h">
        <h2 id="members-h">{t('members_heading')}</h2>
        <Table id="jit-members" caption={t('members_heading')} head={[t('col_authority'), t('col_state')]}>
          {ws.members.map((m) => (
            <tr>
              <th scope="row" dir="auto">{m.name}</th>
              <td>{countryName(props.countries, m.country, ctx.lang)}</td>
            </tr>
          ))}
        </Table>
        {ws.mayManage ? (
          <form method="post" action={href(ctx, `${base}/members`)} class="dir-form">
            <h3>{t('add_member_heading')}</h3>
            <FormProblem message={problemOf('members')} />
            <CsrfField ctx={ctx} />
            <Field id="m-authority" name="authority_id" label={t('f_authority_id')} issues={issuesOf('members')} value={valuesOf('members').authority_id} required maxLength={120} />
            <Field id="m-name" name="name" label={t('f_name')} issues={issuesOf('members')} value={valuesOf('members').name} required maxLength={300} />
            <Field id="m-country" name="country" label={t('f_country')} issues={issuesOf('members')}>
              <StateSelect id="m-country" name="country" lang={ctx.lang} countries={props.countries} selected={valuesOf('members').country} />
            </Field>
            <button type="submit">{t('add_member_submit')}</button>
          </form>
        ) : null}
      </section>

      <section id="agreements" aria-labelledby="agreements-h">
        <h2 id="agreements-h">{t('agreements_heading')}</h2>
        {ws.agreements.length ? (
          <Table id="jit-agreements" caption={t('agreements_heading')} head={[t('col_instrument'), t('col_kind'), t('col_signed'), t('col_ends'), t('col_document')]}>
            {ws.agreements.map((a) => (
              <tr>
                <th scope="row" dir="auto">{a.title}</th>
                <td>{a.kind === 'agreement' ? t('kind_agreement') : t('kind_extension')}</td>
                <td>{dateText(ctx.lang, a.signed_on)}</td>
                <td>{dateText(ctx.lang, a.ends_on)}</td>
                <td>{a.document_id ? <a href={href(ctx, `/jit/documents/${a.document_id}`)} dir="auto">{ws.documents.find((d) => d.id === a.document_id)?.title ?? t('details')}</a> : t('none')}</td>
              </tr>
            ))}
          </Table>
        ) : (
          <p>{t('agreements_empty')}</p>
        )}
        {ws.mayManage ? (
          <form method="post" action={href(ctx, `${base}/agreements`)} class="dir-form">
            <h3>{t('add_agreement_heading')}</h3>
            <FormProblem message={problemOf('agreements')} />
            <CsrfField ctx={ctx} />
            <Field id="a-kind" name="kind" label={t('col_kind')} issues={issuesOf('agreements')}>
              <select id="a-kind" name="kind">
                {!ws.agreements.some((a) => a.kind === 'agreement') ? <option value="agreement">{t('kind_agreement')}</option> : null}
                <option value="extension" selected={valuesOf('agreements').kind === 'extension'}>{t('kind_extension')}</option>
              </select>
            </Field>
            <Field id="a-title" name="title" label={t('col_instrument')} issues={issuesOf('agreements')} value={valuesOf('agreements').title} required maxLength={300} />
            <Field id="a-signed" name="signed_on" label={t('col_signed')} issues={issuesOf('agreements')} type="date" value={valuesOf('agreements').signed_on} required />
            <Field id="a-ends" name="ends_on" label={t('col_ends')} issues={issuesOf('agreements')} type="date" value={valuesOf('agreements').ends_on} required />
            <Field id="a-doc" name="document_id" label={t('col_document')} issues={issuesOf('agreements')}>
              <select id="a-doc" name="document_id">
                <option value="">{t('none')}</option>
                {ws.documents.map((d) => (
                  <option value={d.id}>{d.title}</option>
                ))}
              </select>
            </Field>
            <button type="submit">{t('agreement_submit')}</button>
          </form>
        ) : null}
      </section>

      <section id="tasks" aria-labelledby="tasks-h">
        <h2 id="tasks-h">{t('tasks_heading')}</h2>
        <FormProblem message={problemOf('tasks')} />
        {ws.tasks.length ? (
          <Table id="jit-tasks" caption={t('tasks_heading')} head={[t('col_task'), t('col_assignee'), t('col_due'), t('col_status')]}>
            {ws.tasks.map((task) => (
              <tr>
                <th scope="row" dir="auto">{task.title}</th>
                <td dir="auto">{memberName(task.assignee_authority_id)}</td>
                <td>{dateText(ctx.lang, task.due_on)}</td>
                <td>
                  {ws.mayContribute ? (
                    <form method="post" action={href(ctx, `${base}/tasks/${task.id}`)} class="jit-inline">
                      <CsrfField ctx={ctx} />
                      <label for={`st-${task.id}`} class="visually-hidden">{t('col_status')}</label>
                      <select id={`st-${task.id}`} name="status">
                        {TASK_STATUSES.filter((s) => s === task.status || TASK_TRANSITIONS[task.status].includes(s)).map((s) => (
                          <option value={s} selected={s === task.status}>{t(`task_${s}`)}</option>
                        ))}
                      </select>
                      <button type="submit">{t('move_submit')}</button>
                    </form>
                  ) : (
                    t(`task_${task.status}`)
                  )}
                </td>
              </tr>
            ))}
          </Table>
        ) : (
          <p>{t('tasks_empty')}</p>
        )}
        {ws.mayContribute ? (
          <form method="post" action={href(ctx, `${base}/tasks`)} class="dir-form">
            <h3>{t('add_task_heading')}</h3>
            <CsrfField ctx={ctx} />
            <Field id="t-title" name="title" label={t('col_task')} issues={issuesOf('tasks')} value={valuesOf('tasks').title} required maxLength={300} />
            <Field id="t-assignee" name="assignee_authority_id" label={t('col_assignee')} issues={issuesOf('tasks')}>
              <select id="t-assignee" name="assignee_authority_id">
                {ws.members.map((m) => (
                  <option value={m.authority_id} selected={m.authority_id === (valuesOf('tasks').assignee_authority_id ?? ws.actingFor)}>{m.name}</option>
                ))}
              </select>
            </Field>
            <Field id="t-due" name="due_on" label={t('col_due')} issues={issuesOf('tasks')} type="date" value={valuesOf('tasks').due_on} />
            <button type="submit">{t('add_task_submit')}</button>
          </form>
        ) : null}
      </section>

      <CaseLinksSection ctx={ctx} base={base} links={ws.caseLinks} mayLink={ws.mayLinkCases} memberName={memberName} issues={issuesOf('cases')} values={valuesOf('cases')} problem={problemOf('cases')} />

      <section id="documents" aria-labelledby="documents-h">
        <h2 id="documents-h">{t('documents_heading')}</h2>
        {ws.documents.length ? (
          <Table id="jit-documents" caption={t('documents_heading')} head={[t('col_document'), t('col_uploaded'), t('col_sha256'), t('download')]}>
            {ws.documents.map((d) => (
              <tr>
                <th scope="row">
                  <a href={href(ctx, `/jit/documents/${d.id}`)} dir="auto">{d.title}</a>
                </th>
                <td>
                  <span dir="auto">{d.uploaded_by_name ?? ''}</span> ({memberName(d.authority_id)}), {dateTimeText(ctx.lang, d.uploaded_at)}
                </td>
                <td><code class="jit-hash">{d.sha256}</code></td>
                <td><a href={contentPath(d.id)} dir="auto">{d.filename}</a></td>
              </tr>
            ))}
          </Table>
        ) : (
          <p>{t('documents_empty')}</p>
        )}
        {ws.mayContribute ? (
          <form method="post" action={href(ctx, `${base}/documents`)} enctype="multipart/form-data" class="dir-form">
            <h3>{t('upload_heading')}</h3>
            <FormProblem message={problemOf('documents')} />
            <CsrfField ctx={ctx} />
            <Field id="d-title" name="title" label={t('col_document')} issues={issuesOf('documents')} value={valuesOf('documents').title} required maxLength={300} />
            <Field id="d-file" name="file" label={t('f_file', { mb: props.maxMb })} issues={issuesOf('documents')}>
              <input id="d-file" name="file" type="file" required />
            </Field>
            <button type="submit">{t('upload_submit')}</button>
          </form>
        ) : null}
      </section>

      <section id="evidence" aria-labelledby="evidence-h">
        <h2 id="evidence-h">{t('evidence_heading')}</h2>
        <p>{t('evidence_intro')}</p>
        <EvidenceTable ctx={ctx} id="jit-evidence" entries={ws.evidence} documents={ws.documents} memberName={memberName} />
      </section>
    </Layout>
  );
}
