/**
 * Which import runs still marked "running" were left so by a process that is gone (a crash, a kill,
 * a lost machine). Pure: the caller gives the runs and the facts about processes.
 */

/** The importing process refreshes its run's heartbeat this often. */
export const HEARTBEAT_MS = 30_000;
/** Without a heartbeat for this long (4 missed beats), a run's process counts as gone, whatever node it was on. */
export const STALE_SECONDS = 120;

export interface RunningRun {
  id: number;
  owner_host: string | null;
  owner_pid: number | null;
  /** Seconds since the last heartbeat (or the start, for runs recorded before heartbeats existed). */
  silent_s: number;
}

export interface ProcessFacts {
  /** This process holds the database alone (the embedded database's exclusive lock on DATA_DIR). */
  exclusive: boolean;
  host: string;
  pid: number;
  /** Is the process with this id on this host certainly gone? (false when alive or unknown) */
  gone(pid: number): boolean;
}

/**
 * The runs to mark interrupted: never one of this very process; every other one when the database is
 * ours alone; on a shared database, those whose process on this host is gone, and those of any host
 * whose heartbeat is stale.
 */
export function interruptedRunIds(runs: readonly RunningRun[], facts: ProcessFacts): number[] {
  return runs
    .filter((r) => {
      const local = r.owner_host === facts.host && r.owner_pid !== null;
      if (local && r.owner_pid === facts.pid) return false;
      if (facts.exclusive) return true;
      if (local && facts.gone(r.owner_pid!)) return true;
      return r.silent_s > STALE_SECONDS;
    })
    .map((r) => r.id);
}

export function interruptedMessage(r: Pick<RunningRun, 'owner_host' | 'owner_pid'>): string {
  const who = r.owner_host ? ` (host ${r.owner_host}, pid ${r.owner_pid ?? '?'})` : '';
  return `interrupted: the importing process${who} stopped before the import finished; nothing was written`;
}
