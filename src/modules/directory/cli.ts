/** `palermo directory import <file>`: import authorities (JSON Lines or CSV), all or nothing, published at once (each change kept as a revision). */
import fs from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import { CLI_ACTOR } from '../access/index.js';
import { ValidationError } from '../../platform/http/errors.js';
import type { CliContext } from '../module.js';
import { importAuthorities, type ImportFormat } from './import/service.js';

export function directoryCommands(program: Command, cli: CliContext): void {
  const dir = program.command('directory').description('The directory of competent national authorities');
  dir
    .command('import')
    .description('Import authorities from a JSON Lines or CSV file (see docs/DIRECTORY.md): all or nothing, published at once, each change kept as a revision')
    .argument('<file>', 'the file (.jsonl or .csv)')
    .option('--format <format>', 'jsonl or csv (default: from the extension)', (v: string) => {
      if (v !== 'jsonl' && v !== 'csv') throw new InvalidArgumentError('--format must be jsonl or csv');
      return v as ImportFormat;
    })
    .option('--dry-run', 'check the whole file, write nothing')
    .addHelpText('after', '\nExit codes: 0 imported (or valid with --dry-run); 2 invalid file (problems listed on stderr by line and field; nothing written).')
    .action(async (file: string, opts: { format?: ImportFormat; dryRun?: boolean }) => {
      const format: ImportFormat = opts.format ?? (file.toLowerCase().endsWith('.csv') ? 'csv' : 'jsonl');
      if (!fs.existsSync(file)) throw new ValidationError([{ field: 'file', message: `${file} does not exist` }]);
      const code = await cli.withRuntime(async (rt) => {
        try {
          const r = await importAuthorities(rt.db, { actor: CLI_ACTOR }, format, () => fs.createReadStream(file), { dryRun: !!opts.dryRun });
          cli.print(`${file}: ${r.read} authorities read; ${r.dryRun ? 'valid (dry run, nothing written)' : `${r.created} created, ${r.updated} updated, ${r.unchanged} unchanged`}`);
          return 0;
        } catch (err) {
          if (!(err instanceof ValidationError)) throw err;
          process.stderr.write(`error: ${file} was not imported (nothing was written): ${err.issues?.length ?? 0} problems\n`);
          for (const i of (err.issues ?? []).slice(0, 200)) process.stderr.write(`  line ${i.line ?? '?'}: ${i.field}: ${i.message}\n`);
          return 2;
        }
      });
      process.exitCode = code;
    });
}
