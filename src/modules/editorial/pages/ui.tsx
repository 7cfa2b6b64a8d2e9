/** Building blocks of the editor pages: translations, paths, field labels and errors. */
import type { ComponentChildren } from 'preact';
import type { Lang } from '../../../platform/i18n/languages.js';
import { translator } from '../../../platform/i18n/messages.js';
import type { FieldIssue } from '../../../platform/http/errors.js';
import { href, type PageContext } from '../../../platform/web/page.js';
import { languageName } from '../../directory/index.js';
import { editorialMessages } from '../editorial.messages.js';
import { fieldOfIssue, issueKind } from '../domain/fields.js';
import { META_PART, SEGMENT, type EditorialType } from '../domain/parts.js';

export const edT = (lang: Lang) => translator(editorialMessages, lang);
export type EdKey = Parameters<ReturnType<typeof edT>>[0];

/** "*" is "general" in addresses. */
export const partSlug = (part: string) => (part === META_PART ? 'general' : part);
export const partOfSlug = (slug: string) => (slug === 'general' ? META_PART : slug);

export function subjectHref(ctx: PageContext, type: EditorialType, id: string, rest = '', query?: Record<string, string>): string {
  return href(ctx, `/editor/${SEGMENT[type]}/${encodeURIComponent(id)}${rest}`, query);
}

/** Label of a form field or document path in the reader's language ("labels.fr" → "Label in French"). */
export function fieldLabel(lang: Lang, field: string): string {
  const t = edT(lang);
  const m = /^(labels|descriptions)\.([a-z]{2})$/.exec(field);
  if (m) return t(m[1] === 'labels' ? 'f_label_in' : 'f_description_in', { language: languageName(lang, m[2]!) });
  const key = `f_${field.split('.')[0]}` as EdKey;
  const label = t(key);
  return label === key ? field : label;
}

export function partLabel(lang: Lang, part: string): string {
  return part === META_PART ? edT(lang)('general') : edT(lang)('version_in', { language: languageName(lang, part) });
}

/** Issues grouped by the form field they belong to. */
export function issuesByField(issues: readonly FieldIssue[]): Map<string, FieldIssue[]> {
  const m = new Map<string, FieldIssue[]>();
  for (const i of issues) {
    const f = fieldOfIssue(i.field);
    m.set(f, [...(m.get(f) ?? []), i]);
  }
  return m;
}

/** The problems of one field, in the reader's language (the technical detail kept, marked as English). */
export function FieldError(props: { ctx: PageContext; id: string; issues: FieldIssue[] | undefined }) {
  if (!props.issues?.length) return null;
  const t = edT(props.ctx.lang);
  return (
    <p class="field-error" id={`${props.id}-error`}>
      {props.issues.map((i) => (
        <span>
          {t(`err_${issueKind(i.message)}` as EdKey)}{' '}
          <span lang="en" dir="ltr" class="muted">
            ({i.field}: {i.message})
          </span>{' '}
        </span>
      ))}
    </p>
  );
}

/** The list of problems at the top of a form, each linking to its field. */
export function ErrorSummary(props: { ctx: PageContext; issues: readonly FieldIssue[] }) {
  if (!props.issues.length) return null;
  const t = edT(props.ctx.lang);
  return (
    <div class="error-summary" role="alert" tabIndex={-1}>
      <h2>{t('errors_title')}</h2>
      <ul>
        {[...issuesByField(props.issues)].map(([field, list]) => (
          <li>
            <a href={`#f-${field.replace(/\./g, '-')}`}>{fieldLabel(props.ctx.lang, field)}</a>: {t(`err_${issueKind(list[0]!.message)}` as EdKey)}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function Crumbs(props: { ctx: PageContext; items: { label: string; href: string }[]; children?: ComponentChildren }) {
  const t = edT(props.ctx.lang);
  return (
    <nav class="breadcrumbs" aria-label={t('editor')}>
      <ol>
        <li>
          <a href={href(props.ctx, '/editor')}>{t('editor')}</a>
        </li>
        {props.items.map((i) => (
          <li>
            <a href={i.href} dir="auto">
              {i.label}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}

export { languageName };
