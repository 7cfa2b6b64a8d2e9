/**
 * Checks of account form fields. Issues carry a code (translated on pages) and an English message
 * (API, logs). Lengths are checked before anything else so that over-long input never reaches argon2.
 */
import { AppError, ValidationError, type FieldIssue } from '../../platform/http/errors.js';
import { isLang, type Lang } from '../../platform/i18n/languages.js';
import { PASSWORD_MAX, PASSWORD_MIN, passwordProblem } from './domain/passwords.js';

export type IssueCode =
  | 'required' | 'too_long' | 'invalid' | 'invalid_email' | 'password_too_short' | 'password_too_long' | 'password_common'
  | 'password_repetitive' | 'password_contains_identity' | 'password_mismatch' | 'wrong_password' | 'wrong_code' | 'invalid_token';

const ENGLISH: Record<IssueCode, string> = {
  required: 'is required',
  too_long: 'is too long',
  invalid: 'is invalid',
  invalid_email: 'is not a valid e-mail address',
  password_too_short: `must have at least ${PASSWORD_MIN} characters`,
  password_too_long: `must have at most ${PASSWORD_MAX} characters`,
  password_common: 'is too common or too easy to guess',
  password_repetitive: 'is too repetitive',
  password_contains_identity: 'must not contain your e-mail address or name',
  password_mismatch: 'does not match the password',
  wrong_password: 'is not your current password',
  wrong_code: 'is not a valid code',
  invalid_token: 'is invalid, expired or already used',
};

export interface CodedIssue extends FieldIssue {
  code: IssueCode;
  /** Limit for too_long. */
  max?: number;
}

export class AccountValidationError extends ValidationError {
  constructor(readonly coded: CodedIssue[]) {
    super(coded.map(({ field, message }) => ({ field, message })));
  }
}

export function issue(field: string, code: IssueCode, max?: number): CodedIssue {
  return { field, code, message: code === 'too_long' && max ? `must be at most ${max} characters` : ENGLISH[code], ...(max ? { max } : {}) };
}

/** Too many attempts (429): the message never says whether the account exists. */
export class TooManyAttemptsError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super(429, 'too-many-attempts', 'Too many attempts. Try again later.');
    this.name = 'TooManyAttemptsError';
  }
}

/** Sign-in refused with the same message whatever the reason (unknown e-mail, wrong password, disabled). */
export class SignInFailedError extends AppError {
  constructor() {
    super(400, 'sign-in-failed', 'The e-mail address or the password is incorrect.');
    this.name = 'SignInFailedError';
  }
}

export class EmailNotVerifiedError extends AppError {
  constructor() {
    super(403, 'email-not-verified', 'Confirm your e-mail address first: a new link has been sent.');
    this.name = 'EmailNotVerifiedError';
  }
}

/** Input as it arrives from a form or JSON: anything. */
export type Input = Record<string, unknown>;

export class Fields {
  readonly issues: CodedIssue[] = [];
  constructor(private readonly input: Input) {}

  /** A trimmed text field; undefined (with an issue) when missing or too long. */
  text(field: string, max: number, opts: { required?: boolean; trim?: boolean; multiline?: boolean } = {}): string | undefined {
    const raw = this.input[field];
    if (raw !== undefined && raw !== null && typeof raw !== 'string') {
      this.issues.push(issue(field, 'invalid'));
      return undefined;
    }
    const value = opts.trim === false ? (raw ?? '') : (raw ?? '').trim();
    if ([...value].length > max) {
      this.issues.push(issue(field, 'too_long', max));
      return undefined;
    }
    // Control characters other than tab/newline are never legitimate in a form field.
    if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value) || (!opts.multiline && /[\r\n]/.test(value))) {
      this.issues.push(issue(field, 'invalid'));
      return undefined;
    }
    if (!value) {
      if (opts.required !== false) this.issues.push(issue(field, 'required'));
      return undefined;
    }
    return value;
  }

  email(field = 'email'): string | undefined {
    const v = this.text(field, 254);
    if (v === undefined) return undefined;
    if (!EMAIL.test(v)) {
      this.issues.push(issue(field, 'invalid_email'));
      return undefined;
    }
    return v;
  }

  /** A password as typed (not trimmed); checked for length only. */
  password(field: string): string | undefined {
    const v = this.text(field, PASSWORD_MAX, { trim: false });
    return v;
  }

  /** A new password: length and policy. */
  newPassword(field: string, identity: { email?: string; name?: string }): string | undefined {
    const raw = this.input[field];
    if (typeof raw === 'string' && [...raw].length > PASSWORD_MAX) {
      this.issues.push(issue(field, 'password_too_long'));
      return undefined;
    }
    const v = this.text(field, PASSWORD_MAX, { trim: false });
    if (v === undefined) return undefined;
    const problem = passwordProblem(v, identity);
    if (problem) {
      this.issues.push(issue(field, `password_${problem}` as IssueCode));
      return undefined;
    }
    return v;
  }

  lang(field: string, fallback: Lang): Lang {
    const v = this.input[field];
    if (v === undefined || v === '') return fallback;
    if (!isLang(v)) {
      this.issues.push(issue(field, 'invalid'));
      return fallback;
    }
    return v;
  }

  add(field: string, code: IssueCode): void {
    this.issues.push(issue(field, code));
  }

  /** Throw an AccountValidationError if any issue was found. */
  check(): void {
    if (this.issues.length) throw new AccountValidationError(this.issues);
  }
}

/** Pragmatic address check (RFC 5321 lengths, one @, a dot in the domain, no spaces or angle brackets). */
const EMAIL = /^(?=.{3,254}$)(?=[^@]{1,64}@)[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]{2,}$/u;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
