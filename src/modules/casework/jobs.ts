/**
 * The periodic deadline scan (issue 10 §4), a job of the durable queue: reminds the assigned officer
 * (and their deputies during an absence) before a deadline, tells the supervisors when one is overdue,
 * and prompts a chase when an executing authority has sent no news for the authority's chase period.
 * Each notification comes with an e-mail (accounts outbox, delivered by its job).
 *
 * Runs once per hour slot for the whole installation: each run is a job keyed by its hour, which
 * queues the next hour's run first (the key makes a second enqueue a no-op, so several nodes starting
 * or a retried run add nothing). Notifications are unique per user and key, and deadlines are marked
 * reminded in the same transaction, so a scan run twice notifies and mails once.
 */
import type { Kysely } from 'kysely';
import type { Config } from '../../config.js';
import type { DB } from '../../platform/db/schema.js';
import { enqueue, type JobDefinition } from '../../platform/jobs/index.js';
import type { Runtime } from '../../runtime.js';
import { usersOfAuthority } from '../accounts/index.js';
import { settingsOf } from './deadline-service.js';
import { chaseDue, deadlineNotice } from './domain/deadlines.js';
import { addDays, todayIso } from './domain/working-days.js';
import { mailNotifications, notify, type NewNotification } from './notification-service.js';
import { markReminded, selectActiveTracksOfOwner, selectDeputiesOf, selectOpenDeadlinesDueBy, selectScanAuthorities } from './repository/deadlines.js';
import { withCaseScope } from './repository/scope.js';

export const SCAN_DEADLINES = 'casework.scan_deadlines';
const HOUR_MS = 3_600_000;

/** The key of the run for the hour containing `at` (UTC), e.g. "2026-12-07T06". */
export const slotKey = (at: Date) => at.toISOString().slice(0, 13);

/** Queue the run of this hour and of the next (no-ops when already kept). At every start, and by each run. */
export async function scheduleScan(db: Kysely<DB>, now: Date = new Date()): Promise<void> {
  const thisHour = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS);
  const next = new Date(thisHour.getTime() + HOUR_MS);
  await enqueue(db, SCAN_DEADLINES, {}, { key: slotKey(thisHour) });
  await enqueue(db, SCAN_DEADLINES, {}, { key: slotKey(next), startAfter: next });
}

export interface ScanResult {
  authorities: number;
  notified: number;
  mailed: number;
}

/** One scan over every authority with open deadlines or active tracks, each in its own transaction and scope. */
export async function runDeadlineScan(db: Kysely<DB>, config: Config, today: string = todayIso()): Promise<ScanResult> {
  const result: ScanResult = { authorities: 0, notified: 0, mailed: 0 };
  for (const authorityId of await selectScanAuthorities(db)) {
    result.authorities++;
    const supervisors = [...new Set((await usersOfAuthority(db, authorityId, ['authority_supervisor'])).map((u) => u.id))];
    await db.transaction().execute(async (trx) => {
      const inserted = await withCaseScope(trx, [authorityId], async (s) => {
        const settings = await settingsOf(s, authorityId);
        const deputies = new Map<string, string[]>();
        const coverOf = async (userId: string) => {
          if (!deputies.has(userId)) deputies.set(userId, await selectDeputiesOf(s, authorityId, userId, today));
          return deputies.get(userId)!;
        };
        /** The assigned officer and whoever covers them today; the supervisors when nobody is assigned. */
        const officersOf = async (assigned: string | null) => (assigned ? [assigned, ...(await coverOf(assigned))] : supervisors);
        const list: (NewNotification & { reference: string | null })[] = [];
        for (const d of await selectOpenDeadlinesDueBy(s, authorityId, addDays(today, settings.remind_days_before))) {
          const notice = deadlineNotice({ id: d.id, dueOn: d.due_on, remindedAt: d.reminded_at, overdueNotifiedAt: d.overdue_notified_at }, today, settings.remind_days_before);
          if (!notice) continue;
          const data = { deadlineId: d.id, executionId: d.execution_id, label: d.label, dueOn: d.due_on };
          if (notice === 'remind') {
            for (const userId of await officersOf(d.assigned_to)) list.push({ userId, caseId: d.case_id, kind: 'deadline_soon', data, key: `soon:${d.id}:${d.due_on}`, reference: d.reference });
            await markReminded(s, d.id, 'reminded_at');
          } else {
            for (const userId of supervisors) list.push({ userId, caseId: d.case_id, kind: 'deadline_overdue', data, key: `overdue:${d.id}:${d.due_on}`, reference: d.reference });
            await markReminded(s, d.id, 'overdue_notified_at');
          }
        }
        for (const t of await selectActiveTracksOfOwner(s, authorityId)) {
          const since = chaseDue({ state: t.state, forwardedOn: t.forwarded_on, lastNewsOn: t.last_news_on, chasedOn: t.chased_on }, today, settings.chase_after_days);
          if (!since) continue;
          const data = { executionId: t.id, executingName: t.executing_name, since, days: settings.chase_after_days };
          for (const userId of await officersOf(t.assigned_to)) list.push({ userId, caseId: t.case_id, kind: 'chase_due', data, key: `chase:${t.id}:${since}`, reference: t.reference });
        }
        const refs = new Map(list.map((n) => [n.caseId, n.reference]));
        return (await notify(s, list)).map((n) => ({ ...n, reference: refs.get(n.case_id) ?? null }));
      });
      result.notified += inserted.length;
      // The mail (accounts outbox) is written after the scope, as the application's role, in the same transaction.
      result.mailed += await mailNotifications(trx, config, inserted);
    });
  }
  return result;
}

export const scanDeadlinesJob: JobDefinition<Record<string, never>, Runtime> = {
  name: SCAN_DEADLINES,
  retryLimit: 3,
  retryDelaySeconds: 60,
  expireInSeconds: 1800,
  async handler(_data, _job, runtime) {
    await scheduleScan(runtime.db);
    const r = await runDeadlineScan(runtime.db, runtime.config);
    if (r.notified) runtime.logger.info({ ...r }, 'casework deadline scan');
  },
};
