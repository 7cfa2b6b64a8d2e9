/** `palermo casework verify [--authority ID...]`: recompute every case's hash chain; exit 1 naming the case and event when one is broken. */
import type { Command } from 'commander';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { CliContext } from '../module.js';
import { caseOwnerAuthorities } from './repository/cases.js';
import { describeFailure, verifyAll } from './verify-service.js';
import { caseworkCommand } from './cli-group.js';

/** Verify and report; returns the exit code (0 all verified, 1 a chain is broken). */
export async function verifyCommand(db: Kysely<DB>, authorities: string[], print: (line: string) => void, printError: (line: string) => void): Promise<number> {
  const list = authorities.length ? authorities : await caseOwnerAuthorities(db);
  if (!list.length) {
    print('No cases to verify.');
    return 0;
  }
  const r = await verifyAll(db, list, {
    onFailure: (f) => printError(`BROKEN ${describeFailure(f)}`),
  });
  const seconds = r.ms / 1000;
  const rate = seconds > 0 ? Math.round(r.events / seconds) : r.events;
  print(`${r.cases} cases, ${r.events} events verified in ${seconds.toFixed(2)} s (${rate} events/s); ${r.failures.length} broken`);
  return r.failures.length ? 1 : 0;
}

export function caseworkCommands(program: Command, cli: CliContext): void {
  const cw = caseworkCommand(program);
  cw.command('verify')
    .description('Recompute the hash chain of every case history (all authorities, or those named)')
    .option('--authority <id...>', 'directory id of an authority whose cases to verify (repeatable)')
    .addHelpText('after', '\nExit codes: 0 every history verifies; 1 a history is broken (the case and the first failing event are named on stderr).')
    .action(async (opts: { authority?: string[] }) => {
      process.exitCode = await cli.withRuntime((rt) => verifyCommand(rt.db, opts.authority ?? [], cli.print, (l) => process.stderr.write(`${l}\n`)));
    });
}
