/**
 * The curators' thesaurus pages (/{lang}/search/thesaurus): the groups of equivalent terms by
 * language, a form to add one, a page to edit or remove one. POST forms with the CSRF field;
 * usable without JavaScript.
 */
import { LANGS, NATIVE_NAMES } from '../../../platform/i18n/languages.js';
import { translator, type Translate } from '../../../platform/i18n/messages.js';
import { CsrfField, Layout } from '../../../platform/web/layout.js';
import { href, type PageContext } from '../../../platform/web/page.js';
import type { ThesaurusGroup } from '../domain/thesaurus.js';
import { thesaurusMessages } from '../thesaurus.messages.js';

type T = Translate<keyof (typeof thesaurusMessages)['en']>;

export interface FormIssue {
  field: string;
  message: string;
}

export interface GroupDraft {
  lang: string;
  terms: string;
  note: string;
}

function Errors({ t, issues }: { t: T; issues: readonly FormIssue[] }) {
  if (!issues.length) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title">{t('thesaurus_errors')}</h2>
      <ul>
        {issues.map((i) => (
          <li>
            <a href={`#f-${i.field}`}>{`${i.field}: ${i.message}`}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

function GroupForm({ ctx, t, action, draft, submit, issues }: { ctx: PageContext; t: T; action: string; draft: GroupDraft; submit: string; issues: readonly FormIssue[] }) {
  const invalid = (f: string) => (issues.some((i) => i.field === f) ? 'true' : undefined);
  return (
    <form method="post" action={action} class="thesaurus-form">
      <CsrfField ctx={ctx} />
      <p>
        <label for="f-lang">{t('thesaurus_lang')}</label>
        <select id="f-lang" name="lang" aria-invalid={invalid('lang')}>
          {LANGS.map((l) => (
            <option value={l} selected={draft.lang === l} lang={l}>
              {NATIVE_NAMES[l]}
            </option>
          ))}
        </select>
      </p>
      <p>
        <label for="f-terms">{t('thesaurus_terms')}</label>
        <textarea id="f-terms" name="terms" rows={5} dir="auto" required aria-describedby="f-terms-help" aria-invalid={invalid('terms')} maxLength={20 * 101}>
          {draft.terms}
        </textarea>
        <span id="f-terms-help" class="muted">
          {t('thesaurus_terms_help')}
        </span>
      </p>
      <p>
        <label for="f-note">{t('thesaurus_note')}</label>
        <input type="text" id="f-note" name="note" value={draft.note} maxLength={500} dir="auto" aria-invalid={invalid('note')} />
      </p>
      <button type="submit">{submit}</button>
    </form>
  );
}

export function ThesaurusPage({ ctx, groups, draft, issues, saved }: { ctx: PageContext; groups: readonly ThesaurusGroup[]; draft: GroupDraft; issues: readonly FormIssue[]; saved: boolean }) {
  const t = translator(thesaurusMessages, ctx.lang);
  return (
    <Layout ctx={ctx} title={t('thesaurus_title')} section="search">
      <h1>{t('thesaurus_title')}</h1>
      <p>{t('thesaurus_intro')}</p>
      {saved ? (
        <p class="notice notice--ok" role="status">
          {t('thesaurus_saved')}
        </p>
      ) : null}
      <section aria-labelledby="thesaurus-add">
        <h2 id="thesaurus-add">{t('thesaurus_add')}</h2>
        <Errors t={t} issues={issues} />
        <GroupForm ctx={ctx} t={t} action={href(ctx, '/search/thesaurus')} draft={draft} submit={t('thesaurus_add')} issues={issues} />
      </section>
      <div class="table-wrap">
        <table class="audit-table">
          <caption>{t('thesaurus_count', { count: groups.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('thesaurus_lang')}</th>
              <th scope="col">{t('thesaurus_terms')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('thesaurus_edit')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => (
              <tr>
                <td lang={g.lang}>{NATIVE_NAMES[g.lang]}</td>
                <td lang={g.lang} dir="auto">
                  {g.terms.join(' · ')}
                  {g.note ? (
                    <>
                      <br />
                      <span class="muted" dir="auto">
                        {g.note}
                      </span>
                    </>
                  ) : null}
                </td>
                <td>
                  <a href={href(ctx, `/search/thesaurus/${g.id}`)} aria-label={`${t('thesaurus_edit')}: ${g.terms.join(', ')}`}>
                    {t('thesaurus_edit')}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}

export function ThesaurusGroupPage({ ctx, id, draft, issues }: { ctx: PageContext; id: number; draft: GroupDraft; issues: readonly FormIssue[] }) {
  const t = translator(thesaurusMessages, ctx.lang);
  const heading = t('thesaurus_edit_heading', { id });
  return (
    <Layout ctx={ctx} title={heading} section="search">
      <p>
        <a href={href(ctx, '/search/thesaurus')}>{t('thesaurus_back')}</a>
      </p>
      <h1>{heading}</h1>
      <Errors t={t} issues={issues} />
      <GroupForm ctx={ctx} t={t} action={href(ctx, `/search/thesaurus/${id}`)} draft={draft} submit={t('thesaurus_save')} issues={issues} />
      <form method="post" action={href(ctx, `/search/thesaurus/${id}/remove`)} class="inline-form">
        <CsrfField ctx={ctx} />
        <button type="submit" class="button--danger">
          {t('thesaurus_remove')}
        </button>
      </form>
    </Layout>
  );
}
