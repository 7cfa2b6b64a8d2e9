/**
 * Networks' case logs: the secretariat of a network logs the cases it facilitated (policy
 * networks.log, scoped to the network); figures per year and network are public.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { ForbiddenError, ValidationError, type FieldIssue } from '../../platform/http/errors.js';
import { allow, assertAllowed, assertAllowedSomewhere, type Actor } from '../access/index.js';
import { recordAudit, type AuditContext } from '../audit/index.js';
import { getCountry, isState, readTerm } from '../reference/index.js';
import { shapeBreakdown, shapeFigures, type Breakdown, type Figures } from './domain/figures.js';
import { COOPERATION_KINDS } from './domain/vocabulary.js';
import { parseCase } from './domain/inputs.js';
import * as repo from './repository.js';

export type { NetworkRow, CaseRow } from './repository.js';

export async function listNetworks(db: Kysely<DB>): Promise<repo.NetworkRow[]> {
  return repo.selectNetworks(db);
}

/** Public figures: cases per year and network, and per kind of cooperation and per offence. */
export async function networkFigures(db: Kysely<DB>): Promise<{ figures: Figures; byKind: Breakdown; byOffence: Breakdown; networks: repo.NetworkRow[] }> {
  const networks = await repo.selectNetworks(db);
  const ids = networks.map((n) => n.id);
  return {
    figures: shapeFigures(await repo.countPerYear(db), ids),
    byKind: shapeBreakdown(await repo.countBy(db, 'kind'), ids, COOPERATION_KINDS),
    byOffence: shapeBreakdown(await repo.countBy(db, 'offence'), ids),
    networks,
  };
}

/** The networks whose log the actor keeps. */
export async function networksKeptBy(db: Kysely<DB>, actor: Actor): Promise<repo.NetworkRow[]> {
  return (await repo.selectNetworks(db)).filter((n) => allow(actor, 'networks.log', { authorityId: n.id }));
}

export async function networkFor(db: Kysely<DB>, actor: Actor, networkId: unknown): Promise<repo.NetworkRow> {
  assertAllowedSomewhere(actor, 'networks.log');
  const network = (await repo.selectNetworks(db)).find((n) => n.id === networkId);
  if (!network || !allow(actor, 'networks.log', { authorityId: network.id })) throw new ForbiddenError('Only the secretariat of this network keeps its log');
  return network;
}

/** A network's log (its secretariat only). */
export async function networkLog(db: Kysely<DB>, actor: Actor, networkId: unknown): Promise<{ network: repo.NetworkRow; cases: (repo.CaseRow & { corrections: number })[] }> {
  const network = await networkFor(db, actor, networkId);
  return { network, cases: await repo.selectCases(db, network.id) };
}

/** The States are States of the UN lists, the offence a code of the crime taxonomy (400 naming each field). */
export async function assertReferences(db: Kysely<DB>, v: { requesting_country: string; requested_country: string; offence: string }): Promise<void> {
  const issues: FieldIssue[] = [];
  for (const field of ['requesting_country', 'requested_country'] as const) {
    const c = await getCountry(db, v[field]);
    if (!c || !isState(c)) issues.push({ field, message: `"${v[field]}" is not a State of the UN lists` });
  }
  if (!(await readTerm(db, 'crime', v.offence))) issues.push({ field: 'offence', message: `"${v.offence}" is not an offence of the crime taxonomy` });
  if (issues.length) throw new ValidationError(issues);
}

/** Log a facilitated case: States of the UN lists, an offence of the crime taxonomy. */
export async function logCase(db: Kysely<DB>, ctx: AuditContext, networkId: unknown, input: unknown): Promise<string> {
  const network = await networkFor(db, ctx.actor, networkId);
  assertAllowed(ctx.actor, 'networks.log', { authorityId: network.id });
  const r = parseCase(input);
  if (!r.ok) throw new ValidationError(r.issues);
  const v = r.value;
  await assertReferences(db, v);
  return db.transaction().execute(async (trx) => {
    const id = await repo.insertCase(trx, {
      network_id: network.id,
      requesting_country: v.requesting_country,
      requested_country: v.requested_country,
      kind: v.kind,
      offence: v.offence,
      facilitated_on: v.facilitated_on,
      concluded_on: v.concluded_on ?? null,
      outcome: v.outcome ?? 'pending',
      recorded_by: ctx.actor.userId,
    });
    await recordAudit(trx, ctx, { action: 'networks.log_case', targetType: 'network_case', targetId: id, changes: { network_id: network.id, ...v } });
    return id;
  });
}
