/**
 * /{lang}/networks/{id}/log/{caseId}: one entry of a network's log as it stands (corrected values),
 * the form correcting it with a reason (its secretariat, no JavaScript), and its append-only history
 * of corrections: when, who, each field from → to, and why.
 */
import { CsrfField, Layout } from '../../../platform/web/layout.js';
import { href, type PageContext } from '../../../platform/web/page.js';
import { countryName, termLabel, type Country, type Term } from '../../reference/index.js';
import type { EntryView } from '../corrections-service.js';
import { CORRECTABLE, type Correctable } from '../domain/corrections.js';
import type { CooperationKind, Outcome } from '../domain/vocabulary.js';
import { CaseFields, FormRow, type Issues } from './case-fields.js';
import { netT } from './ui.js';

export interface EntryPageProps {
  ctx: PageContext;
  view: EntryView;
  countries: readonly Country[];
  offences: readonly Term[];
  values?: Record<string, string>;
  issues?: Issues;
}

export function EntryPage(props: EntryPageProps) {
  const { ctx, view } = props;
  const { network, entry } = view;
  const t = netT(ctx.lang);
  const issues = props.issues ?? [];
  const label: Record<Correctable, string> = { requesting_country: t('col_requesting'), requested_country: t('col_requested'), kind: t('col_kind'), offence: t('col_offence'), facilitated_on: t('col_facilitated'), concluded_on: t('col_concluded'), outcome: t('col_outcome') };
  const shown = (f: Correctable, v: string | null): string => {
    if (v === null || v === '') return '—';
    if (f.endsWith('_country')) return countryName(props.countries, v, ctx.lang);
    if (f === 'kind') return t(`kind_${v as CooperationKind}`);
    if (f === 'outcome') return t(`outcome_${v as Outcome}`);
    if (f === 'offence') return termLabel(props.offences, 'crime', v, ctx.lang);
    return v;
  };
  const current = Object.fromEntries(CORRECTABLE.map((f) => [f, entry[f] ?? ''])) as Record<string, string>;
  const values = props.values ?? current;
  const title = t('entry_title', { network: network.acronym, date: entry.facilitated_on });
  return (
    <Layout ctx={ctx} title={title} section="casework">
      <p>
        <a href={href(ctx, `/networks/${network.id}/log`)}>{t('log_title', { network: network.acronym })}</a>
      </p>
      <h1>{title}</h1>
      <dl class="net-entry">
        {CORRECTABLE.map((f) => (
          <>
            <dt>{label[f]}</dt>
            <dd>{shown(f, entry[f])}</dd>
          </>
        ))}
      </dl>

      <section aria-labelledby="net-history">
        <h2 id="net-history">{t('history_heading')}</h2>
        {view.corrections.length ? (
          <>
            <p role="status">{view.chainOk ? t('history_chain_ok') : t('history_chain_broken')}</p>
            <div class="table-wrap" role="region" aria-labelledby="net-history-caption" tabIndex={0}>
              <table class="jit-table" id="net-corrections">
                <caption id="net-history-caption">{t('history_heading')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('col_when')}</th>
                    <th scope="col">{t('col_who')}</th>
                    <th scope="col">{t('col_changes')}</th>
                    <th scope="col">{t('col_reason')}</th>
                  </tr>
                </thead>
                <tbody>
                  {view.corrections.map((c) => (
                    <tr>
                      <td>{c.corrected_at.toISOString().slice(0, 16).replace('T', ' ')} UTC</td>
                      <td dir="auto">{c.corrected_by_name ?? ''}</td>
                      <td>
                        <ul>
                          {CORRECTABLE.filter((f) => c.changes[f]).map((f) => (
                            <li>{t('change_line', { field: label[f], from: shown(f, c.changes[f]!.from), to: shown(f, c.changes[f]!.to) })}</li>
                          ))}
                        </ul>
                      </td>
                      <td dir="auto">{c.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        ) : (
          <p>{t('history_empty')}</p>
        )}
      </section>

      {view.mayCorrect ? (
        <section aria-labelledby="net-correct">
          <h2 id="net-correct">{t('correct_heading')}</h2>
          <form method="post" action={href(ctx, `/networks/${network.id}/log/${entry.id}/corrections`)} class="dir-form" aria-labelledby="net-correct">
            <CsrfField ctx={ctx} />
            <CaseFields ctx={ctx} prefix="k" countries={props.countries} offences={props.offences} values={values} issues={issues} />
            <FormRow id="k-reason" name="reason" label={t('f_reason')} issues={issues}>
              <textarea id="k-reason" name="reason" required maxLength={1000} rows={3} dir="auto" aria-describedby={issues.some((i) => i.field === 'reason') ? 'k-reason-e' : undefined}>{values.reason ?? ''}</textarea>
            </FormRow>
            <button type="submit">{t('correct_submit')}</button>
          </form>
        </section>
      ) : null}
    </Layout>
  );
}
