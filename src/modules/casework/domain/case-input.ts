/**
 * What users give to create or edit a case (API bodies and forms after conversion): TypeBox schemas
 * validated with platform/validation.ts, then checks against the reference data (measures and
 * offences from the taxonomies, countries ISO alpha-3) given by the caller as sets (pure).
 */
import { Type, type Static, type TSchema } from 'typebox';
import { validator } from '../../../platform/validation.js';
import type { FieldIssue } from '../../../platform/http/errors.js';
import { CASE_KINDS, CHANNELS, LEGAL_BASIS_TYPES, LINK_KINDS, PERSON_ROLES, URGENCIES } from './vocabulary.js';
import { isIsoDate } from './transitions.js';

const Str = (max: number, description: string, min = 0) => Type.String({ maxLength: max, minLength: min, description });
const Nullable = <T extends TSchema>(s: T) => Type.Union([s, Type.Null()]);
const DateStr = (description: string) => Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: `${description} (YYYY-MM-DD)` });
const Iso3 = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 3166-1 alpha-3 code' });
const Codes = (description: string) => Type.Array(Type.String({ maxLength: 80 }), { maxItems: 50, description });

export const PersonInput = Type.Object(
  {
    role: Type.Enum([...PERSON_ROLES]),
    family_name: Str(200, 'Family name as written in the request', 1),
    given_names: Type.Optional(Str(200, 'Given names')),
    birth_date: Type.Optional(Nullable(DateStr('Date of birth, when needed'))),
    nationalities: Type.Optional(Type.Array(Iso3, { maxItems: 10 })),
    identity_documents: Type.Optional(
      Type.Array(Type.Object({ type: Str(60, 'Kind of document', 1), number: Str(60, 'Number', 1), country: Type.Optional(Iso3) }, { additionalProperties: false }), { maxItems: 10 }),
    ),
    note: Type.Optional(Str(2000, 'What else identifies or locates the person (18(15)(e))')),
  },
  { additionalProperties: false },
);
export type PersonInput = Static<typeof PersonInput>;

export const LegalBasisInput = Type.Object(
  {
    basis: Type.Enum([...LEGAL_BASIS_TYPES]),
    instrument_id: Type.Optional(Nullable(Str(120, 'Instrument id (untoc, uncac, coe-mla, a knowledge treaty id)'))),
    article: Type.Optional(Nullable(Str(40, 'Article relied on, e.g. 18'))),
    note: Type.Optional(Str(1000, 'Further detail')),
  },
  { additionalProperties: false },
);
export type LegalBasisInput = Static<typeof LegalBasisInput>;

export const LinkInput = Type.Object({ other_case_id: Type.String({ format: 'uuid', pattern: '^[0-9a-fA-F-]{36}$' }), kind: Type.Enum([...LINK_KINDS]) }, { additionalProperties: false });
export type LinkInput = Static<typeof LinkInput>;

/** The fields of casework_cases users edit (all optional here; creation requires some). */
const caseFields = {
  kind: Type.Enum([...CASE_KINDS], { description: 'Kind of request' }),
  partner_country: Type.String({ pattern: '^[A-Z]{3}$', description: 'Partner State (ISO alpha-3): requesting State for incoming, requested State for outgoing' }),
  partner_authority_id: Nullable(Str(120, 'Directory id of the partner authority')),
  partner_authority_name: Nullable(Str(300, 'Name of the partner authority as given')),
  partner_reference: Nullable(Str(120, "The partner's reference")),
  title: Str(300, 'Short subject of the request', 1),
  summary: Str(20000, 'Summary of the facts and of the assistance sought'),
  measures: Codes('Measures requested: codes of the reference taxonomy "measure"'),
  crime_types: Codes('Offences: codes of the reference taxonomy "crime"'),
  offence_text: Str(2000, 'Offences as described in the request'),
  proceeding_authority: Nullable(Str(300, 'Authority conducting the investigation or proceeding')),
  proceeding_number: Nullable(Str(120, 'Number of the investigation or proceeding')),
  urgency: Type.Enum([...URGENCIES]),
  urgency_reason: Nullable(Str(2000, 'Why the request is urgent (required unless normal)')),
  confidential: Type.Boolean({ description: 'Confidentiality asked (18(20))' }),
  partner_deadline: Nullable(DateStr("The partner's deadline")),
  languages: Type.Array(Type.String({ pattern: '^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$', maxLength: 35 }), { maxItems: 10, description: 'Languages of the request (BCP 47)' }),
  translation_required: Type.Boolean(),
  channel: Nullable(Type.Enum([...CHANNELS])),
  received_on: Nullable(DateStr('Date the request was received (incoming)')),
};

export const CaseEditInput = Type.Object(
  Object.fromEntries(Object.entries(caseFields).map(([k, v]) => [k, Type.Optional(v)])) as { [K in keyof typeof caseFields]: ReturnType<typeof Type.Optional<(typeof caseFields)[K]>> },
  { additionalProperties: false },
);
export type CaseEditInput = Partial<{ [K in keyof typeof caseFields]: Static<(typeof caseFields)[K]> }>;

export const CaseCreateInput = Type.Object(
  {
    ...CaseEditInput.properties,
    kind: caseFields.kind,
    partner_country: caseFields.partner_country,
    title: caseFields.title,
    persons: Type.Optional(Type.Array(PersonInput, { maxItems: 100 })),
    legal_bases: Type.Optional(Type.Array(LegalBasisInput, { maxItems: 20 })),
    links: Type.Optional(Type.Array(LinkInput, { maxItems: 50 })),
  },
  { additionalProperties: false },
);
export type CaseCreateInput = CaseEditInput & { kind: Static<typeof caseFields.kind>; partner_country: string; title: string; persons?: PersonInput[]; legal_bases?: LegalBasisInput[]; links?: LinkInput[] };

/** The names of the editable case fields (edit events list before/after of these). */
export const EDITABLE_FIELDS = Object.keys(caseFields) as (keyof typeof caseFields)[];

/** Reference data the checks need (loaded by the service through ../reference/index.js). */
export interface CaseRefs {
  measures: ReadonlySet<string>;
  crimes: ReadonlySet<string>;
  countries: ReadonlySet<string>;
  /** The places a request can be addressed to (States and areas with their own regime); all countries when absent. */
  partners?: ReadonlySet<string>;
}

const checkCreate = validator(CaseCreateInput);
const checkEdit = validator(CaseEditInput);
const checkPerson = validator(PersonInput);

function refIssues(v: CaseEditInput & { persons?: PersonInput[] }, refs: CaseRefs, merged: CaseEditInput): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const [i, m] of (v.measures ?? []).entries()) if (!refs.measures.has(m)) issues.push({ field: `measures.${i}`, message: `unknown measure "${m}" (taxonomy measure)` });
  for (const [i, c] of (v.crime_types ?? []).entries()) if (!refs.crimes.has(c)) issues.push({ field: `crime_types.${i}`, message: `unknown offence "${c}" (taxonomy crime)` });
  if (v.partner_country !== undefined && !refs.countries.has(v.partner_country)) issues.push({ field: 'partner_country', message: `unknown country "${v.partner_country}"` });
  else if (v.partner_country !== undefined && refs.partners && !refs.partners.has(v.partner_country)) {
    issues.push({ field: 'partner_country', message: `"${v.partner_country}" is an area, not a State a request can be addressed to` });
  }
  for (const f of ['partner_deadline', 'received_on'] as const) {
    const d = v[f];
    if (d && !isIsoDate(d)) issues.push({ field: f, message: 'must be a real date YYYY-MM-DD' });
  }
  if ((merged.urgency ?? 'normal') !== 'normal' && !(merged.urgency_reason ?? '').trim()) issues.push({ field: 'urgency_reason', message: 'is required when the request is urgent' });
  for (const [i, p] of (v.persons ?? []).entries()) issues.push(...personRefIssues(p, refs, `persons.${i}`));
  return issues;
}

export function personRefIssues(p: PersonInput, refs: CaseRefs, prefix: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!p.family_name.trim()) issues.push({ field: `${prefix}.family_name`, message: 'is required' });
  if (p.birth_date && !isIsoDate(p.birth_date)) issues.push({ field: `${prefix}.birth_date`, message: 'must be a real date YYYY-MM-DD' });
  for (const [j, n] of (p.nationalities ?? []).entries()) if (!refs.countries.has(n)) issues.push({ field: `${prefix}.nationalities.${j}`, message: `unknown country "${n}"` });
  for (const [j, d] of (p.identity_documents ?? []).entries()) if (d.country && !refs.countries.has(d.country)) issues.push({ field: `${prefix}.identity_documents.${j}.country`, message: `unknown country "${d.country}"` });
  return issues;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] };

export function checkCaseCreate(body: unknown, refs: CaseRefs): Checked<CaseCreateInput> {
  const r = checkCreate(body);
  if (!r.ok) return r;
  const v = r.value as CaseCreateInput;
  if (!v.title.trim()) return { ok: false, issues: [{ field: 'title', message: 'is required' }] };
  const issues = refIssues(v, refs, v);
  return issues.length ? { ok: false, issues } : { ok: true, value: v };
}

/** An edit is checked together with the case's current values (urgency and its reason go together). */
export function checkCaseEdit(body: unknown, refs: CaseRefs, current: CaseEditInput): Checked<CaseEditInput> {
  const r = checkEdit(body);
  if (!r.ok) return r;
  const v = r.value as CaseEditInput;
  if (v.title !== undefined && !v.title.trim()) return { ok: false, issues: [{ field: 'title', message: 'is required' }] };
  const issues = refIssues(v, refs, { ...current, ...v });
  return issues.length ? { ok: false, issues } : { ok: true, value: v };
}

export function checkPersonInput(body: unknown, refs: CaseRefs): Checked<PersonInput> {
  const r = checkPerson(body, 'person');
  if (!r.ok) return r;
  const issues = personRefIssues(r.value as PersonInput, refs, 'person');
  return issues.length ? { ok: false, issues } : { ok: true, value: r.value as PersonInput };
}
