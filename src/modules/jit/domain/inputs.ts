/**
 * What members submit, as TypeBox schemas (the API documents them; pages and API are checked by the
 * same parse functions, which name every bad field). Pure.
 */
import { Type, type Static, type TSchema } from 'typebox';
import type { FieldIssue } from '../../../platform/http/errors.js';
import { trimDeep, validator } from '../../../platform/validation.js';
import { isIsoDate } from './dates.js';
import { AGREEMENT_KINDS, TASK_STATUSES } from './vocabulary.js';

const Text = (max: number, description: string) => Type.String({ minLength: 1, maxLength: max, description });
const DateField = (description: string) => Type.String({ format: 'date', maxLength: 10, description });
const AuthorityId = Type.String({ minLength: 1, maxLength: 120, pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$', description: 'Directory identifier of the authority' });
const Country = Type.String({ minLength: 3, maxLength: 3, pattern: '^[A-Za-z]{3}$', description: 'State of the authority, ISO 3166-1 alpha-3 (a State of the UN lists)' });

export const MemberInput = Type.Object(
  { authority_id: AuthorityId, country: Country, name: Text(300, 'Name of the authority as shown in the workspace') },
  { additionalProperties: false },
);
export type MemberInput = Static<typeof MemberInput>;

export const TeamInput = Type.Object(
  {
    title: Text(300, 'Name of the team'),
    purpose: Type.Optional(Type.String({ maxLength: 4000, description: 'Purpose as set out in the agreement' })),
    lead_authority_id: AuthorityId,
    lead_country: Country,
    lead_name: Text(300, 'Name of the lead authority'),
    starts_on: DateField('First day of operation'),
    ends_on: DateField('Last day of operation under the agreement; the workspace is read-only from the next day'),
  },
  { additionalProperties: false },
);
export type TeamInput = Static<typeof TeamInput>;

export const AgreementInput = Type.Object(
  {
    kind: Type.Enum([...AGREEMENT_KINDS], { description: 'agreement (once) or extension (a later end date)' }),
    title: Text(300, 'Title of the instrument'),
    signed_on: DateField('Date of (the last) signature'),
    ends_on: DateField('End date of the team under this instrument'),
    document_id: Type.Optional(Type.String({ format: 'uuid', maxLength: 36, description: 'The signed text among the team\'s shared documents' })),
  },
  { additionalProperties: false },
);
export type AgreementInput = Static<typeof AgreementInput>;

export const TaskInput = Type.Object(
  {
    title: Text(300, 'What is to be done'),
    assignee_authority_id: AuthorityId,
    due_on: Type.Optional(DateField('Due date')),
  },
  { additionalProperties: false },
);
export type TaskInput = Static<typeof TaskInput>;

export const TaskStatusInput = Type.Object({ status: Type.Enum([...TASK_STATUSES]) }, { additionalProperties: false });
export type TaskStatusInput = Static<typeof TaskStatusInput>;

export const CaseLinkInput = Type.Object(
  {
    case: Text(120, "The case to link: its reference in your authority's casework (e.g. MLA/2026/00042) or its identifier"),
    note: Type.Optional(Type.String({ maxLength: 300, description: 'How the case relates to the team (e.g. the JIT request)' })),
  },
  { additionalProperties: false },
);
export type CaseLinkInput = Static<typeof CaseLinkInput>;

export const DocumentFieldsInput = Type.Object({ title: Text(300, 'Title shown in the workspace') }, { additionalProperties: false });

/** Parse a submission: trimmed, empty fields dropped, checked against the schema and the dates' calendar. */
export function parser<S extends TSchema>(schema: S, dateFields: readonly string[] = []): (value: unknown) => { ok: true; value: Static<S> } | { ok: false; issues: FieldIssue[] } {
  const check = validator(schema);
  return (value) => {
    const trimmed = trimDeep(value ?? {});
    const issues: FieldIssue[] = [];
    const obj = (trimmed && typeof trimmed === 'object' ? trimmed : {}) as Record<string, unknown>;
    for (const f of dateFields) if (typeof obj[f] === 'string' && !isIsoDate(obj[f] as string)) issues.push({ field: f, message: 'must be a date YYYY-MM-DD' });
    const r = check(trimmed);
    if (!r.ok) return { ok: false, issues: [...issues, ...r.issues.filter((i) => !issues.some((d) => d.field === i.field))] };
    return issues.length ? { ok: false, issues } : { ok: true, value: r.value };
  };
}

export const parseTeam = parser(TeamInput, ['starts_on', 'ends_on']);
export const parseMember = parser(MemberInput);
export const parseAgreement = parser(AgreementInput, ['signed_on', 'ends_on']);
export const parseTask = parser(TaskInput, ['due_on']);
export const parseTaskStatus = parser(TaskStatusInput);
export const parseDocumentFields = parser(DocumentFieldsInput);
export const parseCaseLink = parser(CaseLinkInput);
