/** The editor's dashboard: what needs attention, and links to create entries and edit taxonomy terms. */
import { formatDate, formatNumber } from '../../../platform/i18n/messages.js';
import { Layout } from '../../../platform/web/layout.js';
import { href, type PageContext } from '../../../platform/web/page.js';
import type { AttentionItem, NeedsAttention } from '../service.js';
import { edT, languageName, partLabel, subjectHref, type EdKey } from './ui.js';

const CREATE = ['legislation', 'case', 'treaty', 'strategy', 'law'] as const;

function List(props: { ctx: PageContext; id: string; heading: string; list: { total: number; items: AttentionItem[] }; meta: (i: AttentionItem) => string }) {
  const { ctx } = props;
  const t = edT(ctx.lang);
  return (
    <section aria-labelledby={props.id} class="editor-list">
      <h2 id={props.id}>
        {props.heading} <span class="badge">{t('count', { count: props.list.total })}</span>
      </h2>
      {props.list.items.length < props.list.total ? <p class="muted">{t('shown_of', { shown: formatNumber(ctx.lang, props.list.items.length) })}</p> : null}
      {props.list.items.length ? (
        <ul class="results">
          {props.list.items.map((i) => (
            <li class="result">
              <a href={i.revisionId ? subjectHref(ctx, i.type, i.id, `/revisions/${i.revisionId}`) : subjectHref(ctx, i.type, i.id)} dir="auto">
                {i.title}
              </a>
              <span class="result__meta">
                <code>{i.id}</code>
                {i.revisionId ? <span>{partLabel(ctx.lang, i.part)}</span> : null}
                <span>{props.meta(i)}</span>
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{t('empty')}</p>
      )}
    </section>
  );
}

export function DashboardPage(props: { ctx: PageContext; model: NeedsAttention }) {
  const { ctx, model } = props;
  const t = edT(ctx.lang);
  return (
    <Layout ctx={ctx} title={t('dashboard_title')}>
      <h1>{t('dashboard_title')}</h1>
      <p>{t('dashboard_intro')}</p>
      <nav aria-label={t('create')} class="editor-create">
        <h2>{t('create')}</h2>
        <ul class="inline-list">
          {CREATE.map((type) => (
            <li>
              <a href={href(ctx, `/editor/new/${type}`)}>{t(`type_${type}` as EdKey)}</a>
            </li>
          ))}
          <li>
            <a href={href(ctx, '/editor/terms')}>{t('terms_link')}</a>
          </li>
        </ul>
      </nav>
      <List ctx={ctx} id="in-review" heading={t('in_review')} list={model.inReview} meta={(i) => t('submitted_by', { name: i.author ?? '—', date: formatDate(ctx.lang, i.date, 'medium') })} />
      <List ctx={ctx} id="untranslated" heading={t('untranslated')} list={model.untranslated} meta={(i) => t('missing', { langs: (i.missing ?? []).map((l) => languageName(ctx.lang, l)).join(', ') })} />
      <List ctx={ctx} id="not-reviewed" heading={t('not_reviewed')} list={model.notReviewed} meta={(i) => t('last_reviewed', { date: formatDate(ctx.lang, i.date, 'medium') })} />
    </Layout>
  );
}
