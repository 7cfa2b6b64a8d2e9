/** The import history's bookkeeping of live runs: who owns a run, its heartbeat, and runs left by dead processes. */
import os from 'node:os';
import type { Kysely } from 'kysely';
import { processAlive } from '../../../platform/db/lock.js';
import type { DB } from '../../../platform/db/schema.js';
import { HEARTBEAT_MS, interruptedMessage, interruptedRunIds } from '../domain/runs.js';
import { markImportRunsInterrupted, selectRunningImportRuns, touchImportRun } from '../repository.js';

/** This process, as recorded in the runs it starts. */
export function thisProcess(): { owner_host: string; owner_pid: number } {
  return { owner_host: os.hostname().slice(0, 255) || 'localhost', owner_pid: process.pid };
}

/** Refresh the run's heartbeat every HEARTBEAT_MS until the returned function is called. */
export function keepAlive(db: Kysely<DB>, runId: number): () => void {
  let pending = false;
  const timer = setInterval(() => {
    if (pending) return; // The database is busy (e.g. the embedded one's single connection): skip a beat.
    pending = true;
    touchImportRun(db, runId)
      .catch(() => undefined)
      .finally(() => (pending = false));
  }, HEARTBEAT_MS);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * At start: mark "interrupted" the runs still "running" whose process is gone (see interruptedRunIds).
 * `exclusive` when the database is this process's alone (embedded). Returns how many were marked.
 */
export async function markInterruptedImports(db: Kysely<DB>, exclusive: boolean): Promise<number> {
  const running = await selectRunningImportRuns(db);
  if (!running.length) return 0;
  const me = thisProcess();
  const ids = new Set(interruptedRunIds(running, { exclusive, host: me.owner_host, pid: me.owner_pid, gone: (pid) => !processAlive(pid) }));
  let marked = 0;
  for (const r of running) if (ids.has(r.id)) marked += await markImportRunsInterrupted(db, [r.id], interruptedMessage(r));
  return marked;
}
