/** /{lang}/networks/{id}/log: a network's case log and the form logging a case (its secretariat). */
import { CsrfField, Layout } from '../../../platform/web/layout.js';
import { href, type PageContext } from '../../../platform/web/page.js';
import { countryName, termLabel, type Country, type Term } from '../../reference/index.js';
import type { CaseRow, NetworkRow } from '../repository.js';
import { CaseFields } from './case-fields.js';
import { netT } from './ui.js';

export interface LogPageProps {
  ctx: PageContext;
  network: NetworkRow;
  cases: (CaseRow & { corrections: number })[];
  countries: readonly Country[];
  offences: readonly Term[];
  values?: Record<string, string>;
  issues?: readonly { field: string; message: string }[];
}

export function LogPage(props: LogPageProps) {
  const { ctx, network } = props;
  const t = netT(ctx.lang);
  const v = props.values ?? {};
  const issues = props.issues ?? [];
  const state = (iso3: string) => countryName(props.countries, iso3, ctx.lang);
  return (
    <Layout ctx={ctx} title={t('log_title', { network: network.acronym })} section="casework">
      <p>
        <a href={href(ctx, '/networks')}>{t('title')}</a>
      </p>
      <h1>{t('log_title', { network: network.acronym })}</h1>
      <p>
        <a href={`/api/v1/networks/${network.id}/cases.csv`} download>{t('csv')}</a>
      </p>
      {props.cases.length ? (
        <div class="table-wrap" role="region" aria-labelledby="net-log-caption" tabIndex={0}>
          <table class="jit-table" id="net-log">
            <caption id="net-log-caption">{t('log_title', { network: network.acronym })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('col_facilitated')}</th>
                <th scope="col">{t('col_requesting')}</th>
                <th scope="col">{t('col_requested')}</th>
                <th scope="col">{t('col_kind')}</th>
                <th scope="col">{t('col_offence')}</th>
                <th scope="col">{t('col_outcome')}</th>
                <th scope="col">{t('col_entry')}</th>
              </tr>
            </thead>
            <tbody>
              {props.cases.map((c) => (
                <tr>
                  <td>{c.facilitated_on}</td>
                  <td>{state(c.requesting_country)}</td>
                  <td>{state(c.requested_country)}</td>
                  <td>{t(`kind_${c.kind}`)}</td>
                  <td>{termLabel(props.offences, 'crime', c.offence, ctx.lang)}</td>
                  <td>{t(`outcome_${c.outcome}`)}{c.concluded_on ? ` (${c.concluded_on})` : ''}</td>
                  <td>
                    <a href={href(ctx, `/networks/${network.id}/log/${c.id}`)}>{c.corrections ? t('entry_corrected', { n: c.corrections }) : t('entry_link')}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t('log_empty')}</p>
      )}
      <h2 id="net-add">{t('add_heading')}</h2>
      <form method="post" action={href(ctx, `/networks/${network.id}/log`)} class="dir-form" aria-labelledby="net-add">
        <CsrfField ctx={ctx} />
        <CaseFields ctx={ctx} prefix="n" countries={props.countries} offences={props.offences} values={v} issues={issues} />
        <button type="submit">{t('add_submit')}</button>
      </form>
    </Layout>
  );
}
