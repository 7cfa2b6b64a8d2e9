/** Pieces of the entry, law and article pages: language versions, notices, tags, lists, citation. */
import { formatDate, translator } from '../../../platform/i18n/messages.js';
import { INTL_LOCALE, type Lang } from '../../../platform/i18n/languages.js';
import { common } from '../../../platform/web/common.messages.js';
import { href, type PageContext } from '../../../platform/web/page.js';
import { articleTitleFor, countryName, instrumentShortName, isShippedInstrument, termLabel, type Country, type Term } from '../../reference/index.js';
import { entryPath, type EntryDocument, type ArticleLabel, type EntrySummary } from '../../knowledge/index.js';
import { portal } from '../portal.messages.js';
import { orderedTags, pickText, type VersionChoice } from '../domain/versions.js';
import { Content, languageName, searchHref, termFilter } from './ui.js';

type T = ReturnType<typeof translator<keyof (typeof portal)['en']>>;

export function portalT(lang: Lang): T {
  return translator(portal, lang);
}

/** Notices about the version shown: fallback language, missing requested version, machine translation. */
export function VersionNotices(props: {
  ctx: PageContext;
  choice: VersionChoice;
  /** Whether the reader asked for this version (?version=). */
  requested: boolean;
  mt: boolean;
  translatedFrom?: string | undefined;
  /** Message for a fallback (defaults to the entry wording). */
  fallbackMessage?: string;
}) {
  const { ctx, choice } = props;
  const t = portalT(ctx.lang);
  const shown = languageName(ctx.lang, choice.lang);
  const notes: string[] = [];
  if (choice.missing) notes.push(t('notice_requested_missing', { language: languageName(ctx.lang, choice.missing) }));
  if (choice.fallback) {
    notes.push(props.requested ? t('notice_shown_in', { language: shown }) : (props.fallbackMessage ?? t('notice_fallback', { reader: languageName(ctx.lang, ctx.lang), language: shown })));
  }
  return (
    <>
      {notes.length ? (
        <p class="notice notice--language" role="note">
          {notes.join(' ')}
        </p>
      ) : null}
      {props.mt ? (
        <p class="notice notice--mt" role="note">
          <span class="badge badge--mt">{translator(common, ctx.lang)('machine_translated')}</span>{' '}
          {props.translatedFrom ? t('mt_notice_from', { language: languageName(ctx.lang, props.translatedFrom) }) : t('mt_notice')}
        </p>
      ) : null}
    </>
  );
}

/** Links to every language version held (?version=xx); the reader's own language links without the parameter. */
export function VersionLinks(props: { ctx: PageContext; path: string; tags: string[]; current: string; original?: string | null | undefined; mt?: readonly string[]; authentic?: readonly string[] }) {
  const { ctx } = props;
  const t = portalT(ctx.lang);
  const tags = orderedTags(props.tags);
  if (tags.length < 2 && tags[0] === ctx.lang) return null;
  const mt = new Set(props.mt ?? []);
  const authentic = new Set(props.authentic ?? []);
  return (
    <nav class="versions" aria-label={t('versions_label')}>
      <span class="versions__label">{t('versions_label')}</span>
      <ul>
        {tags.map((tag) => {
          const name = languageName(ctx.lang, tag);
          const label = authentic.has(tag)
            ? t('version_authentic', { language: name })
            : tag === props.original
              ? t('version_original', { language: name })
              : mt.has(tag)
                ? t('version_mt', { language: name })
                : name;
          return (
            <li>
              <a href={href(ctx, props.path, tag === ctx.lang ? {} : { version: tag })} hreflang={tag} aria-current={tag === props.current ? 'true' : undefined}>
                {label}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** "UNTOC, art. 18 — Mutual legal assistance" for an article tag. */
export function articleTagLabel(lang: Lang, ref: string, labels: readonly ArticleLabel[]): { instrument: string; number: string; title?: { text: string; lang: string } } {
  const i = ref.lastIndexOf(':');
  const treatyId = ref.slice(0, i);
  const number = ref.slice(i + 1);
  const label = labels.find((l) => l.treaty_id === treatyId && l.number === number);
  const instrument = instrumentShortName(treatyId, lang) ?? label?.short_name ?? pickText(label?.treaty_titles, lang)?.text ?? treatyId;
  // Shipped instruments: the authentic heading, else Palermo's translation (in the reader's language), else English.
  const title = isShippedInstrument(treatyId) ? articleTitleFor(treatyId, label?.titles, lang) : pickText(label?.titles, lang);
  return { instrument, number, ...(title ? { title } : {}) };
}

const TAXONOMIES = [
  ['crime', 'crime_types', 'tag_crime'],
  ['cooperation', 'cooperation_types', 'tag_cooperation'],
  ['issue', 'issues', 'tag_issue'],
  ['measure', 'measures', 'tag_measure'],
] as const;

/** The index terms of an entry: instrument articles (to their page) and taxonomy terms (to a filtered search). */
export function TagSection(props: { ctx: PageContext; doc: EntryDocument; articles: readonly ArticleLabel[]; terms: readonly Term[] }) {
  const { ctx, doc } = props;
  const t = portalT(ctx.lang);
  const groups = TAXONOMIES.map(([taxonomy, field, label]) => ({ taxonomy, label, codes: doc[field] ?? [] })).filter((g) => g.codes.length);
  const articles = doc.articles ?? [];
  if (!articles.length && !groups.length) return null;
  return (
    <section class="tags" aria-labelledby="tags-heading">
      <h2 id="tags-heading">{t('tags_heading')}</h2>
      <dl class="meta">
        {articles.length ? (
          <>
            <dt>{t('tag_articles')}</dt>
            <dd>
              <ul class="tag-list">
                {articles.map((ref) => {
                  const l = articleTagLabel(ctx.lang, ref, props.articles);
                  const [treatyId] = [ref.slice(0, ref.lastIndexOf(':'))];
                  return (
                    <li>
                      <a href={href(ctx, `/instruments/${encodeURIComponent(treatyId)}/articles/${encodeURIComponent(l.number)}`)}>
                        {t('article_ref', { instrument: l.instrument, number: l.number })}
                        {l.title ? (
                          <>
                            {' — '}
                            <Content page={ctx.lang} lang={l.title.lang}>
                              {l.title.text}
                            </Content>
                          </>
                        ) : null}
                      </a>
                    </li>
                  );
                })}
              </ul>
            </dd>
          </>
        ) : null}
        {groups.map((g) => (
          <>
            <dt>{t(g.label)}</dt>
            <dd>
              <ul class="tag-list">
                {g.codes.map((code) => (
                  <li>
                    <a href={searchHref(ctx, termFilter(g.taxonomy, code))}>{termLabel(props.terms, g.taxonomy, code, ctx.lang)}</a>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ))}
      </dl>
    </section>
  );
}

export function countryHref(ctx: PageContext, iso3: string): string {
  return href(ctx, `/countries/${iso3}`);
}

export function CountryLink(props: { ctx: PageContext; iso3: string; countries: readonly Country[] }) {
  return <a href={countryHref(props.ctx, props.iso3)}>{countryName(props.countries, props.iso3, props.ctx.lang)}</a>;
}

function formatYear(lang: Lang, isoDate: string): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[lang], { year: 'numeric', timeZone: 'UTC' }).format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}

const TYPE_KEYS = { legislation: 'type_legislation', case: 'type_case', treaty: 'type_treaty', strategy: 'type_strategy' } as const;

export function typeLabel(lang: Lang, type: keyof typeof TYPE_KEYS): string {
  return portalT(lang)(TYPE_KEYS[type]);
}

/** A short list of entries: title (in the best language), database, State, date, marks. */
export function EntryList(props: { ctx: PageContext; items: readonly EntrySummary[]; countries: readonly Country[]; showType?: boolean; showCountry?: boolean }) {
  const { ctx } = props;
  const c = translator(common, ctx.lang);
  if (!props.items.length) return null;
  return (
    <ul class="entry-list">
      {props.items.map((e) => {
        const title = pickText(e.titles, ctx.lang, { mt: e.mt_langs });
        const ref = e.type === 'legislation' ? e.article_ref : e.type === 'case' ? [e.court, e.case_number].filter(Boolean).join(', ') : '';
        return (
          <li class="entry-list__item">
            <a href={href(ctx, entryPath(e.type, e.id))}>
              <Content page={ctx.lang} lang={title?.lang}>
                {title?.text ?? e.id}
              </Content>
            </a>
            <span class="entry-list__meta">
              {props.showType !== false ? <span class="badge badge--type">{typeLabel(ctx.lang, e.type)}</span> : null}
              {props.showCountry !== false && e.country ? <span>{countryName(props.countries, e.country, ctx.lang)}</span> : null}
              {ref ? (
                <span dir="auto">{ref}</span>
              ) : null}
              {/* A strategy's date is the start of its period: its year says it. */}
              {e.date ? <span>{e.type === 'strategy' ? formatYear(ctx.lang, e.date) : formatDate(ctx.lang, e.date, 'medium')}</span> : null}
              {title?.mt ? <span class="badge badge--mt">{c('machine_translated')}</span> : null}
              {e.demo ? <span class="badge badge--demo">{c('demo_badge')}</span> : null}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

const URL_SLOT = '\u0001';

/** "Cite this page" with the stable URL, and the same content as JSON. */
export function CiteThis(props: { ctx: PageContext; title: string; titleLang: string; database: string; url: string; apiPath: string; today: string }) {
  const { ctx } = props;
  const t = portalT(ctx.lang);
  // The URL is set apart so that it reads left to right inside any sentence.
  const rest = t('cite_rest', { database: props.database, url: URL_SLOT, date: formatDate(ctx.lang, props.today) }).split(URL_SLOT);
  return (
    <section class="cite" aria-labelledby="cite-heading">
      <h2 id="cite-heading">{t('cite_heading')}</h2>
      <p class="cite__line">
        <Content page={ctx.lang} lang={props.titleLang}>
          {props.title}
        </Content>
        {rest.map((part, i) => (
          <>
            {i > 0 ? <bdi dir="ltr">{props.url}</bdi> : null}
            {part}
          </>
        ))}
      </p>
      <p>
        <a href={props.apiPath} type="application/json">
          {t('json_link')}
        </a>{' '}
        · <a href={href(ctx, '/open-data')}>{t('open_data_link')}</a>
      </p>
    </section>
  );
}
