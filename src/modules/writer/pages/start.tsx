/** /{lang}/writer: start a draft (kind, requesting authority, requested State) and the drafts of the user's authorities. */
import type { FieldIssue } from '../../../platform/http/errors.js';
import { CsrfField, Layout } from '../../../platform/web/layout.js';
import { href, type PageContext } from '../../../platform/web/page.js';
import { countryName, type Country } from '../../reference/index.js';
import { WRITER_KINDS } from '../domain/kinds.js';
import type { DraftListItem } from '../service.js';
import { docT, wT } from '../texts.js';
import { fid } from './controls.js';

export interface StartProps {
  ctx: PageContext;
  countries: Country[];
  authorities: string[];
  drafts: DraftListItem[];
  values: Record<string, string>;
  issues: FieldIssue[];
}

export function StartPage(p: StartProps) {
  const { ctx, values, issues } = p;
  const t = wT(ctx.lang);
  const d = docT(ctx.lang);
  const countries = p.countries.map((c) => [c.iso3, countryName(p.countries, c.iso3, ctx.lang)] as const).sort((a, b) => a[1].localeCompare(b[1], ctx.lang));
  const err = (name: string) => issues.filter((i) => i.field === name).map((i) => i.message).join('; ');
  const row = (name: string, label: string, control: preact.JSX.Element) => (
    <div class="form-row">
      <label for={fid(name)}>{label}</label>
      {err(name) ? (
        <span class="field-error" id={`e-${fid(name)}`}>
          {err(name)}
        </span>
      ) : null}
      {control}
    </div>
  );
  const aria = (name: string) => (err(name) ? { 'aria-invalid': 'true' as const, 'aria-describedby': `e-${fid(name)}` } : {});
  return (
    <Layout ctx={ctx} title={t('title_writer')} section="casework">
      <main id="main" class="writer">
        <h1>{t('title_writer')}</h1>
        <p>{t('intro')}</p>
        {issues.length ? (
          <div class="error-summary" role="alert" tabIndex={-1}>
            <h2>{t('errors')}</h2>
            <ul>
              {issues.map((i) => (
                <li>
                  <a href={`#${fid(i.field)}`}>
                    {i.field}: {i.message}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <h2>{t('start_heading')}</h2>
        <p class="hint">{t('model_forms')}</p>
        <form method="post" action={href(ctx, '/writer')} novalidate>
          <CsrfField ctx={ctx} />
          {row(
            'kind',
            t('f_kind'),
            <select id={fid('kind')} name="kind" required {...aria('kind')}>
              {WRITER_KINDS.map((k) => (
                <option value={k} selected={values.kind === k}>
                  {d(`title_${k}`)}
                </option>
              ))}
            </select>,
          )}
          {p.authorities.length > 1
            ? row(
                'authority_id',
                t('f_authority'),
                <select id={fid('authority_id')} name="authority_id" {...aria('authority_id')}>
                  {p.authorities.map((a) => (
                    <option value={a} selected={values.authority_id === a}>
                      {a}
                    </option>
                  ))}
                </select>,
              )
            : null}
          {row(
            'requested_country',
            t('f_requested_country'),
            <select id={fid('requested_country')} name="requested_country" required {...aria('requested_country')}>
              <option value="">{t('choose')}</option>
              {countries.map(([iso, name]) => (
                <option value={iso} selected={values.requested_country === iso}>
                  {name}
                </option>
              ))}
            </select>,
          )}
          {row('title', t('f_title'), <input id={fid('title')} name="title" value={values.title ?? ''} maxLength={300} dir="auto" {...aria('title')} />)}
          <button type="submit">{t('start')}</button>
        </form>
        <h2>{t('my_drafts')}</h2>
        {p.drafts.length ? (
          <table class="writer-drafts">
            <thead>
              <tr>
                <th scope="col">{t('col_kind')}</th>
                <th scope="col">{t('col_state')}</th>
                <th scope="col">{t('col_updated')}</th>
              </tr>
            </thead>
            <tbody>
              {p.drafts.map((x) => (
                <tr>
                  <td>
                    <a href={href(ctx, `/writer/${x.caseId}/authority`)}>{d(`title_${x.kind}`)}</a>
                    {x.mine ? <span class="tag">{t('mine')}</span> : null}
                  </td>
                  <td>{countryName(p.countries, x.requestedCountry, ctx.lang)}</td>
                  <td>{new Intl.DateTimeFormat(ctx.lang === 'zh' ? 'zh-Hans' : ctx.lang, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(x.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>{t('no_drafts')}</p>
        )}
      </main>
    </Layout>
  );
}
