/** The fields of a log entry, for the form logging a case and the form correcting one (no JavaScript). */
import type { ComponentChildren } from 'preact';
import type { PageContext } from '../../../platform/web/page.js';
import { PlaceOptions } from '../../../platform/web/place-options.js';
import { countryName, termLabel, type Country, type Term } from '../../reference/index.js';
import { COOPERATION_KINDS, OUTCOMES } from '../domain/vocabulary.js';
import { netT } from './ui.js';

export type Issues = readonly { field: string; message: string }[];

/** A labelled control with the error the service names for its field. */
export function FormRow(props: { id: string; name: string; label: string; issues: Issues; children: ComponentChildren }) {
  const err = props.issues.find((i) => i.field === props.name)?.message;
  return (
    <div class="form-row">
      <label for={props.id}>{props.label}</label>
      {err ? <span class="field-error" id={`${props.id}-e`}>{err}</span> : null}
      {props.children}
    </div>
  );
}

export function CaseFields(props: { ctx: PageContext; prefix: string; countries: readonly Country[]; offences: readonly Term[]; values: Record<string, string>; issues: Issues }) {
  const { ctx, prefix: p, values: v, issues } = props;
  const t = netT(ctx.lang);
  const described = (name: string, id: string) => (issues.some((i) => i.field === name) ? `${id}-e` : undefined);
  const state = (iso3: string) => countryName(props.countries, iso3, ctx.lang);
  const stateSelect = (id: string, name: string) => (
    <select id={id} name={name} required aria-describedby={described(name, id)}>
      <option value="">{t('choose')}</option>
      <PlaceOptions lang={ctx.lang} places={props.countries.filter((c) => c.kind !== 'area_own_regime')} label={state} selected={v[name]} />
    </select>
  );
  return (
    <>
      <FormRow id={`${p}-requesting`} name="requesting_country" label={t('col_requesting')} issues={issues}>{stateSelect(`${p}-requesting`, 'requesting_country')}</FormRow>
      <FormRow id={`${p}-requested`} name="requested_country" label={t('col_requested')} issues={issues}>{stateSelect(`${p}-requested`, 'requested_country')}</FormRow>
      <FormRow id={`${p}-kind`} name="kind" label={t('col_kind')} issues={issues}>
        <select id={`${p}-kind`} name="kind" aria-describedby={described('kind', `${p}-kind`)}>
          {COOPERATION_KINDS.map((k) => (
            <option value={k} selected={v.kind === k}>{t(`kind_${k}`)}</option>
          ))}
        </select>
      </FormRow>
      <FormRow id={`${p}-offence`} name="offence" label={t('col_offence')} issues={issues}>
        <select id={`${p}-offence`} name="offence" required aria-describedby={described('offence', `${p}-offence`)}>
          <option value="">{t('choose')}</option>
          {props.offences.map((o) => (
            <option value={o.code} selected={v.offence === o.code}>{termLabel(props.offences, 'crime', o.code, ctx.lang)}</option>
          ))}
        </select>
      </FormRow>
      <FormRow id={`${p}-facilitated`} name="facilitated_on" label={t('col_facilitated')} issues={issues}>
        <input id={`${p}-facilitated`} name="facilitated_on" type="date" required value={v.facilitated_on ?? ''} aria-describedby={described('facilitated_on', `${p}-facilitated`)} />
      </FormRow>
      <FormRow id={`${p}-concluded`} name="concluded_on" label={t('col_concluded')} issues={issues}>
        <input id={`${p}-concluded`} name="concluded_on" type="date" value={v.concluded_on ?? ''} aria-describedby={described('concluded_on', `${p}-concluded`)} />
      </FormRow>
      <FormRow id={`${p}-outcome`} name="outcome" label={t('col_outcome')} issues={issues}>
        <select id={`${p}-outcome`} name="outcome" aria-describedby={described('outcome', `${p}-outcome`)}>
          {OUTCOMES.map((o) => (
            <option value={o} selected={v.outcome === o}>{t(`outcome_${o}`)}</option>
          ))}
        </select>
      </FormRow>
    </>
  );
}
