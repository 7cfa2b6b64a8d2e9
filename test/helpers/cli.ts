/** Run the `palermo` command from the sources as an operator would (a real process). */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Start `palermo <args>` (demo off, errors-only logs); the caller waits for it or stops it. */
export function startPalermo(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { cwd: root, env: { ...process.env, ...env, PALERMO_DEMO: '0', LOG_LEVEL: 'error' } });
}

/** Run `palermo <args>` to its end with `stdin` as standard input. */
export function palermo(args: string[], stdin: string, env: Record<string, string>): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = startPalermo(args, env);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d: Buffer) => (stdout += d));
    child.stderr!.on('data', (d: Buffer) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin!.end(stdin);
  });
}
