/**
 * The legal basis finder as a service: reads the participation of both States (knowledge), the
 * depositary status sources (own table) and the requested State's directory entry as the actor may
 * see it (directory), then asks the pure finder (domain/finder.ts). Public entry: findLegalBasis.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { ValidationError, type FieldIssue } from '../../platform/http/errors.js';
import { ANONYMOUS, type Actor } from '../access/index.js';
import { authoritiesOfCountry, type AuthorityView } from '../directory/index.js';
import { partiesOfStates, treatySummaries, type StateParty } from '../knowledge/index.js';
import { listCountries } from '../reference/index.js';
import { findLegalBasis as find, type DirectoryInput, type ExtraditionBasis, type InstrumentInput, type LegalBasis, type PartyStatus } from './domain/finder.js';
import { isIsoDate } from './domain/entry-into-force.js';
import { directoryFunction, directoryMeasure, isLegalBasisKind, LEGAL_BASIS_KINDS, type LegalBasisKind } from './domain/kinds.js';
import { selectStatusSources, type StatusSourceRow } from './repository.js';

export interface LegalBasisQuery {
  from?: unknown;
  to?: unknown;
  kind?: unknown;
  /** The day the status is told for (YYYY-MM-DD); today (UTC) when absent. */
  on?: unknown;
}

export interface CheckedLegalBasisQuery {
  from: string;
  to: string;
  kind: LegalBasisKind;
  on: string;
}

/** Check the parameters; a 400 names each bad one (from, to, kind, on). */
export async function parseLegalBasisQuery(db: Kysely<DB>, q: LegalBasisQuery, today = new Date()): Promise<CheckedLegalBasisQuery> {
  const known = new Set((await listCountries(db)).map((c) => c.iso3));
  const issues: FieldIssue[] = [];
  const state = (field: 'from' | 'to') => {
    const v = typeof q[field] === 'string' ? (q[field] as string).trim().toUpperCase() : '';
    if (!v) issues.push({ field, message: 'required: the ISO 3166 alpha-3 code of a State' });
    else if (!/^[A-Z]{3}$/.test(v) || !known.has(v)) issues.push({ field, message: `unknown State "${String(q[field]).slice(0, 40)}" (an ISO 3166 alpha-3 code such as FRA)` });
    return v;
  };
  const from = state('from');
  const to = state('to');
  if (from && to && from === to && !issues.length) issues.push({ field: 'to', message: 'the requested State must differ from the requesting State' });
  const kind = typeof q.kind === 'string' ? q.kind.trim() : '';
  if (!isLegalBasisKind(kind)) issues.push({ field: 'kind', message: `${kind ? `unknown kind "${kind.slice(0, 40)}"` : 'required'}: one of ${LEGAL_BASIS_KINDS.join(', ')}` });
  const on = typeof q.on === 'string' && q.on.trim() ? q.on.trim() : today.toISOString().slice(0, 10);
  if (q.on !== undefined && typeof q.on !== 'string') issues.push({ field: 'on', message: 'a date YYYY-MM-DD' });
  else if (!isIsoDate(on)) issues.push({ field: 'on', message: `"${on.slice(0, 40)}" is not a date YYYY-MM-DD` });
  if (issues.length) throw new ValidationError(issues);
  return { from, to, kind: kind as LegalBasisKind, on };
}

const status = (p: StateParty | undefined): PartyStatus | undefined =>
  p && {
    signed_on: p.signed_on ?? undefined,
    consent_kind: p.consent_kind ?? undefined,
    consent_on: p.consent_on ?? undefined,
    entry_into_force_on: p.entry_into_force_on ?? undefined,
    declarations: p.declarations ?? undefined,
    reservations: p.reservations ?? undefined,
    demo: p.demo,
  };

/** What the requested State's directory entry says for a kind (authorities as the actor sees them). */
export function directoryInput(views: readonly AuthorityView[], kind: LegalBasisKind): DirectoryInput {
  const fn = directoryFunction(kind);
  const chain = fn === 'mla' ? ['mla', 'uncac-central'] : [fn, 'mla', 'uncac-central'];
  const measure = directoryMeasure(kind);
  let chosen: AuthorityView[] = [];
  for (const code of chain) {
    chosen = views.filter((v) => v.state === 'published' && v.doc.functions.some((f) => f.code === code));
    if (chosen.length) break;
  }
  let basis: ExtraditionBasis = 'unknown';
  let note: Record<string, string> | undefined;
  for (const v of views) {
    const b = v.doc.untoc_extradition_basis;
    if (b && b.value !== 'unknown') {
      basis = b.value;
      note = b.note;
      break;
    }
  }
  return {
    authorities: chosen.map((v) => {
      const r = measure ? v.doc.requirements?.find((x) => x.measure === measure) : undefined;
      return { id: v.doc.id, names: v.doc.names, languages: [...(v.doc.languages ?? [])], channels: [...(v.doc.channels ?? [])], demo: v.demo, requirement: r && { status: r.status, conditions: r.conditions } };
    }),
    untocExtraditionBasis: basis,
    untocExtraditionNote: note,
  };
}

/** The depositary status sources by instrument (small table; read per request). */
export async function statusSources(db: Kysely<DB>): Promise<Map<string, StatusSourceRow>> {
  return new Map((await selectStatusSources(db)).map((s) => [s.treaty_id, s]));
}

/** The legal basis for checked parameters. */
export async function legalBasisFor(db: Kysely<DB>, actor: Actor, q: CheckedLegalBasisQuery): Promise<LegalBasis> {
  const [rows, sources, views] = await Promise.all([partiesOfStates(db, [q.from, q.to]), statusSources(db), authoritiesOfCountry(db, actor, q.to)]);
  const summaries = await treatySummaries(db, [...new Set(rows.map((r) => r.treaty_id))]);
  const byKey = new Map(rows.map((r) => [`${r.treaty_id} ${r.country}`, r]));
  const instruments: InstrumentInput[] = summaries.map((t) => ({
    id: t.id,
    kind: t.kind,
    short_name: t.short_name,
    parent_id: t.parent_id,
    titles: t.titles,
    demo: t.demo,
    as_of: sources.get(t.id)?.as_of,
    from: status(byKey.get(`${t.id} ${q.from}`)),
    to: status(byKey.get(`${t.id} ${q.to}`)),
  }));
  return find({ ...q, instruments, directory: directoryInput(views, q.kind) });
}

/**
 * The public entry other modules call (the request writer): every instrument binding both States
 * for this kind, the order in which they apply, declarations and the requested State's directory
 * entry, and whether each instrument is in force for each State on `on` (today by default).
 * Throws ValidationError (400) naming from, to, kind or on when wrong.
 */
export async function findLegalBasis(db: Kysely<DB>, q: LegalBasisQuery, actor: Actor = ANONYMOUS): Promise<LegalBasis> {
  return legalBasisFor(db, actor, await parseLegalBasisQuery(db, q));
}
