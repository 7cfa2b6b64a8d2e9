/** /{lang}/jit: the teams of the reader's authorities and, for supervisors, the form opening a new one. */
import { CsrfField, Layout } from '../../../platform/web/layout.js';
import { href, type PageContext } from '../../../platform/web/page.js';
import type { Country } from '../../reference/index.js';
import type { TeamSummary } from '../service.js';
import { dateText, Field, FormProblem, jitT, StateSelect, type Issues } from './ui.js';

export interface ListPageProps {
  ctx: PageContext;
  teams: TeamSummary[];
  mayCreateFor: string[];
  countries: readonly Country[];
  values?: Record<string, string>;
  issues?: Issues;
  problem?: string;
  /** Workspace e-mails on for the reader. */
  mailOn?: boolean;
}

export function JitListPage(props: ListPageProps) {
  const { ctx } = props;
  const t = jitT(ctx.lang);
  const issues = props.issues ?? [];
  const v = props.values ?? {};
  return (
    <Layout ctx={ctx} title={t('title')} description={t('intro')} canonical="/jit" section="casework">
      <h1>{t('title')}</h1>
      <p class="lead">{t('intro')}</p>
      {props.teams.length ? (
        <div class="table-wrap" role="region" aria-labelledby="jit-teams-caption" tabIndex={0}>
          <table class="jit-table">
            <caption id="jit-teams-caption">{t('teams_caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('col_team')}</th>
                <th scope="col">{t('col_period')}</th>
                <th scope="col">{t('col_members')}</th>
                <th scope="col">{t('col_status')}</th>
              </tr>
            </thead>
            <tbody>
              {props.teams.map((team) => (
                <tr>
                  <th scope="row">
                    <a href={href(ctx, `/jit/${team.id}`)} dir="auto">
                      {team.title}
                    </a>
                  </th>
                  <td>{t('period', { start: dateText(ctx.lang, team.startsOn), end: dateText(ctx.lang, team.endsOn) })}</td>
                  <td>{team.members}</td>
                  <td>{team.closed ? t('status_closed') : t('status_open')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t('teams_empty')}</p>
      )}
      {props.mayCreateFor.length ? (
        <section aria-labelledby="jit-new">
          <h2 id="jit-new">{t('new_heading')}</h2>
          <FormProblem message={props.problem} />
          <form method="post" action={href(ctx, '/jit')} class="dir-form">
            <CsrfField ctx={ctx} />
            <Field id="f-title" name="title" label={t('f_title')} issues={issues} value={v.title} required maxLength={300} />
            <Field id="f-purpose" name="purpose" label={t('f_purpose')} issues={issues}>
              <textarea id="f-purpose" name="purpose" rows={3} maxLength={4000} dir="auto">
                {v.purpose ?? ''}
              </textarea>
            </Field>
            <Field id="f-lead" name="lead_authority_id" label={t('f_lead')} issues={issues}>
              <select id="f-lead" name="lead_authority_id" required>
                {props.mayCreateFor.map((a) => (
                  <option value={a} selected={a === v.lead_authority_id}>
                    {a}
                  </option>
                ))}
              </select>
            </Field>
            <Field id="f-lead-name" name="lead_name" label={t('f_lead_name')} issues={issues} value={v.lead_name} required maxLength={300} />
            <Field id="f-lead-country" name="lead_country" label={t('f_lead_country')} issues={issues}>
              <StateSelect id="f-lead-country" name="lead_country" lang={ctx.lang} countries={props.countries} selected={v.lead_country} />
            </Field>
            <Field id="f-starts" name="starts_on" label={t('f_starts_on')} issues={issues} type="date" value={v.starts_on} required />
            <Field id="f-ends" name="ends_on" label={t('f_ends_on')} issues={issues} type="date" value={v.ends_on} required />
            <button type="submit">{t('create_submit')}</button>
          </form>
        </section>
      ) : null}
      <form method="post" action={href(ctx, '/jit/mail')} class="inline-form">
        <h2>{t('mail_settings')}</h2>
        <CsrfField ctx={ctx} />
        <p>{props.mailOn ? t('mail_is_on') : t('mail_is_off')}</p>
        <input type="hidden" name="on" value={props.mailOn ? '0' : '1'} />
        <button type="submit">{props.mailOn ? t('mail_turn_off') : t('mail_turn_on')}</button>
      </form>
    </Layout>
  );
}
