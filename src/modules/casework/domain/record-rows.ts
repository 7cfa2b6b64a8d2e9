/**
 * The canonical record and the table rows, both ways (pure): rowsOfRecord for import and the demo,
 * recordOfRows for export. Empty values are left out of a record, so that export → import → export
 * gives the same record.
 */
import type { Insertable } from 'kysely';
import type { CaseDeadlinesTable, CaseExecutionsTable, CaseLegalBasesTable, CasePersonsTable, CasesTable, IdentityDocument } from '../tables.js';
import type { CaseRecord } from './record.js';
import type { CaseKind, CaseState, Channel, DeadlineKind, Direction, ExecutingBodyKind, ExecutionState, LegalBasisType, Outcome, PersonRole, Urgency } from './vocabulary.js';

export interface CaseRows {
  case: Insertable<CasesTable> & { id: string };
  persons: Insertable<CasePersonsTable>[];
  legalBases: Insertable<CaseLegalBasesTable>[];
  executions: (Insertable<CaseExecutionsTable> & { id: string })[];
  deadlines: Insertable<CaseDeadlinesTable>[];
}

export interface RowOptions {
  caseId: string;
  authorityId: string;
  country: string;
  /** Ids for the executions, in order (as many as the record has). */
  executionIds: readonly string[];
  demo?: boolean;
  /** state_since when the record gives none. */
  now: string;
}

const orNull = <T>(v: T | undefined): T | null => (v === undefined ? null : v);

export function rowsOfRecord(r: CaseRecord, o: RowOptions): CaseRows {
  /** Rows of one case keep their order through created_at (one transaction has one now()). */
  const nth = (i: number) => new Date(Date.parse(o.now) + i).toISOString();
  const executions = (r.executions ?? []).map((e, i) => ({
    id: o.executionIds[i]!,
    created_at: nth(i),
    case_id: o.caseId,
    executing_authority_id: orNull(e.executing_authority_id),
    executing_name: e.executing_name,
    body_kind: e.body_kind ?? 'other',
    state: e.state,
    state_since: e.state_since ?? `${e.last_news_on ?? e.forwarded_on}T12:00:00.000Z`,
    their_reference: orNull(e.their_reference),
    measures: e.measures ?? [],
    forwarded_on: e.forwarded_on,
    due_on: orNull(e.due_on),
    last_news_on: orNull(e.last_news_on),
    note: e.note ?? '',
  }));
  const d = r.dates ?? {};
  return {
    case: {
      id: o.caseId,
      authority_id: o.authorityId,
      country: o.country,
      direction: r.direction,
      kind: r.kind,
      state: r.state as CaseState,
      state_since: r.state_since ?? o.now,
      reference: orNull(r.reference),
      partner_country: r.partner.country,
      partner_authority_id: orNull(r.partner.authority_id),
      partner_authority_name: orNull(r.partner.authority_name),
      partner_reference: orNull(r.partner.reference),
      title: r.title,
      summary: r.summary ?? '',
      measures: r.measures ?? [],
      crime_types: r.crime_types ?? [],
      offence_text: r.offence_text ?? '',
      proceeding_authority: orNull(r.proceeding?.authority),
      proceeding_number: orNull(r.proceeding?.number),
      urgency: r.urgency ?? 'normal',
      urgency_reason: orNull(r.urgency_reason),
      confidential: r.confidential ?? false,
      partner_deadline: orNull(r.partner_deadline),
      languages: r.languages ?? [],
      translation_required: r.translation_required ?? false,
      channel: orNull(r.channel),
      received_on: orNull(d.received_on),
      sent_on: orNull(d.sent_on),
      executed_on: orNull(d.executed_on),
      closed_on: orNull(d.closed_on),
      postponed_until: orNull(d.postponed_until),
      outcome: orNull(r.outcome),
      refusal_grounds: r.refusal_grounds ?? [],
      executing_authority_ids: [...new Set(executions.map((e) => e.executing_authority_id).filter((x): x is string => !!x))],
      demo: o.demo ?? false,
    },
    persons: (r.persons ?? []).map((p, i) => ({
      case_id: o.caseId,
      created_at: nth(i),
      role: p.role,
      family_name: p.family_name,
      given_names: p.given_names ?? '',
      birth_date: orNull(p.birth_date),
      nationalities: p.nationalities ?? [],
      identity_documents: JSON.stringify(p.identity_documents ?? []),
      note: p.note ?? '',
    })),
    legalBases: (r.legal_bases ?? []).map((b, position) => ({ case_id: o.caseId, position, basis: b.basis, instrument_id: orNull(b.instrument_id), article: orNull(b.article), note: b.note ?? '' })),
    executions,
    deadlines: (r.deadlines ?? []).map((x) => ({
      case_id: o.caseId,
      execution_id: x.execution === undefined ? null : executions[x.execution]!.id,
      kind: x.kind,
      label: x.label,
      due_on: x.due_on,
      met_on: orNull(x.met_on),
    })),
  };
}

/** Stored rows as read back (dates as 'YYYY-MM-DD', timestamps as Date). */
export interface StoredCase {
  case: {
    id: string;
    reference: string | null;
    direction: Direction;
    kind: CaseKind;
    state: CaseState;
    state_since: Date | string;
    partner_country: string;
    partner_authority_id: string | null;
    partner_authority_name: string | null;
    partner_reference: string | null;
    title: string;
    summary: string;
    measures: string[];
    crime_types: string[];
    offence_text: string;
    proceeding_authority: string | null;
    proceeding_number: string | null;
    urgency: Urgency;
    urgency_reason: string | null;
    confidential: boolean;
    partner_deadline: string | null;
    languages: string[];
    translation_required: boolean;
    channel: Channel | null;
    received_on: string | null;
    sent_on: string | null;
    executed_on: string | null;
    closed_on: string | null;
    postponed_until: string | null;
    outcome: Outcome | null;
    refusal_grounds: string[];
  };
  persons: { role: PersonRole; family_name: string; given_names: string; birth_date: string | null; nationalities: string[]; identity_documents: IdentityDocument[]; note: string }[];
  legalBases: { basis: LegalBasisType; instrument_id: string | null; article: string | null; note: string }[];
  executions: { id: string; executing_authority_id: string | null; executing_name: string; body_kind: ExecutingBodyKind; state: ExecutionState; state_since: Date | string; their_reference: string | null; measures: string[]; forwarded_on: string; due_on: string | null; last_news_on: string | null; note: string }[];
  deadlines: { execution_id: string | null; kind: DeadlineKind; label: string; due_on: string; met_on: string | null }[];
}

/** Drop undefined, empty strings, empty arrays, false and empty objects. */
function compact<T extends Record<string, unknown>>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (v === undefined || v === null || v === '' || v === false) continue;
    if (Array.isArray(v) && !v.length) continue;
    if (typeof v === 'object' && !Array.isArray(v) && !Object.keys(v).length) continue;
    out[k] = v;
  }
  return out as T;
}

const iso = (d: Date | string) => new Date(d).toISOString();

/** The canonical record of stored rows (without history; the exporter adds it). */
export function recordOfRows(s: StoredCase): CaseRecord {
  const c = s.case;
  const execIndex = new Map(s.executions.map((e, i) => [e.id, i]));
  return compact({
    id: c.id,
    reference: c.reference ?? undefined,
    direction: c.direction,
    kind: c.kind,
    state: c.state,
    state_since: iso(c.state_since),
    partner: compact({ country: c.partner_country, authority_id: c.partner_authority_id ?? undefined, authority_name: c.partner_authority_name ?? undefined, reference: c.partner_reference ?? undefined }),
    title: c.title,
    summary: c.summary,
    measures: c.measures,
    crime_types: c.crime_types,
    offence_text: c.offence_text,
    proceeding: compact({ authority: c.proceeding_authority ?? undefined, number: c.proceeding_number ?? undefined }),
    urgency: c.urgency === 'normal' ? undefined : c.urgency,
    urgency_reason: c.urgency_reason ?? undefined,
    confidential: c.confidential,
    partner_deadline: c.partner_deadline ?? undefined,
    languages: c.languages,
    translation_required: c.translation_required,
    channel: c.channel ?? undefined,
    dates: compact({ received_on: c.received_on ?? undefined, sent_on: c.sent_on ?? undefined, executed_on: c.executed_on ?? undefined, closed_on: c.closed_on ?? undefined, postponed_until: c.postponed_until ?? undefined }),
    outcome: c.outcome ?? undefined,
    refusal_grounds: c.refusal_grounds as CaseRecord['refusal_grounds'],
    persons: s.persons.map((p) => compact({ role: p.role, family_name: p.family_name, given_names: p.given_names, birth_date: p.birth_date ?? undefined, nationalities: p.nationalities, identity_documents: p.identity_documents.map((d) => compact({ ...d })), note: p.note })),
    legal_bases: s.legalBases.map((b) => compact({ basis: b.basis, instrument_id: b.instrument_id ?? undefined, article: b.article ?? undefined, note: b.note })),
    executions: s.executions.map((e) =>
      compact({
        executing_authority_id: e.executing_authority_id ?? undefined,
        executing_name: e.executing_name,
        body_kind: e.body_kind === 'other' ? undefined : e.body_kind,
        state: e.state,
        state_since: iso(e.state_since),
        their_reference: e.their_reference ?? undefined,
        measures: e.measures,
        forwarded_on: e.forwarded_on,
        due_on: e.due_on ?? undefined,
        last_news_on: e.last_news_on ?? undefined,
        note: e.note,
      }),
    ),
    deadlines: s.deadlines.map((d) => compact({ kind: d.kind, label: d.label, due_on: d.due_on, met_on: d.met_on ?? undefined, execution: d.execution_id ? execIndex.get(d.execution_id) : undefined })),
  } as Record<string, unknown>) as CaseRecord;
}
