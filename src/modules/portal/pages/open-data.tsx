/** /{lang}/open-data: how to reuse Palermo's content: the API, bulk downloads, formats, licence. */
import { translator } from '../../../platform/i18n/messages.js';
import { common } from '../../../platform/web/common.messages.js';
import { Layout } from '../../../platform/web/layout.js';
import { href, type PageContext } from '../../../platform/web/page.js';
import { Breadcrumbs } from '../components/ui.js';
import { portalT } from '../components/entry.js';
import { openDataMessages } from '../open-data.messages.js';

export interface Endpoint {
  method: string;
  path: string;
  /** English summary from the OpenAPI document. */
  summary: string;
}

export const OPENAPI_PATH = '/api/openapi.json';
export const DATA_LICENCE = { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' };

/** The problem types of the API (the last segment of a problem's type, /problems/<type>), with their status and English title. */
export const PROBLEM_TYPES: readonly { type: string; status: number; title: string }[] = [
  { type: 'validation', status: 400, title: 'The request is invalid: errors names each invalid field (or line of a file)' },
  { type: 'unauthorized', status: 401, title: 'Sign in, or give a valid API token' },
  { type: 'forbidden', status: 403, title: 'You may not do this (nothing about the resource is revealed)' },
  { type: 'not-found', status: 404, title: 'No such resource, or it is not public' },
  { type: 'conflict', status: 409, title: 'The resource was changed meanwhile, or the change conflicts with its state' },
  { type: 'payload-too-large', status: 413, title: 'The body or file is larger than the limit' },
  { type: 'too-many-requests', status: 429, title: 'Rate limit exceeded: retry after the Retry-After delay' },
  { type: 'internal', status: 500, title: 'An unexpected error; it has been logged (quote the request_id)' },
];
export const EXPORT_PATH = '/api/v1/export';

function EndpointTable(props: { ctx: PageContext; endpoints: readonly Endpoint[]; caption: string }) {
  const t = translator(openDataMessages, props.ctx.lang);
  return (
    <div class="table-wrap" role="region" aria-label={props.caption} tabIndex={0}>
      <table class="endpoints">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('col_endpoint')}</th>
            <th scope="col">{t('col_description')}</th>
          </tr>
        </thead>
        <tbody>
          {props.endpoints.map((e) => (
            <tr>
              <th scope="row" dir="ltr">
                <code>
                  {e.method} {e.path}
                </code>
              </th>
              <td lang={props.ctx.lang === 'en' ? undefined : 'en'} dir="ltr">
                {e.summary}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function OpenDataPage(props: { ctx: PageContext; endpoints: readonly Endpoint[]; publicUrl: string }) {
  const { ctx } = props;
  const t = translator(openDataMessages, ctx.lang);
  const c = translator(common, ctx.lang);
  const exports = props.endpoints.filter((e) => e.path.startsWith(EXPORT_PATH));
  const others = props.endpoints.filter((e) => !e.path.startsWith(EXPORT_PATH));
  const example = `curl -H 'accept: application/json' ${props.publicUrl}/api/v1/cases/{id}`;
  return (
    <Layout ctx={ctx} title={c('nav_api')} description={t('od_intro')} canonical="/open-data" section="api">
      <Breadcrumbs label={portalT(ctx.lang)('breadcrumbs')} items={[{ label: c('nav_home'), href: href(ctx, '/') }]} />
      <h1>{c('nav_api')}</h1>
      <p class="lead">{t('od_intro')}</p>

      <section aria-labelledby="api-heading">
        <h2 id="api-heading">{t('od_api_heading')}</h2>
        <p>
          {t('od_api_text')}{' '}
          <a href={OPENAPI_PATH} type="application/json" dir="ltr">
            {OPENAPI_PATH}
          </a>
        </p>
        <p>{t('od_api_errors')}</p>
        {others.length ? <EndpointTable ctx={ctx} endpoints={others} caption={t('od_endpoints_caption')} /> : null}
        <h3>{t('od_example_heading')}</h3>
        <pre class="code" dir="ltr">
          <code>{example}</code>
        </pre>
        <p>{t('od_pages_json')}</p>
      </section>

      <section aria-labelledby="problems-heading">
        <h2 id="problems-heading">{t('od_problems_heading')}</h2>
        <p>{t('od_problems_text')}</p>
        <div class="table-wrap" role="region" aria-labelledby="problems-heading" tabIndex={0}>
          <table class="endpoints">
            <thead>
              <tr>
                <th scope="col">{t('col_problem')}</th>
                <th scope="col">{t('col_status')}</th>
                <th scope="col">{t('col_description')}</th>
              </tr>
            </thead>
            <tbody>
              {PROBLEM_TYPES.map((p) => (
                <tr id={`problem-${p.type}`}>
                  <th scope="row" dir="ltr">
                    <code>/problems/{p.type}</code>
                  </th>
                  <td>{p.status}</td>
                  <td lang={ctx.lang === 'en' ? undefined : 'en'} dir="ltr">
                    {p.title}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="bulk-heading">
        <h2 id="bulk-heading">{t('od_bulk_heading')}</h2>
        <p>
          {t('od_bulk_text')}{' '}
          <a href={EXPORT_PATH} dir="ltr">
            {EXPORT_PATH}
          </a>
        </p>
        {exports.length ? <EndpointTable ctx={ctx} endpoints={exports} caption={t('od_bulk_caption')} /> : null}
      </section>

      <section aria-labelledby="formats-heading">
        <h2 id="formats-heading">{t('od_formats_heading')}</h2>
        <ul>
          <li>{t('od_format_json')}</li>
          <li>{t('od_format_csv')}</li>
          <li>{t('od_format_akn')}</li>
          <li>{t('od_format_codes')}</li>
          <li>{t('od_format_langs')}</li>
        </ul>
      </section>

      <section aria-labelledby="licence-heading">
        <h2 id="licence-heading">{t('od_licence_heading')}</h2>
        <p>{t('od_licence_official')}</p>
        <p>
          {t('od_licence_added')}{' '}
          <a href={DATA_LICENCE.url} rel="license external noopener noreferrer">
            {t('od_licence_link')}
          </a>
        </p>
        <p>{t('od_licence_mt')}</p>
        <p>{t('od_licence_software')}</p>
      </section>
    </Layout>
  );
}
