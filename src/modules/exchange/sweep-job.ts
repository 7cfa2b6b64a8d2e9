/**
 * The exchange's hourly sweep (a job of the durable queue, one run per hour slot for the installation,
 * each queueing the next; the key makes a second enqueue a no-op): chunks received from a partner
 * whose message never came (the sender gave up half-way, or a replay of chunks alone) are dropped
 * after EXCHANGE_CHUNK_MAX_AGE_HOURS. A chunk of a message still being delivered is younger than that.
 * Received messages nobody opened within EXCHANGE_RETRIEVAL_HOURS get NonRetrieval evidence
 * (retrieval-service.ts).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { enqueue, type JobDefinition } from '../../platform/jobs/index.js';
import type { Runtime } from '../../runtime.js';
import * as chunks from './repository/chunks.js';
import { noteNonRetrieval } from './retrieval-service.js';

export const SWEEP_JOB = 'exchange.sweep';
const HOUR_MS = 3_600_000;

/** Queue the run of this hour and of the next (no-ops when already kept): at every start, and by each run. */
export async function scheduleSweep(db: Kysely<DB>, now = new Date()): Promise<void> {
  const thisHour = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS);
  const next = new Date(thisHour.getTime() + HOUR_MS);
  await enqueue(db, SWEEP_JOB, {}, { key: thisHour.toISOString().slice(0, 13) });
  await enqueue(db, SWEEP_JOB, {}, { key: next.toISOString().slice(0, 13), startAfter: next });
}

/** Drop the incoming chunks older than `maxAgeHours` whose message never arrived; returns how many. */
export function sweepAbandonedChunks(db: Kysely<DB>, maxAgeHours: number, now = new Date()): Promise<number> {
  return chunks.dropAbandoned(db, new Date(now.getTime() - maxAgeHours * HOUR_MS));
}

export const sweepJob: JobDefinition<Record<string, never>, Runtime> = {
  name: SWEEP_JOB,
  retryLimit: 3,
  retryDelaySeconds: 60,
  expireInSeconds: 600,
  async handler(_data, _job, rt) {
    await scheduleSweep(rt.db);
    const dropped = await sweepAbandonedChunks(rt.db, rt.config.exchangeChunkMaxAgeHours);
    const unopened = await noteNonRetrieval(rt.db, rt.config);
    if (dropped || unopened) rt.logger.info({ dropped, unopened }, 'exchange: abandoned incoming chunks dropped, NonRetrieval evidence signed');
  },
};
