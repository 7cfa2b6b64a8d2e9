/** /{lang}/networks/{id}/log: a network's case log and the form logging a case (its secretariat). */
import type { ComponentChildren } from 'preact';
import { CsrfField, Layout } from '../../../platform/web/layout.js';
import { href, type PageContext } from '../../../platform/web/page.js';
import { PlaceOptions } from '../../../platform/web/place-options.js';
import { countryName, termLabel, type Country, type Term } from '../../reference/index.js';
import { COOPERATION_KINDS, OUTCOMES } from '../domain/vocabulary.js';
import type { CaseRow, NetworkRow } from '../repository.js';
import { netT } from './ui.js';

export interface LogPageProps {
  ctx: PageContext;
  network: NetworkRow;
  cases: CaseRow[];
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
  const err = (f: string) => issues.find((i) => i.field === f)?.message;
  const state = (iso3: string) => countryName(props.countries, iso3, ctx.lang);
  const row = (id: string, name: string, label: string, control: ComponentChildren) => (
    <div class="form-row">
      <label for={id}>{label}</label>
      {err(name) ? <span class="field-error" id={`${id}-e`}>{err(name)}</span> : null}
      {control}
    </div>
  );
  const stateSelect = (id: string, name: string) => (
    <select id={id} name={name} required aria-describedby={err(name) ? `${id}-e` : undefined}>
      <option value="">{t('choose')}</option>
      <PlaceOptions lang={ctx.lang} places={props.countries.filter((c) => c.kind !== 'area_own_regime')} label={state} selected={v[name]} />
    </select>
  );
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
        {row('n-requesting', 'requesting_country', t('col_requesting'), stateSelect('n-requesting', 'requesting_country'))}
        {row('n-requested', 'requested_country', t('col_requested'), stateSelect('n-requested', 'requested_country'))}
        {row(
          'n-kind',
          'kind',
          t('col_kind'),
          <select id="n-kind" name="kind">
            {COOPERATION_KINDS.map((k) => (
              <option value={k} selected={v.kind === k}>{t(`kind_${k}`)}</option>
            ))}
          </select>,
        )}
        {row(
          'n-offence',
          'offence',
          t('col_offence'),
          <select id="n-offence" name="offence" required>
            <option value="">{t('choose')}</option>
            {props.offences.map((o) => (
              <option value={o.code} selected={v.offence === o.code}>{termLabel(props.offences, 'crime', o.code, ctx.lang)}</option>
            ))}
          </select>,
        )}
        {row('n-facilitated', 'facilitated_on', t('col_facilitated'), <input id="n-facilitated" name="facilitated_on" type="date" required value={v.facilitated_on ?? ''} />)}
        {row('n-concluded', 'concluded_on', t('col_concluded'), <input id="n-concluded" name="concluded_on" type="date" value={v.concluded_on ?? ''} />)}
        {row(
          'n-outcome',
          'outcome',
          t('col_outcome'),
          <select id="n-outcome" name="outcome">
            {OUTCOMES.map((o) => (
              <option value={o} selected={v.outcome === o}>{t(`outcome_${o}`)}</option>
            ))}
          </select>,
        )}
        <button type="submit">{t('add_submit')}</button>
      </form>
    </Layout>
  );
}
