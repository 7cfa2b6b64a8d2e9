/**
 * The finder's answer as HTML: instruments binding both States with each State's status, the order
 * in which they apply, declarations and reservations, and the requested State's directory entry.
 * Shared by /{lang}/legal-basis and the directory's "which authority" answer (compact).
 */
import type { Lang } from '../../../platform/i18n/languages.js';
import { pickLocalized } from '../../../platform/i18n/languages.js';
import { formatDate, translator } from '../../../platform/i18n/messages.js';
import { href, type PageContext } from '../../../platform/web/page.js';
import { entryPath } from '../../knowledge/index.js';
import { languageName } from '../../directory/index.js';
import { countryName, instrumentShortName, type Country } from '../../reference/index.js';
import type { InstrumentResult, LegalBasis, PartyStatus, Step } from '../domain/finder.js';
import { legalbasisMessages, type LegalbasisMessageKey } from '../legalbasis.messages.js';

export const lbT = (lang: Lang) => translator(legalbasisMessages, lang);

/** "Status as published by the depositary, as of 2014." (once per distinct date). */
export function DepositaryNote(props: { lang: Lang; asOf: readonly string[] }) {
  if (!props.asOf.length) return null;
  const t = lbT(props.lang);
  return (
    <p class="note depositary-note">
      {props.asOf.map((d) => t('depositary_note', { date: /^\d{4}-\d{2}-\d{2}$/.test(d) ? formatDate(props.lang, d, 'long') : d })).join(' ')}
    </p>
  );
}

/**
 * The "entry into force" cell of a State's status row (treaty and country pages): the date, marked
 * when it is after `today` (a party, not yet bound in practice); for a succession without a date,
 * that the depositary's table gives none.
 */
export function EntryIntoForceCell(props: { lang: Lang; party: { consent_kind?: string | null | undefined; entry_into_force_on?: string | null | undefined }; today?: string }) {
  const t = lbT(props.lang);
  const { party } = props;
  const today = props.today ?? new Date().toISOString().slice(0, 10);
  if (!party.entry_into_force_on) return party.consent_kind === 'succession' ? <span class="muted">{t('in_force_unknown')}</span> : null;
  return (
    <>
      <span class="nowrap">{formatDate(props.lang, party.entry_into_force_on, 'medium')}</span>
      {party.entry_into_force_on > today ? <strong class="not-yet-in-force"> ({t('not_yet_in_force_on', { on: formatDate(props.lang, today, 'medium') })})</strong> : null}
    </>
  );
}

/** A shipped instrument's short name in the reader's language (Palermo's short forms), else the record's short name or title. */
function instrumentName(i: InstrumentResult, lang: Lang): { text: string; lang?: string | undefined } {
  const shipped = instrumentShortName(i.id, lang);
  if (shipped) return { text: shipped };
  const title = pickLocalized(i.titles, lang);
  return i.short_name ? { text: i.short_name } : { text: title?.text ?? i.id, lang: title?.lang };
}

/** In force for the State since, from (not yet on the day asked), or no date known. */
function InForceText(props: { lang: Lang; p: PartyStatus; on: string | null }) {
  const t = lbT(props.lang);
  const { p, on } = props;
  const date = p.entry_into_force_on ? formatDate(props.lang, p.entry_into_force_on, 'medium') : '';
  if (p.in_force === 'in_force') return <span class="in-force"> — {t('in_force_since', { date })}</span>;
  if (p.in_force === 'not_yet_in_force' && on) return <strong class="not-yet-in-force"> — {t('in_force_from', { date, on: formatDate(props.lang, on, 'medium') })}</strong>;
  if (p.in_force === 'date_unknown') return <span class="muted"> — {t('in_force_unknown')}</span>;
  return null;
}

function StatusText(props: { lang: Lang; p: PartyStatus | null; on: string | null }) {
  const t = lbT(props.lang);
  const p = props.p;
  if (!p || (!p.consent_on && !p.signed_on)) return <>{t('not_party')}</>;
  if (p.consent_on && p.consent_kind)
    return (
      <>
        {t(`consent_${p.consent_kind}` as LegalbasisMessageKey, { date: formatDate(props.lang, p.consent_on, 'medium') })}
        <InForceText lang={props.lang} p={p} on={props.on} />
      </>
    );
  return <>{t('signed_only', { date: formatDate(props.lang, p.signed_on!, 'medium') })}</>;
}

function InstrumentTable(props: { ctx: PageContext; rows: InstrumentResult[]; from: string; to: string; on: string | null; countries: readonly Country[]; label: string }) {
  const { ctx } = props;
  const t = lbT(ctx.lang);
  return (
    // Scrolls sideways on narrow screens (the dates do not wrap); focusable so that keyboard users can scroll it.
    <div class="table-wrap" role="region" aria-label={props.label} tabIndex={0}>
      <table class="legal-basis-table">
        <thead>
          <tr>
            <th scope="col">{t('col_instrument')}</th>
            <th scope="col">{t('col_articles')}</th>
            <th scope="col">{countryName(props.countries, props.from, ctx.lang)}</th>
            <th scope="col">{countryName(props.countries, props.to, ctx.lang)}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((i) => {
            const name = instrumentName(i, ctx.lang);
            return (
              <tr>
                <th scope="row">
                  <a href={href(ctx, entryPath('treaty', i.id))} lang={name.lang} dir="auto">
                    {name.text}
                  </a>
                </th>
                <td>{i.articles.length ? t('articles_list', { list: i.articles.join(', ') }) : '—'}</td>
                <td>
                  <StatusText lang={ctx.lang} p={i.from} on={props.on} />
                </td>
                <td>
                  <StatusText lang={ctx.lang} p={i.to} on={props.on} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function stepText(lang: Lang, step: Step, names: (id: string) => string, state: (iso3: string) => string, on: string | null): string {
  const t = lbT(lang);
  switch (step.code) {
    case 'not_yet_in_force':
      return t('step_not_yet_in_force', { on: on ? formatDate(lang, on, 'medium') : '', instrument: names(step.instrument), state: state(step.state), date: formatDate(lang, step.from_on, 'medium') });
    case 'treaty_first':
      return t('step_treaty_first', { list: step.instruments.map(names).join(', ') });
    case 'untoc_extradition_basis':
      return t(`step_extradition_${step.accepted}`);
    case 'untoc_provides':
    case 'uncac_provides':
      return t(`step_${step.code}`, { list: step.articles.join(', ') });
    default:
      return t(`step_${step.code}`);
  }
}

/** The whole answer; `compact` leaves out the instruments not binding both and the directory part (the directory lookup shows its own). */
export function LegalBasisAnswer(props: { ctx: PageContext; basis: LegalBasis; countries: readonly Country[]; compact?: boolean }) {
  const { ctx, basis } = props;
  const t = lbT(ctx.lang);
  const all = [...basis.binding, ...basis.not_binding];
  const names = (id: string) => {
    const i = all.find((x) => x.id === id);
    return i ? instrumentName(i, ctx.lang).text : id;
  };
  const state = (iso3: string) => countryName(props.countries, iso3, ctx.lang);
  const demo = all.some((i) => i.demo);
  const d = basis.directory;
  return (
    <div class="legal-basis-answer">
      {demo ? <p class="note note--demo">{t('demo_note')}</p> : null}
      <h3>{t('order_heading')}</h3>
      <ol class="legal-basis-steps">
        {basis.steps.map((s) => (
          <li>{stepText(ctx.lang, s, names, state, basis.on)}</li>
        ))}
      </ol>
      <h3>{t('binding_heading')}</h3>
      {basis.binding.length ? <InstrumentTable ctx={ctx} rows={basis.binding} from={basis.from} to={basis.to} on={basis.on} countries={props.countries} label={t('binding_heading')} /> : <p>{t('step_nothing_binds')}</p>}
      {!props.compact && basis.not_binding.length ? (
        <>
          <h3>{t('not_binding_heading')}</h3>
          <InstrumentTable ctx={ctx} rows={basis.not_binding} from={basis.from} to={basis.to} on={basis.on} countries={props.countries} label={t('not_binding_heading')} />
        </>
      ) : null}
      <DepositaryNote lang={ctx.lang} asOf={basis.as_of} />
      {basis.on ? <p class="note entry-into-force-note">{t('entry_into_force_note', { on: formatDate(ctx.lang, basis.on, 'long') })}</p> : null}
      <h3>{t('statements_heading')}</h3>
      {basis.statements.length ? (
        <ul class="legal-basis-statements">
          {basis.statements.map((s) => (
            <li>
              <strong>{t(s.type === 'declaration' ? 'statement_declaration' : 'statement_reservation', { state: state(s.state), instrument: names(s.instrument) })}</strong>
              {s.mentions.length ? <span class="muted"> — {t('mentions', { list: s.mentions.join(', ') })}</span> : null}
              <p dir="auto">{s.text}</p>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('no_statements')}</p>
      )}
      {props.compact ? null : (
        <>
          <h3>{t('directory_heading')}</h3>
          <dl class="meta">
            <dt>{t('basis_label')}</dt>
            <dd>
              {t(`basis_${d.untocExtraditionBasis}`)}
              {d.untocExtraditionNote && pickLocalized(d.untocExtraditionNote, ctx.lang) ? <span dir="auto"> — {pickLocalized(d.untocExtraditionNote, ctx.lang)!.text}</span> : null}
            </dd>
          </dl>
          {d.authorities.length ? (
            d.authorities.map((a) => {
              const name = pickLocalized(a.names, ctx.lang);
              const cond = a.requirement?.conditions ? pickLocalized(a.requirement.conditions, ctx.lang) : undefined;
              return (
                <article class="card">
                  <h4>
                    <a href={href(ctx, `/directory/authorities/${a.id}`)} lang={name?.lang} dir="auto">
                      {name?.text ?? a.id}
                    </a>
                  </h4>
                  <dl class="meta">
                    {a.languages.length ? (
                      <>
                        <dt>{t('languages')}</dt>
                        <dd>{a.languages.map((l) => languageName(ctx.lang, l)).join(', ')}</dd>
                      </>
                    ) : null}
                    {a.channels.length ? (
                      <>
                        <dt>{t('channels')}</dt>
                        <dd>{a.channels.map((c) => t(`channel_${c}` as LegalbasisMessageKey)).join(', ')}</dd>
                      </>
                    ) : null}
                    {a.requirement ? (
                      <>
                        <dt>{t('requirement')}</dt>
                        <dd>
                          {t(`req_${a.requirement.status}` as LegalbasisMessageKey)}
                          {cond ? <span dir="auto"> — {cond.text}</span> : null}
                        </dd>
                      </>
                    ) : null}
                  </dl>
                </article>
              );
            })
          ) : (
            <p>{t('directory_none')}</p>
          )}
        </>
      )}
    </div>
  );
}

/** Link to the finder with this State as the requesting State (country pages). */
export function LegalBasisLink(props: { ctx: PageContext; from: string }) {
  return (
    <p class="legal-basis-link">
      <a href={href(props.ctx, '/legal-basis', { from: props.from })}>{lbT(props.ctx.lang)('country_link')}</a>
    </p>
  );
}
