/** /{lang}/legal-basis: the legal basis finder (a GET form; works without JavaScript). */
import { Layout } from '../../../platform/web/layout.js';
import { href, type PageContext } from '../../../platform/web/page.js';
import { countryName, type Country } from '../../reference/index.js';
import type { LegalBasis } from '../domain/finder.js';
import { LEGAL_BASIS_KINDS } from '../domain/kinds.js';
import { LegalBasisAnswer, lbT } from './answer.js';

export interface LegalBasisPageProps {
  ctx: PageContext;
  countries: readonly Country[];
  query: { from?: string | undefined; to?: string | undefined; kind?: string | undefined; on?: string | undefined };
  basis?: LegalBasis | undefined;
  issues: { field: string; message: string }[];
}

function FieldError(props: { id: string; message: string | undefined }) {
  return props.message ? (
    <span class="field-error" id={props.id}>
      {props.message}
    </span>
  ) : null;
}

export function LegalBasisPage(props: LegalBasisPageProps) {
  const { ctx, basis } = props;
  const t = lbT(ctx.lang);
  const sorted = [...props.countries].sort((a, b) => countryName(props.countries, a.iso3, ctx.lang).localeCompare(countryName(props.countries, b.iso3, ctx.lang), ctx.lang));
  const errorOf = (field: string) => props.issues.find((i) => i.field === field)?.message;
  const select = (field: 'from' | 'to') => (
    <div class="form-row">
      <label for={`f-${field}`}>{t(field === 'from' ? 'from_label' : 'to_label')}</label>
      <FieldError id={`e-${field}`} message={errorOf(field)} />
      <select id={`f-${field}`} name={field} required aria-invalid={errorOf(field) ? 'true' : undefined} aria-describedby={errorOf(field) ? `e-${field}` : undefined}>
        <option value="">{t('choose')}</option>
        {sorted.map((c) => (
          <option value={c.iso3} selected={c.iso3 === props.query[field]?.toUpperCase()}>
            {countryName(props.countries, c.iso3, ctx.lang)}
          </option>
        ))}
      </select>
    </div>
  );
  const demo = basis ? [...basis.binding, ...basis.not_binding].some((i) => i.demo) : false;
  return (
    <Layout ctx={ctx} title={t('title')} description={t('intro')} canonical="/legal-basis" section="directory" demo={demo}>
      <h1>{t('title')}</h1>
      <p class="lead">{t('intro')}</p>
      <form method="get" action={href(ctx, '/legal-basis')} class="legal-basis-form">
        {select('from')}
        {select('to')}
        <div class="form-row">
          <label for="f-kind">{t('kind_label')}</label>
          <FieldError id="e-kind" message={errorOf('kind')} />
          <select id="f-kind" name="kind" required aria-invalid={errorOf('kind') ? 'true' : undefined} aria-describedby={errorOf('kind') ? 'e-kind' : undefined}>
            {LEGAL_BASIS_KINDS.map((k) => (
              <option value={k} selected={k === (props.query.kind ?? 'mla')}>
                {t(`kind_${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="form-row">
          <label for="f-on">{t('on_label')}</label>
          <FieldError id="e-on" message={errorOf('on')} />
          <input type="date" id="f-on" name="on" value={basis?.on ?? props.query.on ?? ''} aria-invalid={errorOf('on') ? 'true' : undefined} aria-describedby={errorOf('on') ? 'e-on' : undefined} />
        </div>
        <button type="submit">{t('submit')}</button>
      </form>
      {basis ? (
        <section aria-labelledby="answer-heading" class="legal-basis">
          <h2 id="answer-heading">{t('result_heading', { kind: t(`kind_${basis.kind}`), from: countryName(props.countries, basis.from, ctx.lang), to: countryName(props.countries, basis.to, ctx.lang) })}</h2>
          <LegalBasisAnswer ctx={ctx} basis={basis} countries={props.countries} />
        </section>
      ) : null}
    </Layout>
  );
}
