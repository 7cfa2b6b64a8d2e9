/** palermo import-treaty-status <dir|file>: load treaty status as published by the depositary (docs/LEGAL-BASIS.md). */
import type { Command } from 'commander';
import type { CliContext } from '../module.js';
import { importTreatyStatus, SHIPPED_STATUS, StatusImportError } from './import-service.js';

export function legalBasisCommands(program: Command, cli: CliContext): void {
  program
    .command('import-treaty-status')
    .description('Replace the parties of UNTOC, its Protocols and UNCAC with the status as published by the UN depositary, from CSV files in its layout (18-12.csv, 18-12-a.csv, 18-12-b.csv, 18-12-c.csv, 18-14.csv), all or nothing')
    .argument('[path]', 'a directory of such files, or one file', SHIPPED_STATUS.dir)
    .option('--as-of <date>', 'when the depositary published this status: YYYY, YYYY-MM or YYYY-MM-DD (shown as "status as published by the depositary, as of ...")', SHIPPED_STATUS.asOf)
    .option('--source <text>', 'where the files come from', SHIPPED_STATUS.source)
    .option('--dry-run', 'check every file and report, but write nothing')
    .addHelpText('after', '\nExit codes: 0 imported (or valid, with --dry-run); 2 invalid files (each problem listed on stderr as file:line: field: message; nothing was written).\nParticipants are named by their UN English short name; non-State participants (the European Union) are reported and not written.')
    .action(async (target: string, opts: { asOf: string; source: string; dryRun?: boolean }) => {
      const code = await cli.withRuntime(async (runtime) => {
        try {
          const report = await importTreatyStatus(runtime.db, target, { asOf: opts.asOf, source: opts.source, dryRun: opts.dryRun ?? false });
          for (const r of report.instruments) {
            const what = r.unchanged ? 'unchanged' : report.dryRun ? 'valid' : `${r.removed} earlier parties removed`;
            cli.print(`${r.file} -> ${r.instrument}: ${r.parties} States (${what})${r.skipped.length ? `; not States, not written: ${r.skipped.join(', ')}` : ''}`);
          }
          cli.print(report.dryRun ? 'dry run: nothing written' : `status as published by the depositary, as of ${opts.asOf}`);
          return 0;
        } catch (err) {
          if (!(err instanceof StatusImportError)) throw err;
          for (const p of err.problems) process.stderr.write(`${p.file}:${p.line}: ${p.field}: ${p.message}\n`);
          process.stderr.write('nothing was written\n');
          return 2;
        }
      });
      process.exitCode = code;
    });
}
