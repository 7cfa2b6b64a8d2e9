import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { STALE_SECONDS, interruptedMessage, interruptedRunIds, type RunningRun } from './runs.js';

describe('import runs left by a stopped process', () => {
  const me = { host: 'node-a', pid: 100 };
  const dead = new Set([200]);
  const facts = (exclusive: boolean) => ({ exclusive, ...me, gone: (pid: number) => dead.has(pid) });
  const runs: RunningRun[] = [
    { id: 1, owner_host: 'node-a', owner_pid: 100, silent_s: 10_000 }, // this very process: never
    { id: 2, owner_host: 'node-a', owner_pid: 200, silent_s: 5 }, // same host, process gone
    { id: 3, owner_host: 'node-a', owner_pid: 300, silent_s: 5 }, // same host, alive
    { id: 4, owner_host: 'node-b', owner_pid: 200, silent_s: 5 }, // other node, fresh heartbeat
    { id: 5, owner_host: 'node-b', owner_pid: 400, silent_s: STALE_SECONDS + 1 }, // other node, silent
    { id: 6, owner_host: null, owner_pid: null, silent_s: 30 }, // recorded before owners, recent
    { id: 7, owner_host: null, owner_pid: null, silent_s: 86_400 }, // recorded before owners, old
  ];

  it('on a shared database, marks only runs whose process is gone or silent', () => {
    assert.deepEqual(interruptedRunIds(runs, facts(false)), [2, 5, 7]);
  });

  it('on a database held alone (embedded), marks every run of another process', () => {
    assert.deepEqual(interruptedRunIds(runs, facts(true)), [2, 3, 4, 5, 6, 7]);
  });

  it('says which process stopped', () => {
    assert.match(interruptedMessage({ owner_host: 'node-b', owner_pid: 400 }), /^interrupted: the importing process \(host node-b, pid 400\) stopped .*nothing was written$/);
    assert.match(interruptedMessage({ owner_host: null, owner_pid: null }), /^interrupted: the importing process stopped/);
  });
});
