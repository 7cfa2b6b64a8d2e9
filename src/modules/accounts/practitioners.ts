/** Practitioner status: a registered user asks; an administrator or the country's focal point decides. */
import type { Kysely } from 'kysely';
import { inTransaction } from '../../platform/db/batch.js';
import type { DB } from '../../platform/db/schema.js';
import { ConflictError, NotFoundError } from '../../platform/http/errors.js';
import { type Actor, assertAllowed, assertAllowedSomewhere } from '../access/index.js';
import { recordAudit, refusalsAudited, type AuditContext } from '../audit/index.js';
import type { AccountsEnv } from './env.js';
import { queueMail } from './mail.js';
import { decidePractitionerRequest, insertPractitionerRequest, selectPractitionerRequest, selectPractitionerRequests } from './repository/tokens.js';
import { insertGrant } from './repository/users.js';
import type { RequestStatus } from './tables.js';
import { AccountValidationError, Fields, issue, type Input } from './validation.js';

export async function requestPractitionerStatus(db: Kysely<DB>, ctx: AuditContext, input: Input, knownCountries: ReadonlySet<string>): Promise<string> {
  assertAllowed(ctx.actor, 'practitioner.request');
  const f = new Fields(input);
  const authority = f.text('authority_name', 300);
  const fn = f.text('function', 200);
  const country = f.text('country', 3);
  if (country && !knownCountries.has(country)) f.add('country', 'invalid');
  f.check();
  return inTransaction(db, async (trx) => {
    const row = await insertPractitionerRequest(trx, { user_id: ctx.actor.userId!, authority_name: authority!, function: fn!, country: country! });
    if (!row) throw new ConflictError('You already have a pending request', [{ field: 'authority_name', message: 'a request is already pending' }]);
    await recordAudit(trx, ctx, { action: 'practitioner.request', targetType: 'practitioner_request', targetId: row.id, changes: { authority_name: authority!, function: fn!, country: country! } });
    return row.id;
  });
}

export async function myPractitionerRequests(db: Kysely<DB>, actor: Actor) {
  if (!actor.userId) return [];
  return selectPractitionerRequests(db, { userId: actor.userId, limit: 20 });
}

/** Requests the actor may decide: all for administrators, their countries' for focal points. */
export async function practitionerRequestsToDecide(db: Kysely<DB>, actor: Actor, status: RequestStatus = 'pending', limit = 100) {
  const scope = assertAllowedSomewhere(actor, 'practitioner.approve');
  if (scope.all) return selectPractitionerRequests(db, { status, limit });
  return selectPractitionerRequests(db, { status, countries: scope.countries, limit });
}

export async function decidePractitioner(db: Kysely<DB>, env: AccountsEnv, ctx: AuditContext, requestId: string, input: Input): Promise<void> {
  if (!/^[0-9a-f-]{36}$/i.test(requestId)) throw new NotFoundError('No such request');
  const f = new Fields(input);
  const decision = input.decision;
  if (decision !== 'approve' && decision !== 'refuse') f.add('decision', 'invalid');
  const reason = f.text('reason', 2000, { required: decision === 'refuse', multiline: true });
  f.check();
  const event = { action: decision === 'approve' ? 'practitioner.approve' : 'practitioner.refuse', targetType: 'practitioner_request', targetId: requestId };
  await refusalsAudited(db, ctx, event, () => inTransaction(db, async (trx) => {
    const req = await selectPractitionerRequest(trx, requestId);
    if (!req) throw new NotFoundError('No such request');
    assertAllowed(ctx.actor, 'practitioner.approve', { country: req.country, requesterId: req.user_id });
    const status = decision === 'approve' ? 'approved' : 'refused';
    if (!(await decidePractitionerRequest(trx, requestId, { status, reason: reason ?? null, decided_by: ctx.actor.userId }))) {
      throw new AccountValidationError([issue('decision', 'invalid')]);
    }
    if (status === 'approved') await insertGrant(trx, { user_id: req.user_id, role: 'practitioner', country: null, authority_id: null, granted_by: ctx.actor.userId });
    const lang = req.lang;
    await queueMail(trx, env, {
      to: req.email,
      lang,
      kind: status === 'approved' ? 'approved' : 'refused',
      values: { name: req.display_name, authority: req.authority_name, reason: reason ?? '', link: `${env.config.publicUrl}/${lang}/account/practitioner` },
    });
    await recordAudit(trx, ctx, {
      action: status === 'approved' ? 'practitioner.approve' : 'practitioner.refuse',
      targetType: 'practitioner_request',
      targetId: requestId,
      changes: { status: { from: 'pending', to: status }, user_id: req.user_id, country: req.country, ...(reason ? { reason } : {}) },
    });
  }));
}
