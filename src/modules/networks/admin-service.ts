/**
 * Administration of networks (policy networks.manage: administrators): create and edit a network —
 * names in the six languages, region, member States (States of the UN lists), the secretariat
 * authority — in one transaction with its audit event; and who holds the network_secretariat role,
 * through accounts' public entry (grant by e-mail, revoke; audited there).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { json } from '../../platform/db/types.js';
import { ConflictError, NotFoundError, ValidationError, type FieldIssue } from '../../platform/http/errors.js';
import { assertAllowed, type Actor } from '../access/index.js';
import { grantScopedRole, revokeScopedRole, roleHolders, type RoleHolder } from '../accounts/index.js';
import { recordAudit, type AuditContext } from '../audit/index.js';
import { getCountry, isState } from '../reference/index.js';
import { parseNetwork, type NetworkInput } from './domain/network-input.js';
import * as repo from './repository.js';

export async function networkForAdmin(db: Kysely<DB>, actor: Actor, id: unknown): Promise<{ network: repo.NetworkDetail; secretariat: RoleHolder[] }> {
  assertAllowed(actor, 'networks.manage');
  const network = typeof id === 'string' ? await repo.selectNetworkDetail(db, id) : undefined;
  if (!network) throw new NotFoundError('No such network');
  return { network, secretariat: await roleHolders(db, actor, 'network_secretariat', network.id) };
}

async function checked(db: Kysely<DB>, form: unknown, creating: boolean): Promise<NetworkInput> {
  const r = parseNetwork((form && typeof form === 'object' ? form : {}) as Record<string, unknown>, creating);
  if (!r.ok) throw new ValidationError(r.issues);
  const issues: FieldIssue[] = [];
  for (const code of r.value.members) {
    const c = await getCountry(db, code);
    if (!c || !isState(c)) issues.push({ field: 'members', message: `"${code}" is not a State of the UN lists` });
  }
  if (issues.length) throw new ValidationError(issues.slice(0, 5));
  return r.value;
}

const columns = (v: NetworkInput) => ({ acronym: v.acronym, name: v.names.en, region: v.region, names: json(v.names), secretariat_authority_id: v.secretariat_authority_id });

export async function createNetwork(db: Kysely<DB>, ctx: AuditContext, form: unknown): Promise<string> {
  assertAllowed(ctx.actor, 'networks.manage');
  const v = await checked(db, form, true);
  return db.transaction().execute(async (trx) => {
    if (!(await repo.insertNetwork(trx, { id: v.id, ...columns(v) }))) throw new ConflictError(`A network "${v.id}" exists already`, [{ field: 'id', message: 'is taken' }]);
    await repo.replaceMembers(trx, v.id, v.members);
    await recordAudit(trx, ctx, { action: 'networks.create', targetType: 'network', targetId: v.id, changes: { acronym: v.acronym, names: v.names, region: v.region, members: v.members, secretariat_authority_id: v.secretariat_authority_id } });
    return v.id;
  });
}

export async function editNetwork(db: Kysely<DB>, ctx: AuditContext, id: unknown, form: unknown): Promise<void> {
  const { network } = await networkForAdmin(db, ctx.actor, id);
  const v = await checked(db, form, false);
  await db.transaction().execute(async (trx) => {
    await repo.updateNetwork(trx, network.id, columns(v));
    await repo.replaceMembers(trx, network.id, v.members);
    const before = { acronym: network.acronym, names: network.names, region: network.region, members: network.members, secretariat_authority_id: network.secretariat_authority_id };
    const after = { acronym: v.acronym, names: v.names, region: v.region, members: v.members, secretariat_authority_id: v.secretariat_authority_id };
    await recordAudit(trx, ctx, { action: 'networks.edit', targetType: 'network', targetId: network.id, changes: { before, after } });
  });
}

export async function grantSecretariat(db: Kysely<DB>, ctx: AuditContext, id: unknown, email: unknown): Promise<void> {
  const { network } = await networkForAdmin(db, ctx.actor, id);
  await grantScopedRole(db, ctx, 'network_secretariat', network.id, email);
}

export async function revokeSecretariat(db: Kysely<DB>, ctx: AuditContext, id: unknown, userId: unknown): Promise<void> {
  const { network } = await networkForAdmin(db, ctx.actor, id);
  await revokeScopedRole(db, ctx, 'network_secretariat', network.id, userId);
}
