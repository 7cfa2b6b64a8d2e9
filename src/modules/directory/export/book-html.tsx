/**
 * The directory book as one HTML document, written chunk by chunk (cover, contents, one section per
 * country) so that only a page of authorities is in memory at a time. Printed to PDF by Chromium.
 * Every value goes through Preact's escaping.
 */
import { renderToString } from 'preact-render-to-string';
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import { dirOf, type Lang } from '../../../platform/i18n/languages.js';
import { formatDate, formatNumber } from '../../../platform/i18n/messages.js';
import type { DirectoryViewer } from '../domain/visibility.js';
import { countryLabel, dirT, pageRefs, type PageRefs } from '../pages/ui.js';
import { authorityBatches } from './stream.js';
import { bookAuthority, bookCountries, type BookAuthority, type BookText } from './book-model.js';

const CSS = `
@page { size: A4; margin: 18mm 16mm; @bottom-center { content: counter(page); font-size: 9pt; color: #555; } }
@page :first { @bottom-center { content: none; } }
body { font-family: "Noto Sans", "Noto Sans Arabic", "Noto Naskh Arabic", "Noto Sans CJK SC", "Noto Serif CJK SC", "DejaVu Sans", sans-serif; font-size: 10pt; line-height: 1.45; color: #111; }
h1 { font-size: 18pt; margin: 0 0 8pt; } h2 { font-size: 12.5pt; margin: 14pt 0 4pt; } h3 { font-size: 10.5pt; margin: 8pt 0 3pt; }
.cover { page-break-after: always; text-align: center; padding-block-start: 60mm; }
.cover h1 { font-size: 26pt; } .toc { page-break-after: always; } .toc ol { columns: 2; column-gap: 12mm; padding: 0; list-style: none; }
.toc li { display: flex; align-items: baseline; gap: 3pt; break-inside: avoid; }
.toc a { color: inherit; text-decoration: none; } .toc__leader { flex: 1; border-block-end: 1px dotted #999; }
.toc__page { min-inline-size: 3em; text-align: end; font-variant-numeric: tabular-nums; }
.country { page-break-before: always; } .authority { break-inside: avoid-page; border-block-start: 1px solid #999; margin-block-start: 10pt; padding-block-start: 4pt; }
table { border-collapse: collapse; width: 100%; margin-block: 4pt; } th, td { border: 1px solid #bbb; padding: 2pt 4pt; text-align: start; vertical-align: top; }
th { background: #eee; } .tag { font-size: 8pt; border: 1px solid #999; padding: 0 3pt; margin-inline-start: 4pt; } .muted { color: #555; } .pre { white-space: pre-line; }
`;

function T(props: { v: BookText; pre?: boolean }) {
  return (
    <span dir="auto" class={props.pre ? 'pre' : undefined} {...(props.v.lang ? { lang: props.v.lang } : {})}>
      {props.v.text}
    </span>
  );
}

function AuthorityBlock(props: { a: BookAuthority; lang: Lang; url: string }) {
  const { a } = props;
  const t = dirT(props.lang);
  return (
    <article class="authority" id={`a-${a.id}`}>
      <h2>
        <T v={a.name} />
        {a.demo ? <span class="tag">{t('demo_label')}</span> : null}
        {a.stale ? <span class="tag">{t('badge_stale')}</span> : null}
      </h2>
      {a.otherNames.length ? (
        <p class="muted">
          {a.otherNames.map((n, i) => (
            <>
              {i ? ' · ' : ''}
              <T v={n} />
            </>
          ))}
        </p>
      ) : null}
      <table>
        <thead>
          <tr>
            <th>{t('functions')}</th>
            <th>{t('designated_under')}</th>
          </tr>
        </thead>
        <tbody>
          {a.functions.map((f) => (
            <tr>
              <td>
                {f.label}
                {f.note ? (
                  <>
                    <br />
                    <T v={f.note} />
                  </>
                ) : null}
              </td>
              <td dir="auto">{f.basis}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {a.details.length ? (
        <table>
          <tbody>
            {a.details.map((d) => (
              <tr>
                <th scope="row">{d.label}</th>
                <td>
                  <T v={d.value} pre />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {a.contacts.length ? (
        <>
          <h3>{t('contacts')}</h3>
          <table>
            <thead>
              <tr>
                <th>{t('contact_name')}</th>
                <th>{t('contact_title')}</th>
                <th>{t('contact_phone')}</th>
                <th>{t('contact_email')}</th>
              </tr>
            </thead>
            <tbody>
              {a.contacts.map((c) => (
                <tr>
                  <td dir="auto">{c.name}</td>
                  <td dir="auto">{c.title}</td>
                  <td dir="ltr">{c.phone}</td>
                  <td dir="ltr">{c.email}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {a.requirements.length ? (
        <>
          <h3>{t('requirements')}</h3>
          <table>
            <thead>
              <tr>
                <th>{t('col_measure')}</th>
                <th>{t('col_status')}</th>
                <th>{t('col_conditions')}</th>
              </tr>
            </thead>
            <tbody>
              {a.requirements.map((r) => (
                <tr>
                  <td>{r.measure}</td>
                  <td>{r.status}</td>
                  <td>{r.conditions ? <T v={r.conditions} pre /> : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {a.texts.map((x) => (
        <>
          <h3>{x.label}</h3>
          <p>
            <T v={x.value} pre />
          </p>
        </>
      ))}
      <p class="muted" dir="ltr">
        {props.url}
      </p>
    </article>
  );
}

export interface BookOptions {
  lang: Lang;
  viewer: DirectoryViewer;
  site: string;
  now?: Date;
  /** Page of each country section by its anchor ("c-FRA"), from an earlier print (pdf.ts); absent: no numbers yet. */
  pages?: ReadonlyMap<string, number>;
}

/** Anchors of the country sections: "c-" and the country code. */
export const COUNTRY_ANCHOR = 'c-';

/** The book's HTML, chunk by chunk. */
export async function* bookHtmlChunks(db: Kysely<DB>, options: BookOptions): AsyncGenerator<string> {
  const { lang, viewer } = options;
  const t = dirT(lang);
  const refs: PageRefs = await pageRefs(db);
  const counts = await bookCountries(db, refs, lang);
  const total = counts.reduce((n, c) => n + c.n, 0);
  yield `<!doctype html><html lang="${lang}" dir="${dirOf(lang)}"><head><meta charset="utf-8"><title>${escapeText(t('book_title'))}</title><style>${CSS}</style></head><body>`;
  yield renderToString(
    <>
      <section class="cover">
        <h1>{t('book_title')}</h1>
        <p>{t('book_count', { count: total, states: counts.length })}</p>
        <p>{viewer.restricted ? t('book_edition_restricted') : t('book_edition_public')}</p>
        <p class="muted">{t('book_generated', { date: formatDate(lang, options.now ?? new Date()), site: options.site })}</p>
      </section>
      <nav class="toc">
        <h1>{t('book_contents')}</h1>
        <ol>
          {counts.map((c) => {
            const page = options.pages?.get(`${COUNTRY_ANCHOR}${c.country}`);
            // The number's box has the same width whatever it holds, so adding the numbers moves nothing.
            return (
              <li>
                <a href={`#${COUNTRY_ANCHOR}${c.country}`}>{c.label}</a> ({formatNumber(lang, c.n)})<span class="toc__leader" />
                <span class="toc__page">{page === undefined ? '' : formatNumber(lang, page)}</span>
              </li>
            );
          })}
        </ol>
      </nav>
    </>,
  );
  for (const c of counts) {
    yield `<section class="country">${renderToString(<h1 id={`${COUNTRY_ANCHOR}${c.country}`}>{c.label}</h1>)}`;
    for await (const batch of authorityBatches(db, viewer, 200, c.country)) {
      yield batch.map((a) => renderToString(<AuthorityBlock a={bookAuthority(a.doc, a, refs, lang)} lang={lang} url={`${options.site}/${lang}/directory/authorities/${a.doc.id}`} />)).join('');
    }
    yield '</section>';
  }
  yield '</body></html>';
}

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
