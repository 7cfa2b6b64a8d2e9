/**
 * Scheduled backups through the job queue: one `operations.backup` job per slot of BACKUP_SCHEDULE
 * (cron, UTC), queued with startAfter = the slot and a key naming the slot, so that every node (each
 * queues the next slot at start-up) queues it once and one node runs it. Each run first queues the
 * next slot, then backs up; a run that still fails after its retries mails the administrators.
 */
import cronParser from 'cron-parser';
import { enqueue, type JobDefinition } from '../../platform/jobs/index.js';
import type { Runtime } from '../../runtime.js';
import { mailAdministrators } from '../accounts/index.js';
import { runBackup } from './service.js';

export const BACKUP_JOB = 'operations.backup';

export interface BackupJobData {
  /** The schedule the job was queued for (a job of a schedule no longer configured does nothing). */
  schedule: string;
  /** The slot, ISO time. */
  slot: string;
}

/** The first slot of a cron schedule (UTC) strictly after `after`. */
export function nextSlot(schedule: string, after: Date): Date {
  return cronParser.parseExpression(schedule, { currentDate: after, utc: true }).next().toDate();
}

/** Queue the backup of the next slot after `after` (idempotent: one job per slot). */
export async function scheduleNextBackup(runtime: Runtime, after: Date = new Date()): Promise<Date | undefined> {
  const schedule = runtime.config.backupSchedule;
  if (!schedule) return undefined;
  const slot = nextSlot(schedule, after);
  await enqueue(runtime.db, BACKUP_JOB, { schedule, slot: slot.toISOString() } satisfies BackupJobData, { key: `${schedule}@${slot.toISOString()}`, startAfter: slot });
  return slot;
}

export const backupJob: JobDefinition<BackupJobData, Runtime> = {
  name: BACKUP_JOB,
  retryLimit: 2,
  retryDelaySeconds: 300,
  expireInSeconds: 6 * 3600,
  async handler(data, job, runtime) {
    if (data.schedule !== runtime.config.backupSchedule) return;
    // The chain goes on whatever this run does; a run days late does not replay the missed slots.
    const slot = new Date(data.slot);
    await scheduleNextBackup(runtime, slot > new Date() ? slot : new Date());
    try {
      await runBackup(runtime, { trigger: 'schedule' });
    } catch (err) {
      if (job.lastAttempt) {
        const site = runtime.config.publicUrl;
        await mailAdministrators(runtime.db, runtime.config, 'backup_failed', (lang) => ({
          site,
          time: new Date().toISOString().replace('T', ' ').slice(0, 16),
          error: (err instanceof Error ? err.message : String(err)).slice(0, 500),
          page: `${site}/${lang}/admin/backups`,
        }));
      }
      throw err;
    }
  },
};
