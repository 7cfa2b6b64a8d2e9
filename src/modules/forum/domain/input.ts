/**
 * The forum's input, the pure part: what a space, a thread and a post may contain, checked field by
 * field (every problem names its field; nothing is written unless everything is valid).
 */
import type { FieldIssue } from '../../../platform/http/errors.js';
import type { SpaceKind } from '../tables.js';

export const LIMITS = { title: 200, description: 2000, body: 20000, members: 20, authorityId: 200, reason: 1000, query: 200 } as const;
/** Largest attachment (bytes): 10 MB. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Directory identifiers: letters, digits, dash, underscore, dot. */
const AUTHORITY_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
/** Control characters other than tab and line breaks, and unpaired surrogates, are refused. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

function text(issues: FieldIssue[], field: string, value: unknown, max: number, opts: { required: boolean; singleLine: boolean }): string | undefined {
  if (value === undefined || value === null || value === '') {
    if (opts.required) issues.push({ field, message: 'is required' });
    return opts.required ? undefined : '';
  }
  if (typeof value !== 'string') {
    issues.push({ field, message: 'must be text' });
    return undefined;
  }
  const v = value.normalize('NFC').trim();
  if (!v) {
    if (opts.required) issues.push({ field, message: 'must not be blank' });
    return opts.required ? undefined : '';
  }
  if ([...v].length > max) issues.push({ field, message: `must be at most ${max} characters` });
  else if (CONTROL.test(v) || LONE_SURROGATE.test(v)) issues.push({ field, message: 'contains control characters' });
  else if (opts.singleLine && /[\r\n]/.test(v)) issues.push({ field, message: 'must be one line' });
  else return v;
  return undefined;
}

export interface SpaceInput {
  kind: SpaceKind;
  title: string;
  description: string;
  /** Private spaces: the authority the creator acts for (a member). */
  authorityId: string | null;
  /** Private spaces: every member authority, the creator's included, without repeats. */
  members: string[];
}

export function checkSpace(raw: Record<string, unknown>): { value?: SpaceInput; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const kind = raw.kind;
  if (kind !== 'topic' && kind !== 'private') issues.push({ field: 'kind', message: 'must be topic or private' });
  const title = text(issues, 'title', raw.title, LIMITS.title, { required: true, singleLine: true });
  const description = text(issues, 'description', raw.description, LIMITS.description, { required: false, singleLine: false });
  let authorityId: string | null = null;
  let members: string[] = [];
  if (kind === 'private') {
    authorityId = checkAuthority(issues, 'authority_id', raw.authority_id);
    const list = typeof raw.members === 'string' ? raw.members.split(/[\s,]+/).filter(Boolean) : raw.members;
    if (!Array.isArray(list)) issues.push({ field: 'members', message: 'must list the other member authorities' });
    else {
      if (list.length > LIMITS.members) issues.push({ field: 'members', message: `at most ${LIMITS.members} authorities` });
      else list.forEach((m, i) => checkAuthority(issues, `members[${i}]`, m));
      members = [...new Set([...(authorityId ? [authorityId] : []), ...list.filter((m): m is string => typeof m === 'string')])];
      if (!issues.length && members.length < 2) issues.push({ field: 'members', message: 'name at least one other authority' });
    }
  } else if (raw.members !== undefined && raw.members !== '' && !(Array.isArray(raw.members) && raw.members.length === 0)) {
    issues.push({ field: 'members', message: 'a topic space is open to every practitioner: it has no members' });
  }
  if (issues.length) return { issues };
  return { value: { kind: kind as SpaceKind, title: title!, description: description ?? '', authorityId, members: kind === 'private' ? members : [] }, issues };
}

function checkAuthority(issues: FieldIssue[], field: string, value: unknown): string | null {
  if (typeof value !== 'string' || !value) {
    issues.push({ field, message: 'is required (a directory identifier of an authority)' });
    return null;
  }
  if (value.length > LIMITS.authorityId || !AUTHORITY_ID.test(value)) {
    issues.push({ field, message: 'must be a directory identifier (letters, digits, . _ -)' });
    return null;
  }
  return value;
}

export function checkThread(raw: Record<string, unknown>): { value?: { title: string; body: string }; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const title = text(issues, 'title', raw.title, LIMITS.title, { required: true, singleLine: true });
  const body = text(issues, 'body', raw.body, LIMITS.body, { required: true, singleLine: false });
  return issues.length ? { issues } : { value: { title: title!, body: body! }, issues };
}

export function checkPost(raw: Record<string, unknown>): { value?: { body: string }; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const body = text(issues, 'body', raw.body, LIMITS.body, { required: true, singleLine: false });
  return issues.length ? { issues } : { value: { body: body! }, issues };
}

/** A moderator's reason for hiding a post (shown to the members). */
export function checkHide(raw: Record<string, unknown>): { value?: { reason: string }; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const reason = text(issues, 'reason', raw.reason, LIMITS.reason, { required: true, singleLine: false });
  return issues.length ? { issues } : { value: { reason: reason! }, issues };
}

/** A member authority to add to a private space. */
export function checkMember(raw: Record<string, unknown>): { value?: { authorityId: string }; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const authorityId = checkAuthority(issues, 'authority_id', raw.authority_id);
  return issues.length ? { issues } : { value: { authorityId: authorityId! }, issues };
}

/** A search of posts: one line of words (at least two characters). */
export function checkQuery(raw: unknown): { value?: string; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const q = text(issues, 'q', raw, LIMITS.query, { required: true, singleLine: true });
  if (q !== undefined && [...q].length < 2) issues.push({ field: 'q', message: 'must be at least 2 characters' });
  return issues.length ? { issues } : { value: q!, issues };
}

/** A post's text as paragraphs (blank lines) of lines: shown as plain text, escaped by the renderer. */
export function paragraphs(body: string): string[][] {
  return body
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .map((p) => p.split('\n'))
    .filter((p) => p.some((l) => l.trim()));
}
