/**
 * A network as the administration form submits it: identifier (on creation), acronym, the full name in
 * each of the six languages, the region (English), member States (ISO alpha-3 codes separated by
 * spaces, commas or lines) and the secretariat authority (a directory identifier, optional). Every
 * problem names its field. Pure.
 */
import type { FieldIssue } from '../../../platform/http/errors.js';
import { LANGS, type Lang } from '../../../platform/i18n/languages.js';

export interface NetworkInput {
  id: string;
  acronym: string;
  region: string;
  names: Record<Lang, string>;
  members: string[];
  secretariat_authority_id: string | null;
}

const ID = /^[a-z][a-z0-9-]{1,40}$/;
const AUTHORITY = /^[A-Za-z0-9][A-Za-z0-9._-]{0,119}$/;

export function parseNetwork(form: Record<string, unknown>, creating: boolean): { ok: true; value: NetworkInput } | { ok: false; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const text = (field: string, max: number, required = true): string => {
    const v = typeof form[field] === 'string' ? (form[field] as string).trim() : '';
    if (required && !v) issues.push({ field, message: 'is required' });
    else if (v.length > max) issues.push({ field, message: `must be at most ${max} characters` });
    return v;
  };
  const id = creating ? text('id', 41) : '';
  if (creating && id && !ID.test(id)) issues.push({ field: 'id', message: 'must be 2–41 lower-case letters, digits or hyphens, starting with a letter' });
  const acronym = text('acronym', 40);
  const region = text('region', 200);
  const names = Object.fromEntries(LANGS.map((l) => [l, text(`name_${l}`, 400)])) as Record<Lang, string>;
  const rawMembers = typeof form.members === 'string' ? form.members : '';
  const members = [...new Set(rawMembers.split(/[\s,;]+/).filter(Boolean).map((c) => c.toUpperCase()))];
  const badCode = members.find((c) => !/^[A-Z]{3}$/.test(c));
  if (badCode) issues.push({ field: 'members', message: `"${badCode}" is not an ISO alpha-3 code` });
  if (members.length > 250) issues.push({ field: 'members', message: 'at most 250 States' });
  const secretariat = text('secretariat_authority_id', 120, false);
  if (secretariat && !AUTHORITY.test(secretariat)) issues.push({ field: 'secretariat_authority_id', message: 'must be a directory identifier of an authority' });
  if (issues.length) return { ok: false, issues };
  return { ok: true, value: { id, acronym, region, names, members, secretariat_authority_id: secretariat || null } };
}
