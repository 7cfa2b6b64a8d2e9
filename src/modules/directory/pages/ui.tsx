/** Building blocks shared by the directory pages: texts in several languages, labels, badges, office hours. */
import type { ComponentChildren } from 'preact';
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import { INTL_LOCALE, dirOf, pickLocalized, type Lang } from '../../../platform/i18n/languages.js';
import { formatDate, translator } from '../../../platform/i18n/messages.js';
import { href, type PageContext } from '../../../platform/web/page.js';
import { listInstruments, type InstrumentSummary } from '../../knowledge/index.js';
import { listCountries, listRegions, listTerms, type Country, type Region, type Term } from '../../reference/index.js';
import { directoryMessages } from '../directory.messages.js';
import { editorMessages } from '../editor.messages.js';
import { functionMessages } from '../functions.messages.js';
import { instrumentOf, type FunctionCode } from '../domain/functions.js';
import { openStatus } from '../domain/hours.js';
import type { Hours } from '../domain/schema.js';

export const dirT = (lang: Lang) => translator(directoryMessages, lang);
export const edT = (lang: Lang) => translator(editorMessages, lang);
export const fnT = (lang: Lang) => translator(functionMessages, lang);
export const fnLabel = (lang: Lang, code: string) => fnT(lang)(code as FunctionCode);

/** Reference data the pages label things with. */
export interface PageRefs {
  countries: Country[];
  regions: Region[];
  instruments: InstrumentSummary[];
  measures: Term[];
}

export async function pageRefs(db: Kysely<DB>): Promise<PageRefs> {
  const [countries, regions, instruments, measures] = await Promise.all([listCountries(db), listRegions(db), listInstruments(db), listTerms(db, 'measure')]);
  return { countries, regions, instruments, measures };
}

export function countryLabel(refs: PageRefs, iso3: string, lang: Lang): string {
  const c = refs.countries.find((x) => x.iso3 === iso3);
  return c ? (pickLocalized(c.names, lang)?.text ?? iso3) : iso3;
}

export function measureLabel(refs: PageRefs, code: string, lang: Lang): string {
  const m = refs.measures.find((x) => x.code === code);
  return m ? (pickLocalized(m.labels, lang)?.text ?? code) : code;
}

export function instrumentLabel(refs: PageRefs, id: string): string {
  return refs.instruments.find((i) => i.id === id)?.short_name ?? id;
}

const displayNames = new Map<Lang, Intl.DisplayNames>();
/** Name of a language (BCP 47 tag) in the page language. */
export function languageName(lang: Lang, tag: string): string {
  let d = displayNames.get(lang);
  if (!d) {
    d = new Intl.DisplayNames([INTL_LOCALE[lang]], { type: 'language' });
    displayNames.set(lang, d);
  }
  try {
    return d.of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** A text held in several languages, shown in the page language when held (marked with lang= otherwise). */
export function ML(props: { ctx: PageContext; value: Record<string, string> | undefined; block?: boolean }) {
  const picked = pickLocalized(props.value, props.ctx.lang);
  if (!picked) return null;
  const attrs = { dir: 'auto' as const, ...(picked.lang !== props.ctx.lang ? { lang: picked.lang } : {}) };
  return props.block ? (
    <p class="legal-text" {...attrs}>
      {picked.text}
    </p>
  ) : (
    <span {...attrs}>{picked.text}</span>
  );
}

/** The name of an authority in the page language (or another held language, marked). */
export function AuthorityName(props: { ctx: PageContext; names: Record<string, string> }) {
  return <ML ctx={props.ctx} value={props.names} />;
}

export function nameText(names: Record<string, string>, lang: Lang): string {
  return pickLocalized(names, lang)?.text ?? Object.values(names)[0] ?? '';
}

/** "UNTOC, art. 18" linking to the article page. */
export function ArticleLink(props: { ctx: PageContext; refs: PageRefs; ref_: string }) {
  const instrument = instrumentOf(props.ref_);
  const number = props.ref_.slice(instrument.length + 1);
  const label = edT(props.ctx.lang)('article_ref', { instrument: instrumentLabel(props.refs, instrument), number });
  return <a href={href(props.ctx, `/instruments/${encodeURIComponent(instrument)}/articles/${encodeURIComponent(number)}`)}>{label}</a>;
}

export function Badges(props: { ctx: PageContext; demo: boolean; stale: boolean; archived?: boolean }) {
  const t = dirT(props.ctx.lang);
  return (
    <>
      {props.demo ? <span class="badge badge--demo">{t('demo_label')}</span> : null}
      {props.stale ? <span class="badge badge--stale">{t('badge_stale')}</span> : null}
      {props.archived ? <span class="badge">{t('badge_archived')}</span> : null}
    </>
  );
}

export function Section(props: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section aria-labelledby={props.id} class="dir-section">
      <h2 id={props.id}>{props.title}</h2>
      {props.children}
    </section>
  );
}

/** Local time, open or closed now (computed on the server), and the weekly schedule. */
export function HoursBlock(props: { ctx: PageContext; hours: Hours; now: Date }) {
  const { ctx, hours } = props;
  const t = dirT(ctx.lang);
  let status;
  try {
    status = openStatus(hours, props.now);
  } catch {
    return null;
  }
  const line =
    status.state === 'always'
      ? t('always_open')
      : status.state === 'open'
        ? t('open_now', { time: status.closesAt ?? '' })
        : status.opensAt
          ? status.opensAt.inDays === 0
            ? `${t('closed_now')} · ${t('opens_today', { time: status.opensAt.time })}`
            : `${t('closed_now')} · ${t('opens_at', { day: t(`day_${status.opensAt.weekday}` as 'day_1'), time: status.opensAt.time })}`
          : t('closed_now');
  const byDay = [1, 2, 3, 4, 5, 6, 7].map((d) => hours.weekly.filter((s) => s.day === d).map((s) => `${s.open}–${s.close}`).join(', '));
  return (
    <div class="dir-hours" data-time-zone={hours.time_zone}>
      <p class={`dir-open dir-open--${status.state}`}>
        <strong>{line}</strong>
        {status.exception ? ` · ${t('exception_today', { note: status.exception.note ?? t('exception_closed') })}` : null}
      </p>
      <p class="dir-clock" data-local-time={status.clock.time}>
        {t('local_time', { time: status.clock.time, offset: status.clock.offset })} · {t('time_zone')}: <span dir="ltr">{hours.time_zone}</span>
      </p>
      {!hours.always_open ? (
        <table class="dir-week">
          <caption class="visually-hidden">{t('hours')}</caption>
          <tbody>
            {byDay.map((v, i) => (
              <tr>
                <th scope="row">{t(`day_${i + 1}` as 'day_1')}</th>
                <td dir="ltr">{v || t('closed')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {hours.exceptions?.length ? (
        <details>
          <summary>{t('exceptions')}</summary>
          <ul>
            {hours.exceptions.map((e) => (
              <li>
                {formatDate(ctx.lang, e.date, 'medium')}: {e.closed ? t('closed') : <span dir="ltr">{`${e.open ?? ''}–${e.close ?? ''}`}</span>} {e.note ? <span dir="auto">({e.note})</span> : null}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}

export function Pagination(props: { ctx: PageContext; page: number; pages: number; link: (page: number) => string }) {
  const t = dirT(props.ctx.lang);
  if (props.pages <= 1) return null;
  return (
    <nav aria-label={t('pagination')}>
      <ul class="pagination">
        {props.page > 1 ? (
          <li>
            <a href={props.link(props.page - 1)} rel="prev">
              {t('previous')}
            </a>
          </li>
        ) : null}
        <li>
          <span aria-current="page">{t('page_of', { page: props.page, pages: props.pages })}</span>
        </li>
        {props.page < props.pages ? (
          <li>
            <a href={props.link(props.page + 1)} rel="next">
              {t('next')}
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

export { dirOf };
