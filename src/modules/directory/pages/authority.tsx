/** /{lang}/directory/authorities/{id}: one authority, as the reader may see it. */
import { formatDate } from '../../../platform/i18n/messages.js';
import { CsrfField, Layout } from '../../../platform/web/layout.js';
import { href, type PageContext } from '../../../platform/web/page.js';
import { FUNCTION_BASIS } from '../domain/functions.js';
import type { AuthorityDocument } from '../domain/schema.js';
import type { AuthorityDetail } from '../service.js';
import { RestrictedNote } from './list.js';
import { ArticleLink, AuthorityName, Badges, countryLabel, dirT, edT, fnLabel, HoursBlock, languageName, measureLabel, ML, nameText, Section, type PageRefs } from './ui.js';
import { TransitionForms } from './workflow-forms.js';
import { wfT } from '../../workflow/index.js';

import type { LawLink } from '../reader-service.js';

export type { LawLink };

export interface AuthorityPageProps {
  ctx: PageContext;
  a: AuthorityDetail;
  refs: PageRefs;
  laws: LawLink[];
  now: Date;
  restricted: boolean;
  /** Transitions the reader may apply to the open revision. */
  transitions: string[];
  done?: string | undefined;
}

function Phones(props: { list: NonNullable<AuthorityDocument['phones']> }) {
  return (
    <ul class="plain">
      {props.list.map((p) => (
        <li>
          <a href={`tel:${p.number.replace(/[^+0-9]/g, '')}`} dir="ltr">
            {p.number}
          </a>
          {p.label ? <span dir="auto"> ({p.label})</span> : null}
        </li>
      ))}
    </ul>
  );
}

export function AuthorityPage(props: AuthorityPageProps) {
  const { ctx, a, refs } = props;
  const doc = a.doc;
  const t = dirT(ctx.lang);
  const e = edT(ctx.lang);
  const title = nameText(doc.names, ctx.lang);
  const otherNames = Object.entries(doc.names).filter(([l]) => l !== ctx.lang);
  const can = (x: string) => a.actions.includes(x);
  return (
    <Layout ctx={ctx} title={title} canonical={`/directory/authorities/${doc.id}`} section="directory" demo={a.demo}>
      <nav class="breadcrumbs" aria-label={t('links_heading')}>
        <ol>
          <li>
            <a href={href(ctx, '/directory')}>{t('title')}</a>
          </li>
          <li>
            <a href={href(ctx, '/directory', { country: doc.country })}>{countryLabel(refs, doc.country, ctx.lang)}</a>
          </li>
        </ol>
      </nav>
      <h1>
        <AuthorityName ctx={ctx} names={doc.names} />
      </h1>
      <p class="result__meta">
        <a href={href(ctx, `/countries/${doc.country}`)}>{countryLabel(refs, doc.country, ctx.lang)}</a>
        <Badges ctx={ctx} demo={a.demo} stale={a.stale} archived={a.state === 'archived'} />
      </p>
      {otherNames.length ? (
        <ul class="dir-names">
          {otherNames.map(([l, n]) => (
            <li lang={l} dir="auto">
              {n}
            </li>
          ))}
        </ul>
      ) : null}
      {props.done ? (
        <p class="dir-done" role="status">
          {props.done}
        </p>
      ) : null}
      {!props.restricted ? <RestrictedNote ctx={ctx} /> : null}

      {a.actions.length ? (
        <section aria-labelledby="editor-heading" class="dir-editor-box">
          <h2 id="editor-heading">{e('workflow')}</h2>
          {a.workflow?.open ? <p>{a.workflow.open.state === 'draft' ? e('workflow_draft', { n: a.workflow.open.number }) : e('workflow_review', { n: a.workflow.open.number })}</p> : null}
          <ul class="dir-actions">
            {can('edit') ? (
              <li>
                <a class="button" href={href(ctx, `/directory/authorities/${doc.id}/edit`)}>
                  {e('propose_change')}
                </a>
              </li>
            ) : null}
            {can('history') ? (
              <li>
                <a href={href(ctx, `/directory/authorities/${doc.id}/history`)}>{wfT(ctx.lang)('history')}</a>
              </li>
            ) : null}
          </ul>
          {a.workflow?.open ? <TransitionForms ctx={ctx} id={doc.id} revisionId={a.workflow.open.id} transitions={props.transitions} /> : null}
          {can('verify') ? (
            <form method="post" action={href(ctx, `/directory/authorities/${doc.id}/verify`)} class="inline-form">
              <CsrfField ctx={ctx} />
              <button type="submit" class="secondary">
                {e('verify')}
              </button>
            </form>
          ) : null}
          {can('archive') || can('restore') ? (
            <form method="post" action={href(ctx, `/directory/authorities/${doc.id}/${can('archive') ? 'archive' : 'restore'}`)} class="dir-archive-form">
              <CsrfField ctx={ctx} />
              <label for="archive-comment">{can('archive') ? wfT(ctx.lang)('comment_required') : e('comment')}</label>
              <input type="text" id="archive-comment" name="comment" maxLength={4000} required={can('archive')} />
              <button type="submit" class="secondary">
                {can('archive') ? wfT(ctx.lang)('archive') : wfT(ctx.lang)('restore')}
              </button>
            </form>
          ) : null}
        </section>
      ) : null}

      <Section id="functions-heading" title={t('functions')}>
        <ul class="dir-designations">
          {doc.functions.map((f) => {
            const articles = f.articles?.length ? f.articles : FUNCTION_BASIS[f.code].articles;
            return (
              <li>
                <strong>{fnLabel(ctx.lang, f.code)}</strong>
                {articles.length ? (
                  <>
                    {' — '}
                    {t('designated_under')}{' '}
                    {articles.map((ref, i) => (
                      <>
                        {i ? ', ' : ''}
                        <ArticleLink ctx={ctx} refs={refs} ref_={ref} />
                      </>
                    ))}
                  </>
                ) : FUNCTION_BASIS[f.code].reference ? (
                  <span lang="en"> — {FUNCTION_BASIS[f.code].reference}</span>
                ) : null}
                {f.note ? (
                  <div>
                    <ML ctx={ctx} value={f.note} />
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
      </Section>

      {doc.address || doc.phones || doc.direct_lines || doc.emails || doc.website || doc.contacts ? (
        <Section id="contact-heading" title={t('contact')}>
          <dl class="meta">
            {doc.address ? (
              <>
                <dt>{t('address')}</dt>
                <dd class="legal-text" dir="auto">
                  {doc.address}
                </dd>
              </>
            ) : null}
            {doc.phones?.length ? (
              <>
                <dt>{t('phones')}</dt>
                <dd>
                  <Phones list={doc.phones} />
                </dd>
              </>
            ) : null}
            {doc.direct_lines?.length ? (
              <>
                <dt>{t('direct_lines')}</dt>
                <dd>
                  <Phones list={doc.direct_lines} />
                </dd>
              </>
            ) : null}
            {doc.emails?.length ? (
              <>
                <dt>{t('emails')}</dt>
                <dd>
                  <ul class="plain">
                    {doc.emails.map((m) => (
                      <li>
                        <a href={`mailto:${m.address}`} dir="ltr">
                          {m.address}
                        </a>
                        {m.label ? <span dir="auto"> ({m.label})</span> : null}
                      </li>
                    ))}
                  </ul>
                </dd>
              </>
            ) : null}
            {doc.website ? (
              <>
                <dt>{t('website')}</dt>
                <dd>
                  <a href={doc.website} rel="noopener noreferrer" dir="ltr">
                    {doc.website}
                  </a>
                </dd>
              </>
            ) : null}
          </dl>
          {doc.contacts?.length ? (
            <div class="table-wrap" role="region" aria-labelledby="contacts-caption" tabIndex={0}>
              <table>
                <caption id="contacts-caption">{t('contacts')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('contact_name')}</th>
                    <th scope="col">{t('contact_title')}</th>
                    <th scope="col">{t('contact_phone')}</th>
                    <th scope="col">{t('contact_email')}</th>
                    <th scope="col">{t('contact_languages')}</th>
                  </tr>
                </thead>
                <tbody>
                  {doc.contacts.map((c) => (
                    <tr>
                      <th scope="row" dir="auto">
                        {c.name}
                      </th>
                      <td dir="auto">{c.title ?? ''}</td>
                      <td dir="ltr">{c.phone ?? ''}</td>
                      <td>{c.email ? <a href={`mailto:${c.email}`}>{c.email}</a> : ''}</td>
                      <td>{(c.languages ?? []).map((l) => languageName(ctx.lang, l)).join(', ')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </Section>
      ) : null}

      {doc.hours ? (
        <Section id="hours-heading" title={t('hours')}>
          <HoursBlock ctx={ctx} hours={doc.hours} now={props.now} />
        </Section>
      ) : null}

      {doc.languages || doc.channels || doc.electronic_requests || doc.urgent_procedure || doc.untoc_extradition_basis ? (
        <Section id="sending-heading" title={t('sending')}>
          <dl class="meta">
            {doc.languages?.length ? (
              <>
                <dt>{t('languages')}</dt>
                <dd>{doc.languages.map((l) => languageName(ctx.lang, l)).join(', ')}</dd>
              </>
            ) : null}
            {doc.channels?.length ? (
              <>
                <dt>{t('channels')}</dt>
                <dd>{doc.channels.map((c) => t(`channel_${c}`)).join(', ')}</dd>
              </>
            ) : null}
            {doc.electronic_requests ? (
              <>
                <dt>{t('electronic')}</dt>
                <dd>{t(`electronic_${doc.electronic_requests}`)}</dd>
              </>
            ) : null}
            {doc.untoc_extradition_basis ? (
              <>
                <dt>{t('untoc_basis')}</dt>
                <dd>
                  {t(`basis_${doc.untoc_extradition_basis.value}`)}
                  {doc.untoc_extradition_basis.note ? (
                    <>
                      {' — '}
                      <ML ctx={ctx} value={doc.untoc_extradition_basis.note} />
                    </>
                  ) : null}
                </dd>
              </>
            ) : null}
          </dl>
          {doc.urgent_procedure ? (
            <>
              <h3>{t('urgent_procedure')}</h3>
              <ML ctx={ctx} value={doc.urgent_procedure} block />
            </>
          ) : null}
        </Section>
      ) : null}

      {doc.requirements?.length ? (
        <Section id="requirements-heading" title={t('requirements')}>
          <div class="table-wrap" role="region" aria-labelledby="requirements-heading" tabIndex={0}>
            <table>
              <caption class="visually-hidden">{t('requirements_caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('col_measure')}</th>
                  <th scope="col">{t('col_status')}</th>
                  <th scope="col">{t('col_conditions')}</th>
                </tr>
              </thead>
              <tbody>
                {doc.requirements.map((r) => (
                  <tr id={`measure-${r.measure}`}>
                    <th scope="row">{measureLabel(refs, r.measure, ctx.lang)}</th>
                    <td>{t(`status_${r.status}`)}</td>
                    <td>{r.conditions ? <ML ctx={ctx} value={r.conditions} block /> : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Section>
      ) : null}

      {doc.e_evidence && (doc.e_evidence.preservation || doc.e_evidence.disclosure) ? (
        <Section id="eevidence-heading" title={t('e_evidence')}>
          {doc.e_evidence.preservation ? (
            <>
              <h3>{t('preservation')}</h3>
              <ML ctx={ctx} value={doc.e_evidence.preservation} block />
            </>
          ) : null}
          {doc.e_evidence.disclosure ? (
            <>
              <h3>{t('disclosure')}</h3>
              <ML ctx={ctx} value={doc.e_evidence.disclosure} block />
            </>
          ) : null}
        </Section>
      ) : null}

      {props.laws.length ? (
        <Section id="laws-heading" title={t('laws')}>
          <ul>
            {props.laws.map((l) => (
              <li>
                <a href={href(ctx, l.path)} dir="auto" {...(l.lang && l.lang !== ctx.lang ? { lang: l.lang } : {})}>
                  {l.title}
                </a>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}

      {doc.notes ? (
        <Section id="notes-heading" title={t('notes')}>
          <ML ctx={ctx} value={doc.notes} block />
        </Section>
      ) : null}

      <dl class="meta dir-verified">
        <dt>{t('verified')}</dt>
        <dd>
          {doc.verified
            ? doc.verified.by
              ? t('verified_by', { date: formatDate(ctx.lang, doc.verified.on), name: doc.verified.by })
              : formatDate(ctx.lang, doc.verified.on)
            : t('never_verified')}
        </dd>
      </dl>
    </Layout>
  );
}
