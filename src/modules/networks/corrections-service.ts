/**
 * Corrections of a network case log entry by the network's secretariat (policy networks.correct):
 * the entry takes the corrected values (the figures count them) and the correction — who, when, what
 * changed from what to what, and why — is appended to the entry's hash-chained history in the same
 * transaction, with its audit event. The history table refuses UPDATE and DELETE.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { json } from '../../platform/db/types.js';
import { ForbiddenError, ValidationError } from '../../platform/http/errors.js';
import { assertAllowed, type Actor } from '../access/index.js';
import { recordAudit, type AuditContext } from '../audit/index.js';
import { trimDeep, validator } from '../../platform/validation.js';
import { applyCorrection, correctionHash, CorrectionInput, CORRECTABLE, diffEntry, GENESIS, verifyCorrections, type EntryValues } from './domain/corrections.js';
import { parseCase } from './domain/inputs.js';
import { assertReferences, networkFor } from './service.js';
import * as repo from './repository.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const checkCorrection = validator(CorrectionInput);

const valuesOf = (c: repo.CaseRow): EntryValues => Object.fromEntries(CORRECTABLE.map((f) => [f, c[f] ?? null])) as EntryValues;

export interface EntryView {
  network: repo.NetworkRow;
  entry: repo.CaseRow;
  corrections: repo.CorrectionRow[];
  /** The corrections' hash chain is unbroken. */
  chainOk: boolean;
  mayCorrect: boolean;
}

/** The entry's network and the entry: the network's secretariat only; an unknown entry is the same 403 as another network's. */
async function entryFor(db: Kysely<DB>, actor: Actor, networkId: unknown, caseId: unknown, forUpdate = false) {
  const network = await networkFor(db, actor, networkId);
  const entry = typeof caseId === 'string' && UUID.test(caseId) ? await repo.selectCase(db, network.id, caseId, forUpdate) : undefined;
  if (!entry) throw new ForbiddenError('No such entry in this network\'s log');
  return { network, entry };
}

/** One entry of the log with its corrections (oldest first) and whether their chain holds. */
export async function networkEntry(db: Kysely<DB>, actor: Actor, networkId: unknown, caseId: unknown): Promise<EntryView> {
  const { network, entry } = await entryFor(db, actor, networkId, caseId);
  const corrections = await repo.selectCorrections(db, entry.id);
  const chain = verifyCorrections(corrections.map((c) => ({ ...c, corrected_at: c.corrected_at.toISOString() })));
  return { network, entry, corrections, chainOk: chain.ok, mayCorrect: true };
}

/** Correct an entry: 400 naming each bad field, or `reason` when nothing differs; nothing written then. */
export async function correctEntry(db: Kysely<DB>, ctx: AuditContext, networkId: unknown, caseId: unknown, input: unknown): Promise<number> {
  const { network } = await entryFor(db, ctx.actor, networkId, caseId);
  assertAllowed(ctx.actor, 'networks.correct', { authorityId: network.id });
  const r = checkCorrection(trimDeep(input ?? {}));
  if (!r.ok) throw new ValidationError(r.issues);
  const { reason, ...fields } = r.value;
  // An empty conclusion date clears it (trimming drops empty fields: the page form sends every field).
  const raw = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>;
  if (typeof raw.concluded_on === 'string' && raw.concluded_on.trim() === '') fields.concluded_on = '';
  return db.transaction().execute(async (trx) => {
    const { entry } = await entryFor(trx, ctx.actor, network.id, caseId, true);
    const before = valuesOf(entry);
    const after = applyCorrection(before, fields);
    // The corrected entry is checked as a whole, as when it was logged.
    const whole = parseCase(Object.fromEntries(Object.entries(after).filter(([, v]) => v !== null)));
    if (!whole.ok) throw new ValidationError(whole.issues);
    const changes = diffEntry(before, after);
    if (!Object.keys(changes).length) throw new ValidationError([{ field: 'reason', message: 'nothing to correct: every field is as logged' }]);
    if (changes.requesting_country || changes.requested_country || changes.offence) await assertReferences(trx, whole.value);
    const last = (await repo.selectCorrections(trx, entry.id)).at(-1);
    const seq = (last?.seq ?? 0) + 1;
    const prevHash = last?.hash ?? GENESIS;
    const correctedAt = new Date().toISOString();
    const hash = correctionHash(prevHash, { case_id: entry.id, seq, changes, reason, corrected_by: ctx.actor.userId, corrected_at: correctedAt });
    await repo.updateCase(trx, entry.id, Object.fromEntries(Object.entries(changes).map(([f, c]) => [f, c.to])));
    await repo.insertCorrection(trx, { case_id: entry.id, seq, changes: json(changes), reason, corrected_by: ctx.actor.userId, corrected_by_name: ctx.actor.name?.slice(0, 300) ?? null, corrected_at: new Date(correctedAt), prev_hash: prevHash, hash });
    await recordAudit(trx, ctx, { action: 'networks.correct_case', targetType: 'network_case', targetId: entry.id, changes: { network_id: network.id, seq, reason, ...changes } });
    return seq;
  });
}
