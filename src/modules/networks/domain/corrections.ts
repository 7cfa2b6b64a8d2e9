/**
 * Corrections of a network case log entry: what may be corrected, what changed (from → to), and the
 * hash chain of an entry's corrections (each links to the one before; the first to 64 zeros). Pure.
 */
import crypto from 'node:crypto';
import { Type, type Static } from 'typebox';
import { canonicalJson } from '../../knowledge/index.js';
import { COOPERATION_KINDS, OUTCOMES } from './vocabulary.js';

/** The fields of an entry the secretariat may correct (all of them but who logged it and when). */
export const CORRECTABLE = ['requesting_country', 'requested_country', 'kind', 'offence', 'facilitated_on', 'concluded_on', 'outcome'] as const;
export type Correctable = (typeof CORRECTABLE)[number];
export type EntryValues = Record<Correctable, string | null>;
export type Changes = Partial<Record<Correctable, { from: string | null; to: string | null }>>;

const Country = (description: string) => Type.String({ minLength: 3, maxLength: 3, pattern: '^[A-Za-z]{3}$', description });
const DateField = (description: string) => Type.String({ format: 'date', maxLength: 10, description });

/** A correction: the corrected fields (others stay) and why. `concluded_on: ""` clears the date. */
export const CorrectionInput = Type.Object(
  {
    requesting_country: Type.Optional(Country('Requesting State, ISO 3166-1 alpha-3')),
    requested_country: Type.Optional(Country('Requested State, ISO 3166-1 alpha-3')),
    kind: Type.Optional(Type.Enum([...COOPERATION_KINDS], { description: 'Kind of cooperation' })),
    offence: Type.Optional(Type.String({ minLength: 1, maxLength: 120, description: 'A code of the reference taxonomy crime' })),
    facilitated_on: Type.Optional(DateField('When the network was asked to facilitate')),
    concluded_on: Type.Optional(Type.Union([DateField('When the outcome was known'), Type.Literal('')], { description: 'When the outcome was known; "" to clear it' })),
    outcome: Type.Optional(Type.Enum([...OUTCOMES])),
    reason: Type.String({ minLength: 1, maxLength: 1000, description: 'Why the entry is corrected (kept in its history)' }),
  },
  { additionalProperties: false },
);
export type CorrectionInput = Static<typeof CorrectionInput>;

/** The entry after the correction: given fields replace the current ones (empty concluded_on clears it). */
export function applyCorrection(current: EntryValues, input: Partial<Record<Correctable, string>>): EntryValues {
  const next = { ...current };
  for (const f of CORRECTABLE) {
    const v = input[f];
    if (v === undefined) continue;
    next[f] = f === 'concluded_on' && v === '' ? null : f.endsWith('_country') ? v.toUpperCase() : v;
  }
  return next;
}

/** The fields that differ, with their values before and after. */
export function diffEntry(before: EntryValues, after: EntryValues): Changes {
  const out: Changes = {};
  for (const f of CORRECTABLE) if ((before[f] ?? null) !== (after[f] ?? null)) out[f] = { from: before[f] ?? null, to: after[f] ?? null };
  return out;
}

export const GENESIS = '0'.repeat(64);

export interface ChainedCorrection {
  case_id: string;
  seq: number;
  changes: Changes;
  reason: string;
  corrected_by: string | null;
  /** ISO timestamp with milliseconds, as stored. */
  corrected_at: string;
}

export function correctionHash(prevHash: string, c: ChainedCorrection): string {
  const payload = canonicalJson({ case_id: c.case_id, seq: c.seq, changes: c.changes, reason: c.reason, corrected_by: c.corrected_by, corrected_at: c.corrected_at });
  return crypto.createHash('sha256').update(prevHash).update('\n').update(payload).digest('hex');
}

/** Whether an entry's stored corrections (in seq order) form an unbroken chain; the first broken seq otherwise. */
export function verifyCorrections(rows: readonly (ChainedCorrection & { prev_hash: string; hash: string })[]): { ok: true } | { ok: false; seq: number } {
  let prev = GENESIS;
  for (const [i, r] of rows.entries()) {
    if (r.seq !== i + 1 || r.prev_hash !== prev || correctionHash(prev, r) !== r.hash) return { ok: false, seq: r.seq };
    prev = r.hash;
  }
  return { ok: true };
}
