/**
 * Publication of an authority's aggregate figures on the public portal. Public pages never run as an
 * authority: the figures are computed here, in the authority's scope, suppressed (domain/public.ts)
 * and copied to casework_public_statistics, which the public pages read. Refreshed at publication
 * and every night by the job casework.refresh_public_statistics (self-rescheduling).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import { ConflictError } from '../../../platform/http/errors.js';
import { enqueue, type JobDefinition } from '../../../platform/jobs/index.js';
import type { Runtime } from '../../../runtime.js';
import { allow, assertAllowed, type Actor } from '../../access/index.js';
import { recordAudit, type AuditContext } from '../../audit/index.js';
import { withCaseScope } from '../repository/scope.js';
import { publicFigures } from './domain/public.js';
import { deletePublished, replacePublished, selectPublishingAuthorities, selectSettings, selectYears, updatePublication } from './repository.js';
import { computeFigures } from './service.js';

export const REFRESH_JOB = 'casework.refresh_public_statistics';

/** Recompute and store the published figures of one authority (removes them if it no longer publishes). */
export async function refreshPublication(db: Kysely<DB>, authorityId: string, now = new Date()): Promise<{ published: boolean; years: number }> {
  const settings = (await withCaseScope(db, [authorityId], selectSettings)).find((s) => s.authority_id === authorityId);
  if (!settings?.publish_statistics) {
    await deletePublished(db, authorityId);
    return { published: false, years: 0 };
  }
  const scope = { authorityIds: [authorityId] };
  const years = [...new Set([now.getUTCFullYear(), ...(await selectYears(db, scope))])].sort();
  const out: { year: number; figures: unknown }[] = [];
  for (const year of years) out.push({ year, figures: publicFigures(await computeFigures(db, scope, { year, direction: null, kind: null }, now)) });
  const write = (trx: Kysely<DB>) => replacePublished(trx, authorityId, settings.country, out);
  if (db.isTransaction) await write(db);
  else await db.transaction().execute(write);
  return { published: true, years: out.length };
}

/** The next night's run (02:00 UTC after `now`). */
export function nextNight(now: Date): Date {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 2));
  if (d <= now) d.setUTCDate(d.getUTCDate() + 1);
  return d;
}

/** Queue the nightly refresh (once per night: keyed by its date). */
export async function scheduleNightly(trx: Kysely<DB>, now: Date): Promise<void> {
  const at = nextNight(now);
  await enqueue(trx, REFRESH_JOB, {}, { startAfter: at, key: `nightly:${at.toISOString().slice(0, 10)}` });
}

/**
 * Switch publication of an authority's figures on or off (its supervisor: casework.supervise).
 * On: the figures are computed and published in the same transaction, and the nightly refresh is
 * queued. Off: the published figures are removed at once.
 */
export async function setPublication(db: Kysely<DB>, ctx: AuditContext, authorityId: string, publish: boolean, now = new Date()): Promise<{ published: boolean; years: number }> {
  assertAllowed(ctx.actor, 'casework.supervise', { authorityId });
  return db.transaction().execute(async (trx) => {
    const updated = await withCaseScope(trx, [authorityId], (s) => updatePublication(s, authorityId, publish));
    if (!updated) throw new ConflictError('The authority has no casework settings yet: its State must be known before figures are published', [{ field: 'authority', message: 'has no casework settings' }]);
    await recordAudit(trx, ctx, { action: 'casework.statistics_publication', targetType: 'authority', targetId: authorityId, changes: { publish_statistics: { from: !publish, to: publish } } });
    const result = await refreshPublication(trx, authorityId, now);
    if (publish) await scheduleNightly(trx, now);
    return result;
  });
}

/** The job: one authority (data.authorityId), or every publishing authority then the next night's run. */
export const refreshPublicStatisticsJob: JobDefinition<{ authorityId?: string }, Runtime> = {
  name: REFRESH_JOB,
  retryLimit: 3,
  expireInSeconds: 3600,
  async handler(data, _job, runtime) {
    const now = new Date();
    if (data.authorityId) {
      await refreshPublication(runtime.db, data.authorityId, now);
      return;
    }
    const ids = await selectPublishingAuthorities(runtime.db);
    for (const id of ids) await refreshPublication(runtime.db, id, now);
    if (ids.length) await scheduleNightly(runtime.db, now);
  },
};

/** Whether the authority publishes, for its supervisor's page; null for anyone else (no form shown). */
export async function publicationOf(db: Kysely<DB>, actor: Actor, authorityId: string): Promise<boolean | null> {
  if (!allow(actor, 'casework.supervise', { authorityId })) return null;
  const s = (await withCaseScope(db, [authorityId], selectSettings)).find((x) => x.authority_id === authorityId);
  return s ? s.publish_statistics : null;
}
