/** /{lang}/instruments/{id}/articles/{n}: an article of an instrument and the content that implements or applies it. */
import { formatNumber, translator } from '../../../platform/i18n/messages.js';
import { common } from '../../../platform/web/common.messages.js';
import { Layout } from '../../../platform/web/layout.js';
import { href, type PageContext } from '../../../platform/web/page.js';
import { articleTitleFor, instrumentAuthenticLanguages, instrumentShortName, termLabel } from '../../reference/index.js';
import { entryPath } from '../../knowledge/index.js';
import { chooseVersion, pickText } from '../domain/versions.js';
import type { ArticleModel, EntryBlock } from '../service.js';
import { EntryList, VersionLinks, VersionNotices, portalT } from '../components/entry.js';
import { Breadcrumbs, Content, LegalText, languageName, searchHref, termFilter, type SearchFilters } from '../components/ui.js';
import { LabelTextView, articlePath, treatyT } from './treaty.js';

function Block(props: { ctx: PageContext; id: string; heading: string; block: EntryBlock; filters: SearchFilters; model: ArticleModel }) {
  const { ctx, block } = props;
  const tt = treatyT(ctx.lang);
  return (
    <section aria-labelledby={props.id}>
      <h2 id={props.id}>
        {props.heading} <span class="count">({formatNumber(ctx.lang, block.total)})</span>
      </h2>
      {block.total ? (
        <>
          <EntryList ctx={ctx} items={block.items} countries={props.model.names.countries} showType={false} />
          <p>
            <a href={searchHref(ctx, props.filters)}>{tt('see_all', { count: block.total })}</a>
          </p>
        </>
      ) : (
        <p class="muted">{tt('none_yet')}</p>
      )}
    </section>
  );
}

export function ArticlePage(props: { ctx: PageContext; model: ArticleModel; version?: string | undefined }) {
  const { ctx, model } = props;
  const { instrument, article } = model;
  const t = portalT(ctx.lang);
  const tt = treatyT(ctx.lang);
  const c = translator(common, ctx.lang);
  const instrumentTitle = pickText(instrument.titles, ctx.lang);
  const instrumentName = instrumentShortName(instrument.id, ctx.lang) ?? instrument.short_name ?? instrumentTitle?.text ?? instrument.id;
  // Shipped instruments hold authentic texts only (English shipped, others imported by curators).
  const authentic = instrumentAuthenticLanguages(instrument.id);
  const choice = chooseVersion(
    Object.fromEntries(Object.keys(article.texts).map((k) => [k, {}])),
    ctx.lang,
    { requested: props.version },
  );
  const text = choice ? article.texts[choice.lang] : undefined;
  const title =
    choice && article.titles[choice.lang] && choice.lang !== ctx.lang && !!props.version
      ? { text: article.titles[choice.lang]!, lang: choice.lang, translated: false }
      : authentic
        ? articleTitleFor(instrument.id, article.titles, ctx.lang)
        : (() => {
            const picked = choice && article.titles[choice.lang] ? { text: article.titles[choice.lang]!, lang: choice.lang } : pickText(article.titles, ctx.lang);
            return picked ? { ...picked, translated: false } : undefined;
          })();
  const path = articlePath(instrument.id, article.number);
  const ref = `${instrument.id}:${article.number}`;
  const heading = tt('article_number', { number: article.number });
  const treatyHref = href(ctx, entryPath('treaty', instrument.id));
  return (
    <Layout ctx={ctx} title={`${instrumentName}, ${heading}${title ? ` — ${title.text}` : ''}`} canonical={path} section="treaties" demo={instrument.demo || [model.legislation, model.cases].some((b) => b.items.some((i) => i.demo))}>
      <Breadcrumbs
        label={t('breadcrumbs')}
        items={[
          { label: c('nav_home'), href: href(ctx, '/') },
          { label: c('nav_treaties'), href: href(ctx, '/treaties') },
          { label: instrumentName, href: treatyHref },
        ]}
      />
      <article class="entry" aria-labelledby="article-title">
        <header class="entry__header">
          <p class="entry__kicker">
            <a href={treatyHref}>
              <Content page={ctx.lang} lang={instrumentTitle?.lang}>
                {instrumentTitle?.text ?? instrumentName}
              </Content>
            </a>
          </p>
          <h1 id="article-title">
            {heading}
            {title ? (
              <>
                <span class="title-sep">{tt('title_separator')}</span>
                <LabelTextView ctx={ctx} label={title} />
              </>
            ) : null}
          </h1>
        </header>
        {choice ? (
          <>
            <VersionNotices
              ctx={ctx}
              choice={choice}
              requested={!!props.version && props.version === choice.lang}
              mt={false}
              fallbackMessage={tt('article_fallback', { reader: languageName(ctx.lang, ctx.lang), language: languageName(ctx.lang, choice.lang) })}
            />
            <VersionLinks ctx={ctx} path={path} tags={Object.keys(article.texts)} current={choice.lang} {...(authentic ? { authentic: Object.keys(article.texts) } : {})} />
          </>
        ) : null}
        {title?.translated ? (
          <p class="notice notice--translation" role="note">
            {tt('titles_translated', { language: languageName(ctx.lang, ctx.lang) })}
          </p>
        ) : null}
        {text ? <LegalText text={text} page={ctx.lang} lang={choice?.lang} class="article-text" /> : <p class="muted">{tt('article_no_text')}</p>}

        <nav class="prev-next" aria-label={tt('article_nav', { instrument: instrumentName })}>
          {model.previous ? (
            <a href={href(ctx, articlePath(instrument.id, model.previous.number))} rel="prev" class="prev-next__prev">
              <span class="prev-next__label">{tt('previous_article')}</span> {tt('article_number', { number: model.previous.number })}
            </a>
          ) : (
            <span />
          )}
          <a href={`${treatyHref}#articles-heading`}>{tt('all_articles')}</a>
          {model.next ? (
            <a href={href(ctx, articlePath(instrument.id, model.next.number))} rel="next" class="prev-next__next">
              <span class="prev-next__label">{tt('next_article')}</span> {tt('article_number', { number: model.next.number })}
            </a>
          ) : (
            <span />
          )}
        </nav>

        {article.terms.length ? (
          <section aria-labelledby="about-heading">
            <h2 id="about-heading">{tt('about_heading')}</h2>
            <ul class="tag-list">
              {article.terms.map((term) => {
                const [taxonomy = '', code = ''] = term.split(':');
                return (
                  <li>
                    <a href={searchHref(ctx, termFilter(taxonomy, code))}>{termLabel(model.names.terms, taxonomy, code, ctx.lang)}</a>
                  </li>
                );
              })}
            </ul>
          </section>
        ) : null}
        <Block ctx={ctx} id="legislation-heading" heading={tt('implementing_heading')} block={model.legislation} filters={{ article: ref, type: 'legislation' }} model={model} />
        <Block ctx={ctx} id="cases-heading" heading={tt('applying_heading')} block={model.cases} filters={{ article: ref, type: 'case' }} model={model} />
      </article>
    </Layout>
  );
}
