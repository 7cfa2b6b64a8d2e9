/** A logged case as submitted (API schema and the page form's parser). Pure. */
import { Type, type Static } from 'typebox';
import type { FieldIssue } from '../../../platform/http/errors.js';
import { trimDeep, validator } from '../../../platform/validation.js';
import { COOPERATION_KINDS, OUTCOMES } from './vocabulary.js';

const Country = (description: string) => Type.String({ minLength: 3, maxLength: 3, pattern: '^[A-Za-z]{3}$', description });
const DateField = (description: string) => Type.String({ format: 'date', maxLength: 10, description });

export const CaseInput = Type.Object(
  {
    requesting_country: Country('Requesting State, ISO 3166-1 alpha-3 (a State of the UN lists)'),
    requested_country: Country('Requested State, ISO 3166-1 alpha-3 (a State of the UN lists)'),
    kind: Type.Enum([...COOPERATION_KINDS], { description: 'Kind of cooperation' }),
    offence: Type.String({ minLength: 1, maxLength: 120, description: 'A code of the reference taxonomy crime' }),
    facilitated_on: DateField('When the network was asked to facilitate'),
    concluded_on: Type.Optional(DateField('When the outcome was known')),
    outcome: Type.Optional(Type.Enum([...OUTCOMES], { description: 'pending unless given' })),
  },
  { additionalProperties: false },
);
export type CaseInput = Static<typeof CaseInput>;

const check = validator(CaseInput);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const realDate = (v: string) => ISO_DATE.test(v) && new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v;

export function parseCase(value: unknown): { ok: true; value: CaseInput } | { ok: false; issues: FieldIssue[] } {
  const trimmed = trimDeep(value ?? {});
  const obj = (trimmed && typeof trimmed === 'object' ? trimmed : {}) as Record<string, unknown>;
  const issues: FieldIssue[] = [];
  for (const f of ['facilitated_on', 'concluded_on']) if (typeof obj[f] === 'string' && !realDate(obj[f] as string)) issues.push({ field: f, message: 'must be a date YYYY-MM-DD' });
  const r = check(trimmed);
  if (!r.ok) return { ok: false, issues: [...issues, ...r.issues.filter((i) => !issues.some((d) => d.field === i.field))] };
  const v = r.value;
  if (v.requesting_country.toUpperCase() === v.requested_country.toUpperCase()) issues.push({ field: 'requested_country', message: 'must differ from requesting_country' });
  if (v.concluded_on && v.concluded_on < v.facilitated_on) issues.push({ field: 'concluded_on', message: 'must not be before facilitated_on' });
  return issues.length ? { ok: false, issues } : { ok: true, value: { ...v, requesting_country: v.requesting_country.toUpperCase(), requested_country: v.requested_country.toUpperCase() } };
}
