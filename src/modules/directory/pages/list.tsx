/** /{lang}/directory: search with filters and facet counts, and links to the other directory pages. */
import { formatNumber } from '../../../platform/i18n/messages.js';
import { Layout } from '../../../platform/web/layout.js';
import { href, type PageContext } from '../../../platform/web/page.js';
import { pickLocalized } from '../../../platform/i18n/languages.js';
import { FUNCTION_CODES } from '../domain/functions.js';
import { ELECTRONIC } from '../domain/schema.js';
import type { DirectoryResults, ParsedQuery } from '../service.js';
import { AuthorityName, Badges, countryLabel, dirT, fnLabel, instrumentLabel, languageName, Pagination, type PageRefs } from './ui.js';

import type { DirectoryLinks } from '../editor-service.js';

export type { DirectoryLinks };

function queryParams(q: ParsedQuery, page?: number) {
  return { q: q.q, country: q.country, region: q.region, function: q.function, instrument: q.instrument, language: q.language, electronic: q.electronic, stale: q.stale ? '1' : undefined, page: page && page > 1 ? page : undefined };
}

export function DirectoryLinksNav(props: { ctx: PageContext; links: DirectoryLinks }) {
  const { ctx, links } = props;
  const t = dirT(ctx.lang);
  return (
    <nav aria-labelledby="dir-links" class="dir-links">
      <h2 id="dir-links" class="visually-hidden">
        {t('links_heading')}
      </h2>
      <ul>
        <li>
          <a href={href(ctx, '/directory/lookup')}>{t('lookup_link')}</a>
        </li>
        <li>
          <a href={href(ctx, '/directory/figures')}>{t('figures_link')}</a>
        </li>
        <li>
          <a href={href(ctx, '/directory/book.pdf')}>{t('book_pdf')}</a>
        </li>
        <li>
          <a href={href(ctx, '/directory/book.docx')}>{t('book_docx')}</a>
        </li>
        {links.exportRestricted ? (
          <>
            <li>
              <a href={href(ctx, '/directory/book.pdf', { edition: 'restricted' })}>{t('book_pdf_restricted')}</a>
            </li>
            <li>
              <a href={href(ctx, '/directory/book.docx', { edition: 'restricted' })}>{t('book_docx_restricted')}</a>
            </li>
          </>
        ) : null}
        {links.queue ? (
          <li>
            <a href={href(ctx, '/directory/queue')}>{t('queue_link')}</a>
          </li>
        ) : null}
        {links.create ? (
          <li>
            <a href={href(ctx, '/directory/new')}>{t('new_link')}</a>
          </li>
        ) : null}
        {links.import ? (
          <li>
            <a href={href(ctx, '/directory/import')}>{t('import_link')}</a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

export function RestrictedNote(props: { ctx: PageContext }) {
  const t = dirT(props.ctx.lang);
  return (
    <p class="dir-restricted-note" role="note">
      {t('restricted_note')} <a href={href(props.ctx, props.ctx.viewer ? '/account/practitioner' : '/sign-in', props.ctx.viewer ? {} : { next: props.ctx.pathAndQuery })}>{t('restricted_link')}</a>
    </p>
  );
}

function Select(props: { name: string; label: string; value?: string | undefined; options: { value: string; label: string; count?: number }[]; ctx: PageContext }) {
  const t = dirT(props.ctx.lang);
  return (
    <div class="form-row">
      <label for={`f-${props.name}`}>{props.label}</label>
      <select id={`f-${props.name}`} name={props.name}>
        <option value="">{t('any')}</option>
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.count !== undefined ? `${o.label} (${formatNumber(props.ctx.lang, o.count)})` : o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function DirectoryPage(props: { ctx: PageContext; results: DirectoryResults; refs: PageRefs; links: DirectoryLinks; demo: boolean }) {
  const { ctx, results, refs } = props;
  const t = dirT(ctx.lang);
  const q = results.query;
  const counts = (facet: keyof DirectoryResults['facets']) => new Map(results.facets[facet].map((f) => [f.value, f.count]));
  const countryCounts = counts('country');
  const fnCounts = counts('function');
  const instrCounts = counts('instrument');
  const langCounts = counts('language');
  const elecCounts = counts('electronic');
  const byName = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label, ctx.lang);
  return (
    <Layout ctx={ctx} title={t('title')} description={t('intro')} canonical="/directory" section="directory" demo={props.demo}>
      <h1>{t('title')}</h1>
      <p class="lead">{t('intro')}</p>
      <DirectoryLinksNav ctx={ctx} links={props.links} />
      {!props.links.restricted ? <RestrictedNote ctx={ctx} /> : null}
      <form method="get" action={href(ctx, '/directory')} role="search" class="dir-search">
        <div class="search-form">
          <label for="dir-q" class="visually-hidden">
            {t('search_label')}
          </label>
          <input type="search" id="dir-q" name="q" value={q.q} maxLength={200} placeholder={t('search_label')} />
          <button type="submit">{t('search_button')}</button>
        </div>
        <div class="with-sidebar">
          <fieldset class="dir-filters">
            <legend>{t('filters')}</legend>
            <Select ctx={ctx} name="country" label={t('filter_country')} value={q.country} options={refs.countries.map((c) => ({ value: c.iso3, label: countryLabel(refs, c.iso3, ctx.lang), count: countryCounts.get(c.iso3) ?? 0 })).filter((o) => o.count || o.value === q.country).sort(byName)} />
            <Select ctx={ctx} name="region" label={t('filter_region')} value={q.region} options={refs.regions.filter((r) => r.level !== 'world').map((r) => ({ value: r.code, label: pickLocalized(r.names, ctx.lang)?.text ?? r.code })).sort(byName)} />
            <Select ctx={ctx} name="function" label={t('filter_function')} value={q.function} options={FUNCTION_CODES.map((c) => ({ value: c, label: fnLabel(ctx.lang, c), count: fnCounts.get(c) ?? 0 }))} />
            <Select ctx={ctx} name="instrument" label={t('filter_instrument')} value={q.instrument} options={refs.instruments.filter((i) => !i.demo && i.kind !== 'bilateral').map((i) => ({ value: i.id, label: instrumentLabel(refs, i.id), count: instrCounts.get(i.id) ?? 0 }))} />
            <Select ctx={ctx} name="language" label={t('filter_language')} value={q.language} options={[...new Set([...langCounts.keys(), ...(q.language ? [q.language] : [])])].map((l) => ({ value: l, label: languageName(ctx.lang, l), count: langCounts.get(l) ?? 0 })).sort(byName)} />
            <Select ctx={ctx} name="electronic" label={t('filter_electronic')} value={q.electronic} options={ELECTRONIC.map((e) => ({ value: e, label: t(`electronic_${e}`), count: elecCounts.get(e) ?? 0 }))} />
            <div class="form-row form-row--check">
              <label>
                <input type="checkbox" name="stale" value="1" checked={q.stale} /> {t('filter_stale')}
              </label>
            </div>
            <button type="submit">{t('apply')}</button> <a href={href(ctx, '/directory')}>{t('clear')}</a>
          </fieldset>
          <div>
            <p class="dir-count" role="status">
              {t('results', { count: results.total })}
            </p>
            {results.items.length ? (
              <ol class="results">
                {results.items.map((item) => (
                  <li class="result">
                    <h2>
                      <a href={href(ctx, `/directory/authorities/${item.doc.id}`)}>
                        <AuthorityName ctx={ctx} names={item.doc.names} />
                      </a>
                    </h2>
                    <p class="result__meta">
                      <span>{countryLabel(refs, item.doc.country, ctx.lang)}</span>
                      <Badges ctx={ctx} demo={item.demo} stale={item.stale} />
                    </p>
                    <ul class="dir-functions">
                      {item.doc.functions.map((f) => (
                        <li>{fnLabel(ctx.lang, f.code)}</li>
                      ))}
                    </ul>
                    {item.snippet ? (
                      <p class="result__snippet" dir="auto">
                        {item.snippet}
                      </p>
                    ) : null}
                  </li>
                ))}
              </ol>
            ) : (
              <p>{t('no_results')}</p>
            )}
            <Pagination ctx={ctx} page={q.page} pages={results.pages} link={(p) => href(ctx, '/directory', queryParams(q, p))} />
          </div>
        </div>
      </form>
    </Layout>
  );
}
