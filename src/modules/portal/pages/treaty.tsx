/** The treaty page, which is also the treaty status page: metadata, articles, and each State's participation. */
import { formatDate, formatNumber, translator } from '../../../platform/i18n/messages.js';
import { INTL_LOCALE, type Lang } from '../../../platform/i18n/languages.js';
import { common } from '../../../platform/web/common.messages.js';
import { href, type PageContext } from '../../../platform/web/page.js';
import { articleTitleFor, countryName, instrumentAuthenticLanguages, instrumentMetadataValue, instrumentShortName, translatedInstrumentTitle, type LabelText } from '../../reference/index.js';
import { DepositaryNote, EntryIntoForceCell } from '../../legalbasis/index.js';
import { entryPath, type TreatyDocument, type TreatyParty, type TreatySummary } from '../../knowledge/index.js';
import { partyCounts, sortParties, type PartySort } from '../domain/parties.js';
import { orderedTags as orderedLangs, pickText } from '../domain/versions.js';
import { treatyMessages } from '../treaty.messages.js';
import { CountryLink, countryHref, portalT } from '../components/entry.js';
import { Content, ExternalLink, LegalText, MetaRow, hostOf, languageName } from '../components/ui.js';
import { EntryFrame, TextSection, entryVersion, type EntryPageProps } from './entry.js';

export function treatyT(lang: Lang) {
  return translator(treatyMessages, lang);
}

const CONSENT_KEYS = {
  ratification: 'consent_ratification',
  accession: 'consent_accession',
  acceptance: 'consent_acceptance',
  approval: 'consent_approval',
  succession: 'consent_succession',
  definitive_signature: 'consent_definitive_signature',
} as const;

export function consentLabel(lang: Lang, kind: keyof typeof CONSENT_KEYS): string {
  return treatyT(lang)(CONSENT_KEYS[kind]);
}

const KIND_KEYS = { universal: 'kind_universal', regional: 'kind_regional', bilateral: 'kind_bilateral' } as const;

export function articlePath(treatyId: string, number: string): string {
  return `/instruments/${encodeURIComponent(treatyId)}/articles/${encodeURIComponent(number)}`;
}

/** "Arabic, Chinese, English, French, Spanish and Russian" in the reader's language and list style. */
function languageList(lang: Lang, tags: readonly string[]): string {
  return new Intl.ListFormat(INTL_LOCALE[lang], { type: 'conjunction' }).format(tags.map((t) => languageName(lang, t)));
}

/** A metadata value of a treaty: in the reader's language for the shipped instruments, else as held (its language unknown). */
function MetaValue(props: { ctx: PageContext; treatyId: string; value: string | null | undefined; shipped: boolean }) {
  if (!props.value) return null;
  const translated = props.shipped ? instrumentMetadataValue(props.value, props.ctx.lang) : undefined;
  if (translated) return <span>{translated}</span>;
  return props.shipped ? (
    <Content page={props.ctx.lang} lang="en">
      {props.value}
    </Content>
  ) : (
    <span dir="auto">{props.value}</span>
  );
}

/** Short name: Palermo's short form in the reader's language for the shipped instruments, else as held. */
export function ShortName(props: { ctx: PageContext; treatyId: string; value: string | null | undefined }) {
  const local = instrumentShortName(props.treatyId, props.ctx.lang);
  if (local) return <span>{local}</span>;
  return props.value ? <span dir="auto">{props.value}</span> : null;
}

/** A title that Palermo translated carries a visible badge; authentic ones (in any language) carry their lang. */
export function LabelTextView(props: { ctx: PageContext; label: LabelText }) {
  return (
    <>
      <Content page={props.ctx.lang} lang={props.label.lang}>
        {props.label.text}
      </Content>
      {props.label.translated ? (
        <>
          {' '}
          <span class="badge badge--translation">{treatyT(props.ctx.lang)('translation_badge')}</span>
        </>
      ) : null}
    </>
  );
}

function TreatyLink(props: { ctx: PageContext; treaty: TreatySummary }) {
  const title = pickText(props.treaty.titles, props.ctx.lang);
  return (
    <a href={href(props.ctx, entryPath('treaty', props.treaty.id))}>
      <Content page={props.ctx.lang} lang={title?.lang}>
        {title?.text ?? props.treaty.short_name ?? props.treaty.id}
      </Content>
    </a>
  );
}

export function TreatyPage(props: EntryPageProps & { sort: PartySort; statusAsOf?: string | undefined }) {
  const { ctx, model } = props;
  const doc = model.doc as TreatyDocument;
  const t = portalT(ctx.lang);
  const tt = treatyT(ctx.lang);
  const { choice, text } = entryVersion(ctx, doc, props.version);
  const provisions = doc.provisions ?? [];
  const parties = doc.parties ?? [];
  const authentic = instrumentAuthenticLanguages(doc.id);
  const shipped = !!authentic;
  const articleTitles = provisions.map((p) => articleTitleFor(doc.id, p.titles, ctx.lang));
  const translatedTitle = translatedInstrumentTitle(doc.id, ctx.lang);
  const anyTranslated = articleTitles.some((t) => t?.translated);
  const held = orderedLangs(new Set(provisions.flatMap((p) => Object.keys(p.texts ?? {}))));
  return (
    <EntryFrame
      {...props}
      demo={parties.some((p) => p.demo)}
      meta={
        <>
          <MetaRow label={tt('kind')}>{tt(KIND_KEYS[doc.kind])}</MetaRow>
          <MetaRow label={tt('translated_title')}>{translatedTitle ? <LabelTextView ctx={ctx} label={translatedTitle} /> : null}</MetaRow>
          <MetaRow label={tt('short_name')}>{doc.short_name ? <ShortName ctx={ctx} treatyId={doc.id} value={doc.short_name} /> : null}</MetaRow>
          <MetaRow label={t('country')}>{doc.country ? <CountryLink ctx={ctx} iso3={doc.country} countries={model.names.countries} /> : null}</MetaRow>
          <MetaRow label={tt('organization')}>{doc.organization ? <MetaValue ctx={ctx} treatyId={doc.id} value={doc.organization} shipped={shipped} /> : null}</MetaRow>
          <MetaRow label={tt('adopted_on')}>{doc.adopted_on ? formatDate(ctx.lang, doc.adopted_on) : null}</MetaRow>
          <MetaRow label={tt('adopted_at')}>{doc.adopted_at ? <MetaValue ctx={ctx} treatyId={doc.id} value={doc.adopted_at} shipped={shipped} /> : null}</MetaRow>
          <MetaRow label={tt('entry_into_force')}>{doc.entry_into_force_on ? formatDate(ctx.lang, doc.entry_into_force_on) : null}</MetaRow>
          <MetaRow label={tt('depositary')}>{doc.depositary ? <MetaValue ctx={ctx} treatyId={doc.id} value={doc.depositary} shipped={shipped} /> : null}</MetaRow>
          <MetaRow label={tt('authentic_languages')}>{authentic ? languageList(ctx.lang, authentic) : null}</MetaRow>
          <MetaRow label={tt('authentic_loaded')}>{authentic && held.length ? languageList(ctx.lang, held) : null}</MetaRow>
          <MetaRow label={tt('parent')}>{model.parent ? <TreatyLink ctx={ctx} treaty={model.parent} /> : null}</MetaRow>
          <MetaRow label={tt('protocols')}>
            {model.children.length ? (
              <ul class="plain-list">
                {model.children.map((c) => (
                  <li>
                    <TreatyLink ctx={ctx} treaty={c} />
                  </li>
                ))}
              </ul>
            ) : null}
          </MetaRow>
          <MetaRow label={t('source')}>{doc.source_url ? <ExternalLink href={doc.source_url}>{hostOf(doc.source_url)}</ExternalLink> : null}</MetaRow>
        </>
      }
      after={
        <>
          <PartiesTable ctx={ctx} parties={parties} sort={props.sort} version={props.version} path={entryPath('treaty', doc.id)} treatyTitle={text.title} countries={model.names.countries} />
          {props.statusAsOf && parties.length ? <DepositaryNote lang={ctx.lang} asOf={[props.statusAsOf]} /> : null}
        </>
      }
    >
      <TextSection ctx={ctx} doc={doc} shown={choice.lang} field="summary" heading={t('section_summary')} />
      <TextSection ctx={ctx} doc={doc} shown={choice.lang} field="body" heading={t('section_description')} />
      {provisions.length ? (
        <section aria-labelledby="articles-heading">
          <h2 id="articles-heading">
            {tt('articles_heading')} <span class="count">({formatNumber(ctx.lang, provisions.length)})</span>
          </h2>
          {anyTranslated ? (
            <p class="notice notice--translation" role="note">
              {tt('titles_translated', { language: languageName(ctx.lang, ctx.lang) })}
              {ctx.viewer?.editor ? (
                <>
                  {' '}
                  <a href={href(ctx, '/instrument-texts', { instrument: doc.id, lang: ctx.lang })}>{tt('load_authentic_text')}</a>
                </>
              ) : null}
            </p>
          ) : null}
          <ol class="article-list">
            {provisions.map((p, i) => {
              const title = articleTitles[i];
              return (
                <li>
                  <a href={href(ctx, articlePath(doc.id, p.number))}>
                    <span class="article-list__number">{tt('article_number', { number: p.number })}</span>
                    {title ? (
                      <Content page={ctx.lang} lang={title.lang}>
                        {title.text}
                      </Content>
                    ) : null}
                  </a>
                </li>
              );
            })}
          </ol>
        </section>
      ) : null}
    </EntryFrame>
  );
}

function PartyNotes(props: { ctx: PageContext; party: TreatyParty }) {
  const tt = treatyT(props.ctx.lang);
  const p = props.party;
  const parts = [
    ['reservations', p.reservations],
    ['declarations', p.declarations],
    ['notes', p.notes],
  ] as const;
  return (
    <>
      {parts.map(([key, value]) =>
        value ? (
          <details class="party-note">
            <summary>{tt(key)}</summary>
            <LegalText text={value} page={props.ctx.lang} />
          </details>
        ) : null,
      )}
    </>
  );
}

/** Status of signatures, ratifications, accessions: sortable server-side (?sort=country|consent). */
export function PartiesTable(props: { ctx: PageContext; parties: readonly TreatyParty[]; sort: PartySort; version?: string | undefined; path: string; treatyTitle: string; countries: Parameters<typeof countryName>[0] }) {
  const { ctx } = props;
  const tt = treatyT(ctx.lang);
  const c = translator(common, ctx.lang);
  const names = new Map(props.parties.map((p) => [p.country, countryName(props.countries, p.country, ctx.lang)]));
  const rows = sortParties(props.parties, (iso3) => names.get(iso3) ?? iso3, ctx.lang, props.sort);
  const counts = partyCounts(props.parties);
  const sortLink = (sort: PartySort, label: string) =>
    props.sort === sort ? (
      <span class="sort-current" aria-current="true">
        {label}
      </span>
    ) : (
      <a href={`${href(ctx, props.path, { version: props.version, sort: sort === 'country' ? undefined : sort })}#status-heading`}>{label}</a>
    );
  return (
    <section class="status" aria-labelledby="status-heading">
      <h2 id="status-heading">{tt('status_heading')}</h2>
      {rows.length ? (
        <>
          <p class="status__counts">
            <span>{tt('count_signatories', { count: counts.signatories })}</span>
            <span>{tt('count_parties', { count: counts.parties })}</span>
          </p>
          <p class="sort-links">
            {tt('sort_label')} {sortLink('country', tt('sort_country'))} · {sortLink('consent', tt('sort_consent'))}
          </p>
          <div class="table-wrap" role="region" aria-labelledby="status-heading" tabIndex={0}>
            <table class="parties">
              <caption class="visually-hidden">{tt('table_caption', { treaty: props.treatyTitle })}</caption>
              <thead>
                <tr>
                  <th scope="col" aria-sort={props.sort === 'country' ? 'ascending' : undefined}>
                    {tt('col_state')}
                  </th>
                  <th scope="col">{tt('col_signature')}</th>
                  <th scope="col" aria-sort={props.sort === 'consent' ? 'ascending' : undefined}>
                    {tt('col_consent')}
                  </th>
                  <th scope="col">{tt('col_entry_into_force')}</th>
                  <th scope="col">{tt('col_notes')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((p) => (
                  <tr>
                    <th scope="row">
                      <a href={countryHref(ctx, p.country)}>{names.get(p.country)}</a>
                      {p.demo ? (
                        <>
                          {' '}
                          <span class="badge badge--demo">{c('demo_badge')}</span>
                        </>
                      ) : null}
                    </th>
                    <td>{p.signed_on ? formatDate(ctx.lang, p.signed_on, 'medium') : ''}</td>
                    <td>
                      {p.consent_kind ? (
                        <>
                          <span class="consent-kind">{consentLabel(ctx.lang, p.consent_kind)}</span>{' '}
                          {p.consent_on ? <span class="nowrap">{formatDate(ctx.lang, p.consent_on, 'medium')}</span> : null}
                        </>
                      ) : (
                        ''
                      )}
                    </td>
                    <td>
                      <EntryIntoForceCell lang={ctx.lang} party={p} />
                    </td>
                    <td>
                      <PartyNotes ctx={ctx} party={p} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : (
        <p class="muted">{tt('no_parties')}</p>
      )}
    </section>
  );
}
