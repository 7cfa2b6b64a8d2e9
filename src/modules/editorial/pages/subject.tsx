/** A subject in the editor: its parts and their status, its history, one revision, and the taxonomy terms. */
import { pickLocalized } from '../../../platform/i18n/languages.js';
import { Layout } from '../../../platform/web/layout.js';
import { href, type PageContext } from '../../../platform/web/page.js';
import { entryPath, lawPath } from '../../knowledge/index.js';
import type { Term } from '../../reference/index.js';
import { EventList, DiffTable, RevisionCard, TransitionForms, wfT, type HistoryItem } from '../../workflow/index.js';
import { META_PART, missingLanguages, type EditorialType } from '../domain/parts.js';
import type { RevisionView, SubjectView } from '../service.js';
import { Crumbs, edT, fieldLabel, languageName, partLabel, partSlug, subjectHref, type EdKey } from './ui.js';

export function subjectTitle(view: SubjectView, lang: string): string {
  if (view.type === 'taxonomy_term') return pickLocalized(view.meta.labels as Record<string, string>, lang as 'en')?.text ?? view.id;
  const titles = Object.fromEntries(view.parts.filter((p) => p.title).map((p) => [p.part, p.title!]));
  return pickLocalized(titles, lang as 'en')?.text ?? view.id;
}

function publicPath(view: SubjectView): string | undefined {
  if (!view.live || view.type === 'taxonomy_term') return undefined;
  return view.type === 'law' ? lawPath(view.id) : entryPath(view.recordType as 'case', view.id);
}

export function SubjectPage(props: { ctx: PageContext; view: SubjectView; done?: string | undefined }) {
  const { ctx, view } = props;
  const t = edT(ctx.lang);
  const w = wfT(ctx.lang);
  const title = subjectTitle(view, ctx.lang);
  const pub = publicPath(view);
  const langs = view.parts.filter((p) => p.part !== META_PART).map((p) => p.part);
  return (
    <Layout ctx={ctx} title={title}>
      <Crumbs ctx={ctx} items={[]} />
      <p class="entry__kicker">
        <span class="badge badge--type">{t(`type_${view.recordType}` as EdKey)}</span> <code>{view.id}</code>
      </p>
      <h1 dir="auto">{title}</h1>
      {props.done ? (
        <p class="notice" role="status">
          {props.done}
        </p>
      ) : null}
      <p>{pub ? <a href={href(ctx, pub)}>{t('public_page')}</a> : t('not_public')} · <a href={subjectHref(ctx, view.type, view.id, '/history')}>{w('history')}</a></p>
      <div class="table-wrap" role="region" aria-label={t('status')} tabIndex={0}>
        <table class="editor-parts">
          <thead>
            <tr>
              <th scope="col">{t('part')}</th>
              <th scope="col">{t('status')}</th>
              <th scope="col">{w('actions')}</th>
            </tr>
          </thead>
          <tbody>
            {view.parts.map((p) => {
              const revId = p.open?.id ?? p.live?.id;
              return (
                <tr>
                  <th scope="row">
                    {partLabel(ctx.lang, p.part)}
                    {p.title ? (
                      <>
                        <br />
                        <span dir="auto" lang={p.part === META_PART ? undefined : p.part}>
                          {p.title}
                        </span>
                      </>
                    ) : null}
                    {p.machineTranslated ? <span class="badge badge--mt">{w('mt_badge')}</span> : null}
                  </th>
                  <td>
                    {p.open ? <p>{t('open_change', { state: w(`state_${p.open.state}`), n: p.open.number })}</p> : <p>{t('no_change')}</p>}
                    {p.live ? <p>{t('live_revision', { n: p.live.number, state: w(`state_${p.live.state}`) })}</p> : null}
                    {revId ? <a href={subjectHref(ctx, view.type, view.id, `/revisions/${revId}`)}>{w('changes')}</a> : null}
                  </td>
                  <td>
                    {p.open?.state !== 'in_review' ? (
                      <p>
                        <a href={subjectHref(ctx, view.type, view.id, `/parts/${partSlug(p.part)}/edit`)}>{t('edit')}</a>
                      </p>
                    ) : null}
                    {revId ? <TransitionForms ctx={ctx} action={subjectHref(ctx, view.type, view.id, '/transition')} revisionId={revId} transitions={p.actions} machineTranslated={p.machineTranslated} /> : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {view.type !== 'taxonomy_term' ? (
        <ul class="inline-list">
          {missingLanguages(langs).map((l) => (
            <li>
              <a href={subjectHref(ctx, view.type, view.id, `/parts/${l}/edit`)}>{t('add_version', { language: languageName(ctx.lang, l) })}</a>
            </li>
          ))}
        </ul>
      ) : null}
    </Layout>
  );
}

export function HistoryPage(props: { ctx: PageContext; type: EditorialType; id: string; items: HistoryItem[] }) {
  const { ctx, type, id } = props;
  const t = edT(ctx.lang);
  return (
    <Layout ctx={ctx} title={t('history_title', { id })}>
      <Crumbs ctx={ctx} items={[{ label: id, href: subjectHref(ctx, type, id) }]} />
      <h1 dir="auto">{t('history_title', { id })}</h1>
      <ol class="dir-history">
        {props.items.map((item) => (
          <RevisionCard
            ctx={ctx}
            item={item}
            heading={<a href={subjectHref(ctx, type, id, `/revisions/${item.revision.id}`)}>{`${partLabel(ctx.lang, item.revision.part)} · ${wfT(ctx.lang)('revision', { n: item.revision.number })}`}</a>}
            transitionAction={subjectHref(ctx, type, id, '/transition')}
            revertAction={subjectHref(ctx, type, id, '/revert')}
            label={(path) => fieldLabel(ctx.lang, path)}
          />
        ))}
      </ol>
    </Layout>
  );
}

export function RevisionPage(props: { ctx: PageContext; type: EditorialType; id: string; view: RevisionView; others: { id: number; number: number }[] }) {
  const { ctx, type, id, view } = props;
  const t = edT(ctx.lang);
  const w = wfT(ctx.lang);
  const r = view.item.revision;
  const title = t('revision_title', { n: r.number, part: partLabel(ctx.lang, r.part), id });
  const mt = (r.document as { machine_translated?: unknown }).machine_translated === true;
  return (
    <Layout ctx={ctx} title={title}>
      <Crumbs ctx={ctx} items={[{ label: id, href: subjectHref(ctx, type, id) }]} />
      <h1 dir="auto">{title}</h1>
      <p>
        {w(`state_${r.state}` as 'state_draft')}
        {mt ? <span class="badge badge--mt">{w('mt_badge')}</span> : null} · <a href={subjectHref(ctx, type, id, '/history', { part: partSlug(r.part) })}>{t('all_history')}</a>
      </p>
      {r.note ? <p dir="auto">{r.note}</p> : null}
      <TransitionForms ctx={ctx} action={subjectHref(ctx, type, id, '/transition')} revisionId={r.id} transitions={view.item.actions} machineTranslated={mt} />
      <h2>{w('changes')}</h2>
      {view.against ? <p>{t('compared_with', { n: view.against.number })}</p> : null}
      <DiffTable ctx={ctx} changes={view.changes} label={(path) => fieldLabel(ctx.lang, path)} />
      {props.others.length ? (
        <form method="get" action={subjectHref(ctx, type, id, `/revisions/${r.id}`)} class="inline-form">
          <label for="compare">{t('compare_with')}</label>{' '}
          <select id="compare" name="compare">
            {props.others.map((o) => (
              <option value={String(o.id)} selected={view.against?.id === o.id}>
                {w('revision', { n: o.number })}
              </option>
            ))}
          </select>{' '}
          <button type="submit" class="secondary">
            {t('compare')}
          </button>
        </form>
      ) : null}
      <EventList ctx={ctx} events={view.item.events} />
    </Layout>
  );
}

export function TermsPage(props: { ctx: PageContext; terms: readonly Term[] }) {
  const { ctx } = props;
  const t = edT(ctx.lang);
  return (
    <Layout ctx={ctx} title={t('terms_title')}>
      <Crumbs ctx={ctx} items={[]} />
      <h1>{t('terms_title')}</h1>
      <ul class="results">
        {props.terms.map((term) => (
          <li class="result">
            <a href={subjectHref(ctx, 'taxonomy_term', `${term.taxonomy}:${term.code}`)} dir="auto">
              {pickLocalized(term.labels, ctx.lang)?.text ?? term.code}
            </a>{' '}
            <code>{`${term.taxonomy}:${term.code}`}</code>
          </li>
        ))}
      </ul>
    </Layout>
  );
}
