/** Entry pages: /{lang}/legislation/{id}, /cases/{id}, /strategies/{id} (treaties: treaty.tsx). */
import type { ComponentChildren } from 'preact';
import { formatDate, translator } from '../../../platform/i18n/messages.js';
import { common } from '../../../platform/web/common.messages.js';
import { Layout } from '../../../platform/web/layout.js';
import { href, type PageContext } from '../../../platform/web/page.js';
import { ENTRY_PATH, entryPath, lawPath, type CaseDocument, type EntryDocument, type EntryText, type LegislationDocument, type StrategyDocument } from '../../knowledge/index.js';
import { chooseVersion, fieldWithFallback, pickText, type VersionChoice } from '../domain/versions.js';
import type { EntryModel } from '../service.js';
import { NumberedText } from '../components/numbered-text.js';
import { CiteThis, CountryLink, TagSection, VersionLinks, VersionNotices, portalT, typeLabel } from '../components/entry.js';
import { Breadcrumbs, Content, contentLang, ExternalLink, LegalText, MetaRow, hostOf, languageName } from '../components/ui.js';

export const SECTION_OF = { legislation: 'legislation', case: 'cases', treaty: 'treaties', strategy: 'strategies' } as const;
const NAV_KEY = { legislation: 'nav_legislation', case: 'nav_cases', treaty: 'nav_treaties', strategy: 'nav_strategies' } as const;

export interface EntryPageProps {
  ctx: PageContext;
  model: EntryModel;
  /** ?version= as given (validated against the versions held). */
  version?: string | undefined;
  publicUrl: string;
  today: string;
  /** Link to the editor, for readers allowed to edit. */
  editHref?: string | undefined;
}

/** The version of an entry to show and what the reader should be told about it. */
export function entryVersion(ctx: PageContext, doc: EntryDocument, version: string | undefined): { choice: VersionChoice; text: EntryText } {
  const choice = chooseVersion(doc.texts, ctx.lang, { requested: version, original: doc.original_lang })!;
  return { choice, text: doc.texts[choice.lang]! };
}

/** Header, notices and versions shared by every entry page; the body goes in children. */
export function EntryFrame(props: EntryPageProps & { meta: ComponentChildren; children: ComponentChildren; aside?: ComponentChildren; after?: ComponentChildren; demo?: boolean }) {
  const { ctx, model } = props;
  const { doc } = model;
  const t = portalT(ctx.lang);
  const c = translator(common, ctx.lang);
  const { choice, text } = entryVersion(ctx, doc, props.version);
  const path = entryPath(doc.type, doc.id);
  const vlang = choice.lang;
  const database = c(NAV_KEY[doc.type]);
  return (
    <Layout
      ctx={ctx}
      title={text.title}
      description={text.summary?.slice(0, 300)}
      demo={!!doc.demo || !!props.demo}
      canonical={path}
      section={SECTION_OF[doc.type]}
    >
      <Breadcrumbs
        label={t('breadcrumbs')}
        items={[
          { label: c('nav_home'), href: href(ctx, '/') },
          { label: database, href: href(ctx, `/${ENTRY_PATH[doc.type]}`) },
        ]}
      />
      <article class="entry" aria-labelledby="entry-title">
        <header class="entry__header">
          <p class="entry__kicker">
            <span class="badge badge--type">{typeLabel(ctx.lang, doc.type)}</span>
            {doc.demo ? <span class="badge badge--demo">{c('demo_badge')}</span> : null}
            {text.machine_translated ? <span class="badge badge--mt">{c('machine_translated')}</span> : null}
          </p>
          {/* lang and dir on the heading itself, so a title in another script is also aligned by its direction. */}
          <h1 id="entry-title" {...contentLang(ctx.lang, vlang)}>
            {text.title}
          </h1>
          {props.editHref ? (
            <p>
              <a href={props.editHref}>{t('edit')}</a>
            </p>
          ) : null}
        </header>
        <VersionNotices ctx={ctx} choice={choice} requested={!!props.version && props.version === vlang} mt={!!text.machine_translated} translatedFrom={text.translated_from} />
        <VersionLinks
          ctx={ctx}
          path={path}
          tags={Object.keys(doc.texts)}
          current={vlang}
          original={doc.original_lang}
          mt={Object.entries(doc.texts).filter(([, v]) => v.machine_translated).map(([k]) => k)}
        />
        <div class="entry__layout">
          <div class="entry__body">
            {props.children}
            <TagSection ctx={ctx} doc={doc} articles={model.articles} terms={model.names.terms} />
          </div>
          <aside class="entry__aside" aria-labelledby="details-heading">
            <h2 id="details-heading">{t('meta_heading')}</h2>
            <dl class="meta">
              {props.meta}
              <MetaRow label={t('original_language')}>{doc.original_lang ? languageName(ctx.lang, doc.original_lang) : null}</MetaRow>
              <MetaRow label={t('updated')}>{doc.updated_at ? formatDate(ctx.lang, doc.updated_at.slice(0, 10)) : null}</MetaRow>
              <MetaRow label={t('identifier')}>
                <code>{doc.id}</code>
              </MetaRow>
            </dl>
            {props.aside}
          </aside>
        </div>
        {props.after}
        <CiteThis
          ctx={ctx}
          title={text.title}
          titleLang={vlang === ctx.lang ? ctx.lang : vlang}
          database={database}
          url={`${props.publicUrl}/${ctx.lang}${path}`}
          apiPath={`/api/v1/${ENTRY_PATH[doc.type]}/${encodeURIComponent(doc.id)}`}
          today={props.today}
        />
      </article>
    </Layout>
  );
}

type TextField = 'summary' | 'body' | 'facts' | 'decision' | 'commentary';

/**
 * A titled block of text: the field of the version shown, or else of the best other version that
 * has it (marked with its language and a note). Nothing when no version has it.
 */
export function TextSection(props: { ctx: PageContext; doc: EntryDocument; shown: string; field: TextField; heading: string; numbered?: boolean }) {
  const { ctx, doc } = props;
  const found = fieldWithFallback(doc.texts, props.shown, ctx.lang, props.field, doc.original_lang);
  if (!found) return null;
  const id = `section-${props.field}`;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{props.heading}</h2>
      {found.lang !== props.shown ? <p class="section-lang">{portalT(ctx.lang)('notice_shown_in', { language: languageName(ctx.lang, found.lang) })}</p> : null}
      {props.numbered ? <NumberedText text={found.value} page={ctx.lang} lang={found.lang} /> : <LegalText text={found.value} page={ctx.lang} lang={found.lang} />}
    </section>
  );
}

export function LegislationPage(props: EntryPageProps) {
  const { ctx, model } = props;
  const doc = model.doc as LegislationDocument;
  const t = portalT(ctx.lang);
  const { choice } = entryVersion(ctx, doc, props.version);
  const law = model.law;
  const lawTitle = law ? pickText(law.titles, ctx.lang, { mt: law.mt_langs }) : undefined;
  return (
    <EntryFrame
      {...props}
      meta={
        <>
          <MetaRow label={t('country')}>
            <CountryLink ctx={ctx} iso3={doc.country} countries={model.names.countries} />
          </MetaRow>
          <MetaRow label={t('law')}>
            <a href={href(ctx, lawPath(doc.law_id))}>
              <Content page={ctx.lang} lang={lawTitle?.lang}>
                {lawTitle?.text ?? doc.law_id}
              </Content>
            </a>
          </MetaRow>
          <MetaRow label={t('citation')}>{law?.citation ? <span dir="auto">{law.citation}</span> : null}</MetaRow>
          <MetaRow label={t('provision')}>{doc.article_ref ? <span dir="auto">{doc.article_ref}</span> : null}</MetaRow>
          <MetaRow label={t('adopted_on')}>{law?.adopted_on ? formatDate(ctx.lang, law.adopted_on) : null}</MetaRow>
          <MetaRow label={t('amended_on')}>{law?.amended_on ? formatDate(ctx.lang, law.amended_on) : null}</MetaRow>
          <MetaRow label={t('source')}>{law?.source_url ? <ExternalLink href={law.source_url}>{hostOf(law.source_url)}</ExternalLink> : null}</MetaRow>
        </>
      }
    >
      <TextSection ctx={ctx} doc={doc} shown={choice.lang} field="summary" heading={t('section_summary')} />
      <TextSection ctx={ctx} doc={doc} shown={choice.lang} field="body" heading={t('section_provision_text')} />
      <TextSection ctx={ctx} doc={doc} shown={choice.lang} field="commentary" heading={t('section_commentary')} />
    </EntryFrame>
  );
}

export function CasePage(props: EntryPageProps) {
  const { ctx, model } = props;
  const doc = model.doc as CaseDocument;
  const t = portalT(ctx.lang);
  const { choice } = entryVersion(ctx, doc, props.version);
  const states = doc.cooperating_states ?? [];
  const sources = doc.sources ?? [];
  const parties = doc.parties ?? [];
  const judges = doc.judges ?? [];
  return (
    <EntryFrame
      {...props}
      meta={
        <>
          <MetaRow label={t('country')}>
            <CountryLink ctx={ctx} iso3={doc.country} countries={model.names.countries} />
          </MetaRow>
          <MetaRow label={t('court')}>{doc.court ? <span dir="auto">{doc.court}</span> : null}</MetaRow>
          <MetaRow label={t('case_number')}>{doc.case_number ? <span dir="auto">{doc.case_number}</span> : null}</MetaRow>
          <MetaRow label={t('neutral_citation')}>{doc.neutral_citation ? <span dir="auto">{doc.neutral_citation}</span> : null}</MetaRow>
          <MetaRow label={t('ecli')}>{doc.ecli ? <code>{doc.ecli}</code> : null}</MetaRow>
          <MetaRow label={t('decision_date')}>{doc.decision_date ? formatDate(ctx.lang, doc.decision_date) : null}</MetaRow>
          <MetaRow label={t('parties')}>
            {parties.length ? (
              <ul class="plain-list">
                {parties.map((p) => (
                  <li>
                    <span dir="auto">{p.name}</span>
                    {p.role ? (
                      <>
                        {' '}
                        (<span dir="auto">{p.role}</span>)
                      </>
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : null}
          </MetaRow>
          <MetaRow label={t('judges')}>
            {judges.length ? (
              <ul class="plain-list">
                {judges.map((j) => (
                  <li dir="auto">{j}</li>
                ))}
              </ul>
            ) : null}
          </MetaRow>
          <MetaRow label={t('untoc_basis')}>{doc.untoc_legal_basis === undefined ? null : doc.untoc_legal_basis ? t('yes') : t('no')}</MetaRow>
          <MetaRow label={t('cooperating_states')}>
            {states.length ? (
              <ul class="inline-list">
                {states.map((s) => (
                  <li>
                    <CountryLink ctx={ctx} iso3={s} countries={model.names.countries} />
                  </li>
                ))}
              </ul>
            ) : null}
          </MetaRow>
        </>
      }
      aside={
        sources.length ? (
          <section aria-labelledby="sources-heading">
            <h2 id="sources-heading">{t('sources')}</h2>
            <ul class="plain-list">
              {sources.map((s) => (
                <li dir="auto">{s.url ? <ExternalLink href={s.url}>{s.title}</ExternalLink> : s.title}</li>
              ))}
            </ul>
          </section>
        ) : null
      }
    >
      <TextSection ctx={ctx} doc={doc} shown={choice.lang} field="summary" heading={t('section_summary')} />
      <TextSection ctx={ctx} doc={doc} shown={choice.lang} field="facts" heading={t('section_facts')} />
      <TextSection ctx={ctx} doc={doc} shown={choice.lang} field="decision" heading={t('section_decision')} />
      <TextSection ctx={ctx} doc={doc} shown={choice.lang} field="commentary" heading={t('section_commentary')} />
      <TextSection ctx={ctx} doc={doc} shown={choice.lang} field="body" heading={t('section_text')} numbered />
    </EntryFrame>
  );
}

export function StrategyPage(props: EntryPageProps) {
  const { ctx, model } = props;
  const doc = model.doc as StrategyDocument;
  const t = portalT(ctx.lang);
  const { choice } = entryVersion(ctx, doc, props.version);
  const period = doc.period_start || doc.period_end ? t('period_years', { start: String(doc.period_start ?? '…'), end: String(doc.period_end ?? '…') }) : null;
  return (
    <EntryFrame
      {...props}
      meta={
        <>
          <MetaRow label={t('country')}>
            <CountryLink ctx={ctx} iso3={doc.country} countries={model.names.countries} />
          </MetaRow>
          <MetaRow label={t('period')}>{period}</MetaRow>
          <MetaRow label={t('adopted_by')}>{doc.adopted_by ? <span dir="auto">{doc.adopted_by}</span> : null}</MetaRow>
          {/* The stored date of a strategy defaults to 1 January of its first year: not shown as a date then. */}
          <MetaRow label={t('date')}>{doc.date && doc.date !== `${doc.period_start}-01-01` ? formatDate(ctx.lang, doc.date) : null}</MetaRow>
          <MetaRow label={t('source')}>{doc.source_url ? <ExternalLink href={doc.source_url}>{hostOf(doc.source_url)}</ExternalLink> : null}</MetaRow>
        </>
      }
    >
      <TextSection ctx={ctx} doc={doc} shown={choice.lang} field="summary" heading={t('section_summary')} />
      <TextSection ctx={ctx} doc={doc} shown={choice.lang} field="body" heading={t('section_text')} />
      <TextSection ctx={ctx} doc={doc} shown={choice.lang} field="commentary" heading={t('section_commentary')} />
    </EntryFrame>
  );
}
