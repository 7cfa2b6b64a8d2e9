/**
 * The canonical case record: one JSON object per case, the shape of the JSONL/CSV import, the export
 * and the demo generator (docs/IMPORT-FORMATS.md). Pure: the vocabularies are checked by the schema,
 * the reference values (countries, measure and crime terms) against the sets the caller passes in.
 * parseCaseRecord never throws and names the field of every problem.
 */
import crypto from 'node:crypto';
import { Type, type Static } from 'typebox';
import type { FieldIssue } from '../../../platform/http/errors.js';
import { validator } from '../../../platform/validation.js';
import { canonicalJson } from '../../knowledge/index.js';
import { CASE_KINDS, CHANNELS, DEADLINE_KINDS, DIRECTIONS, EVENT_TYPES, EXECUTING_BODY_KINDS, EXECUTION_STATES, INCOMING_STATES, LEGAL_BASIS_TYPES, OUTCOMES, OUTGOING_STATES, PERSON_ROLES, REFUSAL_GROUNDS, URGENCIES } from './vocabulary.js';

const lit = <T extends readonly string[]>(values: T) => Type.Unsafe<T[number]>({ type: 'string', enum: [...values] });
const Text = (max: number, min = 0) => Type.String({ minLength: min, maxLength: max });
const DateStr = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const DateTime = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,6})?(Z|[+-]\\d{2}:\\d{2})$' });
const Iso3 = Type.String({ pattern: '^[A-Z]{3}$' });
const AuthorityId = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._:-]{0,119}$' });
const Lang = Type.String({ pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$' });
const Code = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,79}$' });
const Hash = Type.String({ pattern: '^[0-9a-f]{64}$' });

export const PersonSchema = Type.Object(
  {
    role: lit(PERSON_ROLES),
    family_name: Text(200, 1),
    given_names: Type.Optional(Text(200)),
    birth_date: Type.Optional(DateStr),
    nationalities: Type.Optional(Type.Array(Iso3, { maxItems: 5 })),
    identity_documents: Type.Optional(Type.Array(Type.Object({ type: Text(60, 1), number: Text(60, 1), country: Type.Optional(Iso3) }, { additionalProperties: false }), { maxItems: 10 })),
    note: Type.Optional(Text(2000)),
  },
  { additionalProperties: false },
);

export const LegalBasisSchema = Type.Object(
  { basis: lit(LEGAL_BASIS_TYPES), instrument_id: Type.Optional(Text(120, 1)), article: Type.Optional(Text(40, 1)), note: Type.Optional(Text(1000)) },
  { additionalProperties: false },
);

export const ExecutionSchema = Type.Object(
  {
    executing_authority_id: Type.Optional(AuthorityId),
    executing_name: Text(300, 1),
    body_kind: Type.Optional(lit(EXECUTING_BODY_KINDS)),
    state: lit(EXECUTION_STATES),
    state_since: Type.Optional(DateTime),
    their_reference: Type.Optional(Text(120, 1)),
    measures: Type.Optional(Type.Array(Code, { maxItems: 40 })),
    forwarded_on: DateStr,
    due_on: Type.Optional(DateStr),
    last_news_on: Type.Optional(DateStr),
    note: Type.Optional(Text(5000)),
  },
  { additionalProperties: false },
);

export const DeadlineSchema = Type.Object(
  {
    kind: lit(DEADLINE_KINDS),
    label: Text(300, 1),
    due_on: DateStr,
    met_on: Type.Optional(DateStr),
    /** Index (from 0) into `executions` when the deadline belongs to one track. */
    execution: Type.Optional(Type.Integer({ minimum: 0, maximum: 49 })),
  },
  { additionalProperties: false },
);

/** A history event as exported (verifiable elsewhere with the case `id`); ignored on import except its head. */
export const HistoryEventSchema = Type.Object(
  {
    seq: Type.Integer({ minimum: 1 }),
    at: DateTime,
    actor_id: Type.Optional(Type.Union([Type.String({ maxLength: 64 }), Type.Null()])),
    actor_name: Type.Optional(Type.Union([Type.String({ maxLength: 300 }), Type.Null()])),
    acting_authority_id: Type.Optional(Type.Union([Type.String({ maxLength: 120 }), Type.Null()])),
    type: lit(EVENT_TYPES),
    data: Type.Record(Type.String(), Type.Unknown()),
    prev_hash: Hash,
    hash: Hash,
  },
  { additionalProperties: false },
);

export const CaseRecordSchema = Type.Object(
  {
    /** The case's id where it was exported from (with `history`, lets anyone verify the chain). */
    id: Type.Optional(Type.String({ pattern: '^[0-9a-f-]{36}$' })),
    reference: Type.Optional(Text(80, 1)),
    direction: lit(DIRECTIONS),
    kind: lit(CASE_KINDS),
    state: Type.String({ minLength: 1, maxLength: 40 }),
    state_since: Type.Optional(DateTime),
    partner: Type.Object(
      { country: Iso3, authority_id: Type.Optional(AuthorityId), authority_name: Type.Optional(Text(300, 1)), reference: Type.Optional(Text(120, 1)) },
      { additionalProperties: false },
    ),
    title: Text(300, 1),
    summary: Type.Optional(Text(20000)),
    measures: Type.Optional(Type.Array(Code, { maxItems: 40 })),
    crime_types: Type.Optional(Type.Array(Code, { maxItems: 40 })),
    offence_text: Type.Optional(Text(2000)),
    proceeding: Type.Optional(Type.Object({ authority: Type.Optional(Text(300, 1)), number: Type.Optional(Text(120, 1)) }, { additionalProperties: false })),
    urgency: Type.Optional(lit(URGENCIES)),
    urgency_reason: Type.Optional(Text(2000, 1)),
    confidential: Type.Optional(Type.Boolean()),
    partner_deadline: Type.Optional(DateStr),
    languages: Type.Optional(Type.Array(Lang, { maxItems: 10 })),
    translation_required: Type.Optional(Type.Boolean()),
    channel: Type.Optional(lit(CHANNELS)),
    dates: Type.Optional(
      Type.Object(
        { received_on: Type.Optional(DateStr), sent_on: Type.Optional(DateStr), executed_on: Type.Optional(DateStr), closed_on: Type.Optional(DateStr), postponed_until: Type.Optional(DateStr) },
        { additionalProperties: false },
      ),
    ),
    outcome: Type.Optional(lit(OUTCOMES)),
    refusal_grounds: Type.Optional(Type.Array(lit(REFUSAL_GROUNDS), { maxItems: 12 })),
    persons: Type.Optional(Type.Array(PersonSchema, { maxItems: 200 })),
    legal_bases: Type.Optional(Type.Array(LegalBasisSchema, { maxItems: 20 })),
    executions: Type.Optional(Type.Array(ExecutionSchema, { maxItems: 50 })),
    deadlines: Type.Optional(Type.Array(DeadlineSchema, { maxItems: 100 })),
    history: Type.Optional(Type.Array(HistoryEventSchema, { maxItems: 10000 })),
  },
  { additionalProperties: false },
);

export type CaseRecord = Static<typeof CaseRecordSchema>;
export type PersonRecord = Static<typeof PersonSchema>;
export type ExecutionRecord = Static<typeof ExecutionSchema>;
export type DeadlineRecord = Static<typeof DeadlineSchema>;
export type HistoryEventRecord = Static<typeof HistoryEventSchema>;

/** Reference values a record is checked against (from the reference module). */
export interface RecordRefs {
  countries: ReadonlySet<string>;
  /** The places a request can be addressed to (States and areas with their own regime); all countries when absent. */
  partners?: ReadonlySet<string>;
  measures: ReadonlySet<string>;
  crimes: ReadonlySet<string>;
}

export type ParsedRecord = { ok: true; record: CaseRecord } | { ok: false; issues: FieldIssue[] };

const checkShape = validator(CaseRecordSchema);

function validDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Parse one record: the shape, then the rules between fields and the reference values. Never throws. */
export function parseCaseRecord(value: unknown, refs: RecordRefs): ParsedRecord {
  const shape = checkShape(value);
  if (!shape.ok) {
    const issues = shape.issues.map((i) => ({ ...i, field: i.field || '(record)' }));
    return { ok: false, issues: issues.length ? issues : [{ field: '(record)', message: 'is not a case record' }] };
  }
  const r = shape.value;
  const issues: FieldIssue[] = [];
  const add = (field: string, message: string) => issues.push({ field, message });
  const states: readonly string[] = r.direction === 'incoming' ? INCOMING_STATES : OUTGOING_STATES;
  if (!states.includes(r.state)) add('state', `is not a state of an ${r.direction} request (one of: ${states.join(', ')})`);
  const country = (field: string, v: string | undefined) => v !== undefined && !refs.countries.has(v) && add(field, `is not a known country code (${v})`);
  if (country('partner.country', r.partner.country) === false && r.partner.country && refs.partners && !refs.partners.has(r.partner.country)) {
    add('partner.country', `is an area, not a State a request can be addressed to (${r.partner.country})`);
  }
  r.measures?.forEach((m, i) => refs.measures.has(m) || add(`measures.${i}`, `is not a measure of the reference taxonomy (${m})`));
  r.crime_types?.forEach((m, i) => refs.crimes.has(m) || add(`crime_types.${i}`, `is not an offence of the reference taxonomy (${m})`));
  if ((r.urgency ?? 'normal') !== 'normal' && !r.urgency_reason) add('urgency_reason', 'is required when the request is urgent');
  const dates: [string, string | undefined][] = [
    ['partner_deadline', r.partner_deadline],
    ...Object.entries(r.dates ?? {}).map(([k, v]) => [`dates.${k}`, v] as [string, string]),
  ];
  r.persons?.forEach((p, i) => {
    dates.push([`persons.${i}.birth_date`, p.birth_date]);
    p.nationalities?.forEach((n, j) => country(`persons.${i}.nationalities.${j}`, n));
    p.identity_documents?.forEach((d, j) => country(`persons.${i}.identity_documents.${j}.country`, d.country));
  });
  r.executions?.forEach((e, i) => {
    dates.push([`executions.${i}.forwarded_on`, e.forwarded_on], [`executions.${i}.due_on`, e.due_on], [`executions.${i}.last_news_on`, e.last_news_on]);
    e.measures?.forEach((m, j) => refs.measures.has(m) || add(`executions.${i}.measures.${j}`, `is not a measure of the reference taxonomy (${m})`));
  });
  r.deadlines?.forEach((d, i) => {
    dates.push([`deadlines.${i}.due_on`, d.due_on], [`deadlines.${i}.met_on`, d.met_on]);
    if (d.execution !== undefined && !r.executions?.[d.execution]) add(`deadlines.${i}.execution`, `names no executing authority (executions.${d.execution})`);
  });
  for (const [field, v] of dates) if (v !== undefined && !validDate(v)) add(field, `is not a valid date (${v})`);
  const start = r.direction === 'incoming' ? r.dates?.received_on : r.dates?.sent_on;
  for (const k of ['executed_on', 'closed_on'] as const) {
    const v = r.dates?.[k];
    if (v && start && validDate(v) && validDate(start) && v < start) add(`dates.${k}`, `is before the request was ${r.direction === 'incoming' ? 'received' : 'sent'} (${start})`);
  }
  if (r.refusal_grounds?.length && r.outcome !== 'refused') add('refusal_grounds', 'are given only when the outcome is refused');
  if (r.executions?.length && r.direction !== 'incoming') add('executions', 'only an incoming request is forwarded to executing authorities');
  const seen = new Set<string>();
  r.executions?.forEach((e, i) => {
    if (!e.executing_authority_id) return;
    if (seen.has(e.executing_authority_id)) add(`executions.${i}.executing_authority_id`, 'is given twice');
    seen.add(e.executing_authority_id);
  });
  return issues.length ? { ok: false, issues } : { ok: true, record: r };
}

/** The record without what is not content (its history and origin id): what the content hash covers. */
export function recordContent(record: CaseRecord): Omit<CaseRecord, 'history' | 'id'> {
  const { history: _h, id: _i, ...content } = record;
  return content;
}

/** SHA-256 of the record's canonical content (the 'imported' event carries it). */
export function recordHash(record: CaseRecord): string {
  return crypto.createHash('sha256').update(canonicalJson(recordContent(record))).digest('hex');
}
