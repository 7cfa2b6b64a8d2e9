/**
 * A local control socket for the running server on the embedded database: the CLI cannot open
 * DATA_DIR while the server holds it (one process per PGlite directory), so `palermo backup` asks the
 * server to take the backup. The socket is DATA_DIR/palermo.sock, mode 0600: only the user who may
 * read DATA_DIR (and so every byte of the database) may use it. One JSON line each way.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Logger } from './log.js';

export type ControlHandler = (args: Record<string, unknown>) => Promise<unknown>;

export const controlSocketPath = (dataDir: string): string => path.join(dataDir, 'palermo.sock');

export interface ControlServer {
  close(): Promise<void>;
}

export async function startControlSocket(file: string, handlers: Record<string, ControlHandler>, logger: Logger): Promise<ControlServer> {
  fs.rmSync(file, { force: true }); // left by a process that died (the DATA_DIR lock proves it is gone)
  const server = net.createServer((socket) => {
    let input = '';
    socket.setEncoding('utf8');
    socket.on('error', () => undefined);
    socket.on('data', (chunk: string) => {
      input += chunk;
      if (input.length > 64 * 1024) socket.destroy();
      const at = input.indexOf('\n');
      if (at < 0) return;
      const reply = (value: unknown) => socket.end(`${JSON.stringify(value)}\n`);
      let request: { command?: string; args?: Record<string, unknown> };
      try {
        request = JSON.parse(input.slice(0, at));
      } catch {
        return reply({ ok: false, error: 'malformed request' });
      }
      const handler = request.command ? handlers[request.command] : undefined;
      if (!handler) return reply({ ok: false, error: `unknown command ${String(request.command)}` });
      logger.info({ command: request.command }, 'control command');
      handler(request.args ?? {}).then(
        (result) => reply({ ok: true, result }),
        (err: unknown) => reply({ ok: false, error: err instanceof Error ? err.message : String(err), code: (err as { code?: string }).code }),
      );
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(file, () => resolve());
  });
  fs.chmodSync(file, 0o600);
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        fs.rmSync(file, { force: true });
      }),
  };
}

export class ControlError extends Error {
  constructor(message: string, readonly code?: string) {
    super(message);
    this.name = 'ControlError';
  }
}

/** Send one command to the running server and wait for its answer. */
export function callControl(file: string, command: string, args: Record<string, unknown>): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(file);
    let output = '';
    socket.setEncoding('utf8');
    socket.on('connect', () => socket.write(`${JSON.stringify({ command, args })}\n`));
    socket.on('data', (chunk: string) => (output += chunk));
    socket.on('error', (err) => reject(new ControlError(`cannot reach the running server at ${file}: ${err.message}`)));
    socket.on('end', () => {
      try {
        const answer = JSON.parse(output) as { ok: boolean; result?: unknown; error?: string; code?: string };
        if (answer.ok) resolve(answer.result);
        else reject(new ControlError(answer.error ?? 'failed', answer.code));
      } catch {
        reject(new ControlError('the running server gave no answer'));
      }
    });
  });
}
