/**
 * The `palermo casework` command group, shared by the casework command files (cli-data.ts: import,
 * export; cli.ts: verify): whichever registers first creates it, the others attach to it.
 */
import type { Command } from 'commander';

export function caseworkCommand(program: Command): Command {
  const existing = program.commands.find((c) => c.name() === 'casework');
  if (existing) return existing;
  return program.command('casework').description('Casework: import, export and verify the cases of an authority');
}
