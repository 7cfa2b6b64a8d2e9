/**
 * `palermo casework import <file> --authority ID [--format jsonl|csv] [--dry-run]` and
 * `palermo casework export --authority ID [--format jsonl|csv] [file]`. The command line acts for the
 * authority it names (whoever runs it holds the database).
 */
import fs from 'node:fs';
import { once } from 'node:events';
import { Option, type Command } from 'commander';
import { ValidationError } from '../../platform/http/errors.js';
import { CLI_ACTOR } from '../access/index.js';
import type { CliContext } from '../module.js';
import { caseworkCommand } from './cli-group.js';
import { exportText, type ExportFormat } from './export/service.js';
import { importCases } from './import/service.js';
import type { ImportFormat } from './import/sources.js';

const AUTHORITY = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,119}$/;

/** Until the stream can take more, or is gone (closed or failed: the export goes on without it). */
function drained(out: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      out.off('drain', done).off('close', done).off('error', done);
      resolve();
    };
    out.on('drain', done).on('close', done).on('error', done);
  });
}

function checkAuthority(id: string): void {
  if (!AUTHORITY.test(id)) throw new ValidationError([{ field: '--authority', message: `is not an authority identifier (${id})` }]);
}

export function caseworkDataCommands(program: Command, cli: CliContext): void {
  const casework = caseworkCommand(program);

  casework
    .command('import <file>')
    .description('Import the cases of an authority from a JSON Lines or CSV file (docs/IMPORT-FORMATS.md): all or nothing, every problem named with its line and field')
    .requiredOption('--authority <id>', 'directory identifier of the authority the cases belong to')
    .addOption(new Option('--format <format>', 'file format (default: from the file name, .csv or else JSON Lines)').choices(['jsonl', 'csv']))
    .option('--dry-run', 'check the file and report, write nothing')
    .action(async (file: string, opts: { authority: string; format?: ImportFormat; dryRun?: boolean }) => {
      checkAuthority(opts.authority);
      if (!fs.existsSync(file)) throw new ValidationError([{ field: 'file', message: `not found: ${file}` }]);
      const format: ImportFormat = opts.format ?? (file.toLowerCase().endsWith('.csv') ? 'csv' : 'jsonl');
      const report = await cli.withRuntime((rt) => importCases(rt.db, fs.createReadStream(file), { authorityId: opts.authority, format, dryRun: opts.dryRun, actor: CLI_ACTOR }));
      if (report.errors.length) {
        throw new ValidationError(report.errors, `${file}: ${report.errors.length}${report.truncated ? '+' : ''} problem(s); nothing was imported`);
      }
      if (report.dryRun) cli.print(`${file}: ${report.cases} case(s) would be imported for ${report.authorityId} (dry run: nothing written)`);
      else cli.print(`${file}: ${report.cases} case(s) imported for ${report.authorityId}`);
      for (const c of report.counters) cli.print(`  ${c.direction} references of ${c.year}: numbering continues after ${c.number}`);
    });

  casework
    .command('export [file]')
    .description('Export the cases of an authority (JSON Lines with the hash-chained history, or CSV without it) to a file or standard output; each case exported is logged')
    .requiredOption('--authority <id>', 'directory identifier of the authority')
    .addOption(new Option('--format <format>', 'jsonl (default) or csv').choices(['jsonl', 'csv']).default('jsonl'))
    .action(async (file: string | undefined, opts: { authority: string; format: ExportFormat }) => {
      checkAuthority(opts.authority);
      await cli.withRuntime(async (rt) => {
        const out = file ? fs.createWriteStream(file) : process.stdout;
        let cases = 0;
        for await (const chunk of exportText(rt.db, { authorityId: opts.authority, format: opts.format, actor: CLI_ACTOR })) {
          cases++;
          // A reader gone away (`| head`): the export still runs to its end, quietly.
          if (out.destroyed) continue;
          if (!out.write(chunk)) await drained(out);
        }
        if (file) {
          out.end();
          await once(out, 'finish');
          process.stderr.write(`${file}: ${opts.format === 'csv' ? cases - 1 : cases} case(s) exported\n`);
        }
      });
    });
}
