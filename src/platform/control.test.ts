import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { callControl, ControlError, startControlSocket } from './control.js';
import { createLogger } from './log.js';

describe('control socket', () => {
  it('runs a command of the running server for a local caller, and reports its errors', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palermo-control-'));
    const file = path.join(dir, 'palermo.sock');
    fs.writeFileSync(file, 'left by a process that died');
    const server = await startControlSocket(
      file,
      {
        echo: async (args) => ({ got: args.value }),
        fail: async () => {
          throw Object.assign(new Error('no room left'), { code: 'backup-exists' });
        },
      },
      createLogger('silent'),
    );
    try {
      assert.equal(fs.statSync(file).mode & 0o777, 0o600);
      assert.deepEqual(await callControl(file, 'echo', { value: 42 }), { got: 42 });
      await assert.rejects(callControl(file, 'fail', {}), (err: unknown) => err instanceof ControlError && err.code === 'backup-exists' && /no room left/.test(err.message));
      await assert.rejects(callControl(file, 'nope', {}), /unknown command nope/);
    } finally {
      await server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
    await assert.rejects(callControl(file, 'echo', {}), /cannot reach the running server/);
  });
});
