/**
 * The content of the digest, shared by the page (/{lang}/digest, inside the site's layout) and the
 * printed PDF (document/html.tsx): four tables of counts, each row with a bar drawn in SVG beside its
 * number (decorative, aria-hidden: the number in the table is the text equivalent), then every case
 * summarised under each of its types of cooperation, linked to its page. Works without JavaScript.
 */
import { formatDate, formatNumber } from '../../../platform/i18n/messages.js';
import type { Lang } from '../../../platform/i18n/languages.js';
import { languageName } from '../../directory/index.js';
import { GROUPINGS, UNSPECIFIED, type Digest, type DigestCase, type DigestGroup, type Grouping, type ShownText } from '../domain/digest.js';
import { dgT } from '../texts.js';

export const HEADING: Record<Grouping, 'by_cooperation' | 'by_region' | 'by_offence' | 'by_instrument'> = {
  cooperation: 'by_cooperation',
  region: 'by_region',
  offence: 'by_offence',
  instrument: 'by_instrument',
};
export const COLUMN: Record<Grouping, 'col_cooperation' | 'col_region' | 'col_offence' | 'col_instrument'> = {
  cooperation: 'col_cooperation',
  region: 'col_region',
  offence: 'col_offence',
  instrument: 'col_instrument',
};

/** The anchor of a type of cooperation's list of cases. */
export const groupAnchor = (g: DigestGroup) => `coop-${g.key === UNSPECIFIED ? 'unspecified' : g.key}`;

const BAR_WIDTH = 160;

function Bar(props: { value: number; max: number; rtl: boolean }) {
  const w = Math.max(props.value ? 2 : 0, Math.round((BAR_WIDTH * props.value) / Math.max(1, props.max)));
  return (
    <svg class="dg-bar" width={BAR_WIDTH} height="12" viewBox={`0 0 ${BAR_WIDTH} 12`} aria-hidden="true" focusable="false">
      <rect x={props.rtl ? BAR_WIDTH - w : 0} y="1" width={w} height="10" class="dg-bar__fill" />
    </svg>
  );
}

/** One grouping's counts: a table (the text equivalent) whose count cells carry a bar. */
export function CountsTable(props: { lang: Lang; grouping: Grouping; groups: DigestGroup[]; linkGroups?: boolean }) {
  const { lang, grouping, groups } = props;
  const t = dgT(lang);
  const max = Math.max(0, ...groups.map((g) => g.count));
  const id = `by-${grouping}`;
  return (
    <section class="dg-section" aria-labelledby={id}>
      <h2 id={id}>{t(HEADING[grouping])}</h2>
      {groups.length ? (
        <table class="dg-counts" aria-labelledby={id}>
          <thead>
            <tr>
              <th scope="col">{t(COLUMN[grouping])}</th>
              <th scope="col">{t('col_cases')}</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => (
              <tr>
                <th scope="row">{props.linkGroups ? <a href={`#${groupAnchor(g)}`}>{g.label}</a> : g.label}</th>
                <td class="dg-counts__n">
                  <span class="dg-counts__value">{formatNumber(lang, g.count)}</span> <Bar value={g.count} max={max} rtl={lang === 'ar'} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="muted">{t(grouping === 'instrument' ? 'no_instrument' : 'empty')}</p>
      )}
    </section>
  );
}

/** A text in the language it was written in: `lang` when it differs from the page; a note when it is a fallback. */
function Shown(props: { text: ShownText; page: Lang; as?: 'p' | 'span' }) {
  const attrs = props.text.lang !== props.page ? { lang: props.text.lang } : {};
  const Tag = props.as ?? 'span';
  return (
    <Tag dir="auto" {...attrs}>
      {props.text.text}
    </Tag>
  );
}

function Field(props: { label: string; value: string | undefined }) {
  return props.value ? (
    <>
      <dt>{props.label}</dt>
      <dd>
        <bdi>{props.value}</bdi>
      </dd>
    </>
  ) : null;
}

/** The language a case is shown in when it is not the reader's (its summary's, else its title's). */
export function fallbackOf(c: DigestCase): string | undefined {
  return c.summary?.fallback ? c.summary.lang : c.title.fallback ? c.title.lang : undefined;
}

/** One case: its title linked to its page, where and when it was decided, its tags and its summary. */
export function CaseSummary(props: { lang: Lang; c: DigestCase; href: string; level: 3 | 4 }) {
  const { lang, c } = props;
  const t = dgT(lang);
  const H = props.level === 3 ? 'h3' : 'h4';
  return (
    <article class="dg-case">
      <H class="dg-case__title">
        <a href={props.href}>
          <Shown text={c.title} page={lang} />
        </a>
      </H>
      <dl class="dg-case__facts">
        <Field label={t('field_state')} value={c.region ? t('state_region', { state: c.countryName, region: c.region }) : c.countryName} />
        <Field label={t('field_court')} value={c.court} />
        <Field label={t('field_number')} value={c.caseNumber} />
        <Field label={t('field_date')} value={c.decisionDate ? formatDate(lang, c.decisionDate) : undefined} />
        <Field label={t('field_cooperation')} value={c.cooperation.join(' · ') || undefined} />
        <Field label={t('field_offences')} value={c.offences.join(' · ') || undefined} />
        <Field label={t('field_instruments')} value={c.instruments.join(' · ') || undefined} />
        <Field label={t('field_cooperating')} value={c.cooperatingStates.join(' · ') || undefined} />
      </dl>
      {fallbackOf(c) ? <p class="dg-case__fallback muted">{t('fallback', { language: languageName(lang, fallbackOf(c)!) })}</p> : null}
      {c.summary ? <Shown text={c.summary} page={lang} as="p" /> : <p class="muted">{t('no_summary')}</p>}
    </article>
  );
}

/** The tables of counts and the cases under each type of cooperation. */
export function DigestBody(props: {
  lang: Lang;
  digest: Digest;
  caseHref: (id: string) => string;
  /** On the page: the newest cases of each type only, and a link to all of them. */
  perGroup?: { max: number; href: (g: DigestGroup) => string };
}) {
  const { lang, digest } = props;
  const t = dgT(lang);
  const byId = new Map(digest.cases.map((c) => [c.id, c]));
  return (
    <>
      <p class="dg-total">{t('total', { count: digest.total })}</p>
      {GROUPINGS.map((g) => (
        <CountsTable lang={lang} grouping={g} groups={digest.groups[g]} linkGroups={g === 'cooperation'} />
      ))}
      <p class="muted">{t('several_groups')}</p>
      <section class="dg-section" aria-labelledby="dg-cases">
        <h2 id="dg-cases">{t('cases_heading')}</h2>
        {digest.cases.length ? null : <p>{t('empty')}</p>}
        {digest.groups.cooperation.map((g) => (
          <section class="dg-group" aria-labelledby={groupAnchor(g)}>
            <h3 id={groupAnchor(g)}>
              {g.label} <span class="muted">({t('total', { count: g.count })})</span>
            </h3>
            {(props.perGroup ? g.caseIds.slice(0, props.perGroup.max) : g.caseIds).map((id) => {
              const c = byId.get(id);
              return c ? <CaseSummary lang={lang} c={c} href={props.caseHref(id)} level={4} /> : null;
            })}
            {props.perGroup && g.count > props.perGroup.max ? (
              <p class="dg-group__all">
                <a href={props.perGroup.href(g)}>{t('all_of_group', { count: g.count })}</a>
              </p>
            ) : null}
          </section>
        ))}
      </section>
    </>
  );
}
