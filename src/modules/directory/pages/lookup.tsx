/** /{lang}/directory/lookup: which authority to send a request to (a GET form; works without JavaScript). */
import type { VNode } from 'preact';
import { Layout } from '../../../platform/web/layout.js';
import { PlaceOptions } from '../../../platform/web/place-options.js';
import { isRequestable } from '../../reference/index.js';
import { href, type PageContext } from '../../../platform/web/page.js';
import { E_EVIDENCE_MEASURES, FUNCTION_CODES } from '../domain/functions.js';
import { explainLookup } from '../lookup-text.js';
import type { LookupResult } from '../service.js';
import { RestrictedNote } from './list.js';
import { AuthorityName, Badges, countryLabel, dirT, fnT, languageName, measureLabel, ML, nameText, type PageRefs } from './ui.js';

export interface LookupPageProps {
  ctx: PageContext;
  refs: PageRefs;
  state?: string | undefined;
  request?: string | undefined;
  /** Requesting State, when given: the legal basis (supplied by the legalbasis module) follows the answer. */
  from?: string | undefined;
  /** The day the legal basis is told for (YYYY-MM-DD), as typed. */
  on?: string | undefined;
  supplement?: VNode | undefined;
  result?: LookupResult | undefined;
  restricted: boolean;
  issues: { field: string; message: string }[];
}

export function LookupPage(props: LookupPageProps) {
  const { ctx, refs, result } = props;
  const t = dirT(ctx.lang);
  const f = fnT(ctx.lang);
  const measures = refs.measures.filter((m) => !E_EVIDENCE_MEASURES.has(m.code));
  const eMeasures = refs.measures.filter((m) => E_EVIDENCE_MEASURES.has(m.code));
  const stateName = result ? countryLabel(refs, result.state, ctx.lang) : '';
  const errorOf = (field: string) => props.issues.find((i) => i.field === field)?.message;
  // The day asked is the reader's own typing: its error is told in the reader's language.
  const errorText = (field: string) => (field === 'on' && errorOf(field) ? t('lookup_bad_on', { value: (props.on ?? '').slice(0, 40) }) : errorOf(field));
  const errorSpan = (field: string) =>
    errorOf(field) ? (
      <span class="field-error" id={`e-${field}`}>
        {errorText(field)}
      </span>
    ) : null;
  const stateSelect = (name: 'state' | 'from', label: string, value: string | undefined, required: boolean) => (
    <div class="form-row">
      <label for={`f-${name}`}>{label}</label>
      {errorSpan(name)}
      <select id={`f-${name}`} name={name} required={required} aria-describedby={errorOf(name) ? `e-${name}` : undefined}>
        <option value="">{t('lookup_choose')}</option>
        <PlaceOptions lang={ctx.lang} places={refs.countries.filter(isRequestable)} label={(iso3) => countryLabel(refs, iso3, ctx.lang)} selected={value?.toUpperCase()} />
      </select>
    </div>
  );
  return (
    <Layout ctx={ctx} title={t('lookup_title')} description={t('lookup_intro')} canonical="/directory/lookup" section="directory">
      <nav class="breadcrumbs" aria-label={t('links_heading')}>
        <ol>
          <li>
            <a href={href(ctx, '/directory')}>{t('title')}</a>
          </li>
        </ol>
      </nav>
      <h1>{t('lookup_title')}</h1>
      <p class="lead">{t('lookup_intro')}</p>
      <form method="get" action={href(ctx, '/directory/lookup')} class="dir-lookup-form">
        {stateSelect('state', t('lookup_state'), props.state, true)}
        {stateSelect('from', t('lookup_from'), props.from, false)}
        <div class="form-row">
          <label for="f-on">{t('lookup_on')}</label>
          {errorSpan('on')}
          <input type="date" id="f-on" name="on" value={props.on ?? ''} aria-describedby={errorOf('on') ? 'e-on' : undefined} />
        </div>
        <div class="form-row">
          <label for="f-request">{t('lookup_request')}</label>
          {errorSpan('request')}
          <select id="f-request" name="request" required aria-describedby={errorOf('request') ? 'e-request' : undefined}>
            <option value="">{t('lookup_choose')}</option>
            <optgroup label={t('group_measures')}>
              <option value="mla" selected={props.request === 'mla'}>
                {f('req-mla')}
              </option>
              {measures.map((m) => (
                <option value={m.code} selected={m.code === props.request}>
                  {measureLabel(refs, m.code, ctx.lang)}
                </option>
              ))}
            </optgroup>
            <optgroup label={t('group_e_evidence')}>
              {eMeasures.map((m) => (
                <option value={m.code} selected={m.code === props.request}>
                  {measureLabel(refs, m.code, ctx.lang)}
                </option>
              ))}
            </optgroup>
            <optgroup label={t('group_other')}>
              {FUNCTION_CODES.filter((c) => c !== 'mla').map((c) => (
                <option value={c} selected={c === props.request}>
                  {f(`req-${c}` as 'req-mla')}
                </option>
              ))}
            </optgroup>
          </select>
        </div>
        <button type="submit">{t('lookup_button')}</button>
      </form>

      {result ? (
        <section aria-labelledby="answer-heading" class="dir-answer">
          <h2 id="answer-heading">{explainLookup(result, ctx.lang, stateName)}</h2>
          {!props.restricted && result.matches.length ? <RestrictedNote ctx={ctx} /> : null}
          {result.matches.map((m) => {
            const v = result.views.get(m.doc.id);
            const d = m.doc;
            return (
              <article class="card dir-answer__item" aria-labelledby={`ans-${d.id}`}>
                <h3 id={`ans-${d.id}`}>
                  <a href={href(ctx, `/directory/authorities/${d.id}`)}>
                    <AuthorityName ctx={ctx} names={d.names} />
                  </a>
                </h3>
                <p class="result__meta">
                  <Badges ctx={ctx} demo={v?.demo ?? false} stale={v?.stale ?? false} />
                </p>
                {m.requirement ? (
                  <div class="dir-requirement">
                    <h4>{t('req_for', { measure: measureLabel(refs, result.request.code, ctx.lang) })}</h4>
                    {m.requirement.state === 'stated' ? (
                      <p>
                        <strong>{t(`status_${m.requirement.requirement.status}`)}</strong>
                        {m.requirement.requirement.conditions ? (
                          <>
                            {' — '}
                            <ML ctx={ctx} value={m.requirement.requirement.conditions} />
                          </>
                        ) : null}
                      </p>
                    ) : (
                      <p>{m.requirement.state === 'withheld' ? t('req_withheld') : t('req_not_stated')}</p>
                    )}
                  </div>
                ) : null}
                <dl class="meta">
                  {d.languages?.length ? (
                    <>
                      <dt>{t('languages')}</dt>
                      <dd>{d.languages.map((l) => languageName(ctx.lang, l)).join(', ')}</dd>
                    </>
                  ) : null}
                  {d.channels?.length ? (
                    <>
                      <dt>{t('channels')}</dt>
                      <dd>{d.channels.map((c) => t(`channel_${c}`)).join(', ')}</dd>
                    </>
                  ) : null}
                  {d.electronic_requests ? (
                    <>
                      <dt>{t('electronic')}</dt>
                      <dd>{t(`electronic_${d.electronic_requests}`)}</dd>
                    </>
                  ) : null}
                  {result.found === 'extradition' && d.untoc_extradition_basis ? (
                    <>
                      <dt>{t('untoc_basis')}</dt>
                      <dd>
                        {t(`basis_${d.untoc_extradition_basis.value}`)}
                        {d.untoc_extradition_basis.note ? (
                          <>
                            {' — '}
                            <ML ctx={ctx} value={d.untoc_extradition_basis.note} />
                          </>
                        ) : null}
                      </dd>
                    </>
                  ) : null}
                  {d.urgent_procedure ? (
                    <>
                      <dt>{t('urgent_procedure')}</dt>
                      <dd>
                        <ML ctx={ctx} value={d.urgent_procedure} />
                      </dd>
                    </>
                  ) : null}
                  {result.request.kind === 'measure' && result.request.eEvidence && d.e_evidence ? (
                    <>
                      {d.e_evidence.preservation ? (
                        <>
                          <dt>{t('preservation')}</dt>
                          <dd>
                            <ML ctx={ctx} value={d.e_evidence.preservation} />
                          </dd>
                        </>
                      ) : null}
                      {d.e_evidence.disclosure ? (
                        <>
                          <dt>{t('disclosure')}</dt>
                          <dd>
                            <ML ctx={ctx} value={d.e_evidence.disclosure} />
                          </dd>
                        </>
                      ) : null}
                    </>
                  ) : null}
                </dl>
                <p>
                  <a href={href(ctx, `/directory/authorities/${d.id}`)}>{t('open_page', { name: nameText(d.names, ctx.lang) })}</a>
                </p>
              </article>
            );
          })}
          {props.supplement ?? null}
        </section>
      ) : null}
    </Layout>
  );
}
