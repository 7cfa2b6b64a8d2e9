/** /{lang}/laws/{id}: a national law, its extracts in order, its full text and official file. */
import { formatDate, formatNumber, translator } from '../../../platform/i18n/messages.js';
import { common } from '../../../platform/web/common.messages.js';
import { Layout } from '../../../platform/web/layout.js';
import { href, type PageContext } from '../../../platform/web/page.js';
import { entryPath, lawPath } from '../../knowledge/index.js';
import { chooseVersion, fieldWithFallback, pickText } from '../domain/versions.js';
import type { LawModel } from '../service.js';
import { CiteThis, CountryLink, VersionLinks, VersionNotices, portalT } from '../components/entry.js';
import { Breadcrumbs, Content, contentLang, ExternalLink, LegalText, MetaRow, formatBytes, hostOf, languageName } from '../components/ui.js';

export function attachmentHref(id: string, filename: string): string {
  return `/files/${id}/${encodeURIComponent(filename)}`;
}

export function LawPage(props: { ctx: PageContext; model: LawModel; version?: string | undefined; publicUrl: string; today: string; editHref?: string | undefined }) {
  const { ctx, model } = props;
  const { law } = model;
  const t = portalT(ctx.lang);
  const c = translator(common, ctx.lang);
  const choice = chooseVersion(law.texts, ctx.lang, { requested: props.version, original: law.original_lang })!;
  const text = law.texts[choice.lang]!;
  const path = lawPath(law.id);
  const a = law.attachment;
  const fullText = fieldWithFallback(law.texts, choice.lang, ctx.lang, 'full_text', law.original_lang);
  return (
    <Layout ctx={ctx} title={text.title} demo={!!law.demo} canonical={path} section="legislation">
      <Breadcrumbs
        label={t('breadcrumbs')}
        items={[
          { label: c('nav_home'), href: href(ctx, '/') },
          { label: c('nav_legislation'), href: href(ctx, '/legislation') },
        ]}
      />
      <article class="entry" aria-labelledby="entry-title">
        <header class="entry__header">
          <p class="entry__kicker">
            <span class="badge badge--type">{t('type_law')}</span>
            {law.demo ? <span class="badge badge--demo">{c('demo_badge')}</span> : null}
            {text.machine_translated ? <span class="badge badge--mt">{c('machine_translated')}</span> : null}
          </p>
          {/* lang and dir on the heading itself, so a title in another script is also aligned by its direction. */}
          <h1 id="entry-title" {...contentLang(ctx.lang, choice.lang)}>
            {text.title}
          </h1>
          {props.editHref ? (
            <p>
              <a href={props.editHref}>{t('edit')}</a>
            </p>
          ) : null}
        </header>
        <VersionNotices ctx={ctx} choice={choice} requested={!!props.version && props.version === choice.lang} mt={!!text.machine_translated} translatedFrom={text.translated_from} />
        <VersionLinks
          ctx={ctx}
          path={path}
          tags={Object.keys(law.texts)}
          current={choice.lang}
          original={law.original_lang}
          mt={Object.entries(law.texts).filter(([, v]) => v.machine_translated).map(([k]) => k)}
        />
        <div class="entry__layout">
          <div class="entry__body">
            <section aria-labelledby="extracts-heading">
              <h2 id="extracts-heading">
                {t('law_extracts')} <span class="count">({formatNumber(ctx.lang, model.extracts.length)})</span>
              </h2>
              {model.extracts.length ? (
                <ol class="extract-list">
                  {model.extracts.map((e) => {
                    const title = pickText(e.titles, ctx.lang, { mt: e.mt_langs });
                    return (
                      <li>
                        {e.article_ref ? (
                          <span class="extract-list__ref" dir="auto">
                            {e.article_ref}
                          </span>
                        ) : null}
                        <a href={href(ctx, entryPath('legislation', e.id))}>
                          <Content page={ctx.lang} lang={title?.lang}>
                            {title?.text ?? e.id}
                          </Content>
                        </a>
                        {title?.mt ? (
                          <>
                            {' '}
                            <span class="badge badge--mt">{c('machine_translated')}</span>
                          </>
                        ) : null}
                      </li>
                    );
                  })}
                </ol>
              ) : (
                <p class="muted">{t('law_no_extracts')}</p>
              )}
            </section>
            {fullText ? (
              <section aria-labelledby="full-text-heading">
                <h2 id="full-text-heading">{t('law_full_text')}</h2>
                {fullText.lang !== choice.lang ? <p class="section-lang">{t('full_text_in', { language: languageName(ctx.lang, fullText.lang) })}</p> : null}
                <LegalText text={fullText.value} page={ctx.lang} lang={fullText.lang} />
              </section>
            ) : null}
          </div>
          <aside class="entry__aside" aria-labelledby="details-heading">
            <h2 id="details-heading">{t('meta_heading')}</h2>
            <dl class="meta">
              <MetaRow label={t('country')}>
                <CountryLink ctx={ctx} iso3={law.country} countries={model.names.countries} />
              </MetaRow>
              <MetaRow label={t('citation')}>{law.citation ? <span dir="auto">{law.citation}</span> : null}</MetaRow>
              <MetaRow label={t('adopted_on')}>{law.adopted_on ? formatDate(ctx.lang, law.adopted_on) : null}</MetaRow>
              <MetaRow label={t('amended_on')}>{law.amended_on ? formatDate(ctx.lang, law.amended_on) : null}</MetaRow>
              <MetaRow label={t('source')}>{law.source_url ? <ExternalLink href={law.source_url}>{hostOf(law.source_url)}</ExternalLink> : null}</MetaRow>
              <MetaRow label={t('original_language')}>{law.original_lang ? languageName(ctx.lang, law.original_lang) : null}</MetaRow>
              <MetaRow label={t('law_file')}>
                {a?.id ? (
                  <a href={attachmentHref(a.id, a.filename)} type={a.media_type} download={a.filename}>
                    <span dir="auto">{a.filename}</span> <span class="muted">({formatBytes(ctx.lang, a.byte_size ?? 0)})</span>
                  </a>
                ) : null}
              </MetaRow>
              <MetaRow label={t('identifier')}>
                <code>{law.id}</code>
              </MetaRow>
            </dl>
          </aside>
        </div>
        <CiteThis
          ctx={ctx}
          title={text.title}
          titleLang={choice.lang}
          database={c('nav_legislation')}
          url={`${props.publicUrl}/${ctx.lang}${path}`}
          apiPath={`/api/v1/laws/${encodeURIComponent(law.id)}`}
          today={props.today}
        />
      </article>
    </Layout>
  );
}
