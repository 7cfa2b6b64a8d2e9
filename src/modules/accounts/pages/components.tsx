/** Form building blocks shared by the account and administration pages. */
import { h, type ComponentChildren } from 'preact';
import type { FastifyReply } from 'fastify';
import { AppError, ValidationError } from '../../../platform/http/errors.js';
import { translator, type Translate } from '../../../platform/i18n/messages.js';
import { CsrfField, Layout } from '../../../platform/web/layout.js';
import { sendPage, type PageContext } from '../../../platform/web/page.js';
import { accountMessages } from '../accounts.messages.js';
import { AccountValidationError, type IssueCode } from '../validation.js';

export type AT = Translate<keyof (typeof accountMessages)['en']>;

export function tr(ctx: PageContext): AT {
  return translator(accountMessages, ctx.lang);
}

/** An issue as shown on a page: field (or "" for the whole form) and a translated message. */
export interface PageIssue {
  field: string;
  message: string;
}

const SHAPE_CODES = new Set<IssueCode>(['required', 'too_long', 'invalid', 'invalid_email']);

/**
 * Turn a service error into page issues and a status (400 for malformed input, 422 for refused
 * content, 409, 429...). Returns null for errors that are not about the form (they propagate).
 */
export function formError(t: AT, err: unknown): { issues: PageIssue[]; status: number } | null {
  if (err instanceof AccountValidationError) {
    const issues = err.coded.map((i) => ({ field: i.field, message: t(`issue_${i.code}`, { max: i.max ?? 0 }) }));
    return { issues, status: err.coded.some((i) => SHAPE_CODES.has(i.code)) ? 400 : 422 };
  }
  if (err instanceof ValidationError) return { issues: (err.issues ?? []).map((i) => ({ field: i.field, message: i.message })), status: 400 };
  if (err instanceof AppError) {
    const key = ({ 'sign-in-failed': 'error_sign_in_failed', 'too-many-attempts': 'error_too_many', 'email-not-verified': 'error_not_verified', conflict: 'error_conflict' } as const)[err.code];
    if (key) return { issues: [{ field: err.issues?.[0]?.field ?? '', message: t(key) }], status: err.status };
  }
  return null;
}

export function ErrorSummary({ t, issues, labels }: { t: AT; issues: PageIssue[]; labels: Record<string, string> }) {
  if (!issues.length) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title">{t('error_summary_title')}</h2>
      <ul>
        {issues.map((i) => (
          <li>{i.field && labels[i.field] ? <a href={`#f-${i.field}`}>{`${labels[i.field]}: ${i.message}`}</a> : i.message}</li>
        ))}
      </ul>
    </div>
  );
}

export interface FieldProps {
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password' | 'number';
  value?: string | undefined;
  issues?: PageIssue[];
  hint?: string;
  autocomplete?: string;
  required?: boolean;
  maxLength?: number;
  inputMode?: 'numeric' | 'text';
  dirAuto?: boolean;
}

export function Field(p: FieldProps) {
  const error = p.issues?.find((i) => i.field === p.name)?.message;
  const ids = [p.hint ? `f-${p.name}-hint` : null, error ? `f-${p.name}-error` : null].filter(Boolean).join(' ');
  return (
    <div class="form-row">
      <label for={`f-${p.name}`}>{p.label}</label>
      {p.hint ? (
        <span id={`f-${p.name}-hint`} class="muted">
          {p.hint}
        </span>
      ) : null}
      {error ? (
        <span id={`f-${p.name}-error`} class="field-error">
          {error}
        </span>
      ) : null}
      {h('input', {
        id: `f-${p.name}`,
        name: p.name,
        type: p.type ?? 'text',
        value: p.type === 'password' ? undefined : p.value,
        autocomplete: p.autocomplete,
        required: p.required ?? true,
        maxLength: p.maxLength,
        inputMode: p.inputMode,
        dir: p.dirAuto ? 'auto' : undefined,
        'aria-invalid': error ? 'true' : undefined,
        'aria-describedby': ids || undefined,
      })}
    </div>
  );
}

export function TextArea(p: { name: string; label: string; value?: string; issues?: PageIssue[]; required?: boolean; maxLength?: number }) {
  const error = p.issues?.find((i) => i.field === p.name)?.message;
  return (
    <div class="form-row">
      <label for={`f-${p.name}`}>{p.label}</label>
      {error ? (
        <span id={`f-${p.name}-error`} class="field-error">
          {error}
        </span>
      ) : null}
      <textarea id={`f-${p.name}`} name={p.name} rows={3} required={p.required} maxLength={p.maxLength} dir="auto" aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `f-${p.name}-error` : undefined}>
        {p.value ?? ''}
      </textarea>
    </div>
  );
}

export function PostForm({ ctx, action, children, class: cls }: { ctx: PageContext; action: string; children: ComponentChildren; class?: string }) {
  return (
    <form method="post" action={action} class={cls ?? 'account-form'} novalidate>
      <CsrfField ctx={ctx} />
      {children}
    </form>
  );
}

export function Notice({ children, kind = 'info' }: { children: ComponentChildren; kind?: 'info' | 'ok' | 'warn' }) {
  return (
    <div class={`notice notice--${kind}`} role="status">
      {children}
    </div>
  );
}

/** Render an account page in the standard frame. */
export function sendAccountPage(reply: FastifyReply, ctx: PageContext, title: string, body: ComponentChildren, status = 200, section = 'account') {
  return sendPage(
    reply,
    <Layout ctx={ctx} title={title} section={section}>
      <div class="account-page">{body}</div>
    </Layout>,
    status,
  );
}

/** The form body as an object (anything else becomes {}). */
export function bodyOf(request: { body?: unknown }): Record<string, unknown> {
  const b = request.body;
  return b && typeof b === 'object' && !Array.isArray(b) ? (b as Record<string, unknown>) : {};
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** Only local paths are followed after sign-in ("/x", never "//host" or "/\\host"). */
export function safeNext(next: unknown): string | null {
  return typeof next === 'string' && /^\/(?![/\\])[^\s]*$/.test(next) && next.length < 500 ? next : null;
}
