/** `palermo import`, `palermo export` and `palermo imports` (history). */
import fs from 'node:fs/promises';
import { InvalidArgumentError, type Command } from 'commander';
import type { CliContext } from '../module.js';
import { CSV_TYPES, isCsvType, type CsvType } from './domain/csv-columns.js';
import { formatIssues } from './domain/report.js';
import { DIRECTORY_FORMATS, exportToDirectory, type DirectoryFormat } from './export/directory.js';
import { EXPORT_TYPES, type ExportType } from './export/datasets.js';
import { importDirectory } from './import/directory.js';
import { IMPORT_FORMATS, describeImport, importFile, type ImportReport } from './import/service.js';
import type { ImportFormat } from './import/source.js';
import { analyzeTables, selectImportRuns } from './repository.js';

function oneOf<T extends string>(allowed: readonly T[], what: string) {
  return (value: string): T => {
    if (!(allowed as readonly string[]).includes(value)) throw new InvalidArgumentError(`${what} must be one of: ${allowed.join(', ')}`);
    return value as T;
  };
}

function listOf<T extends string>(allowed: readonly T[], what: string) {
  return (value: string): T[] => {
    const items = value.split(',').map((s) => s.trim()).filter(Boolean);
    const bad = items.filter((s) => !(allowed as readonly string[]).includes(s));
    if (!items.length || bad.length) throw new InvalidArgumentError(`${what} must be a comma-separated list of: ${allowed.join(', ')}${bad.length ? ` (not: ${bad.join(', ')})` : ''}`);
    return items as T[];
  };
}

function positive(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError('must be a positive whole number');
  return Number(value);
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Print the outcome of one file; returns the exit code it calls for. */
function report(cli: CliContext, r: ImportReport, maxErrors: number): number {
  for (const w of r.warnings.slice(0, maxErrors)) process.stderr.write(`warning: line ${w.line}: ${w.field}: ${w.message}\n`);
  if (r.outcome === 'succeeded') {
    cli.print(describeImport(r, r.file));
    return 0;
  }
  process.stderr.write(`error: ${describeImport(r, r.file)}\n`);
  for (const line of formatIssues(r.issues, r.issueCount, maxErrors)) process.stderr.write(`  ${line}\n`);
  return r.outcome === 'invalid' ? 2 : 1;
}

export function bulkCommands(program: Command, cli: CliContext): void {
  program
    .command('import')
    .description('Import knowledge content from a file, all or nothing: JSON Lines, CSV or Akoma Ntoso (see docs/IMPORT-FORMATS.md)')
    .argument('<file>', 'the file to import, or a directory written by "palermo export"')
    .option('--format <format>', `file format: ${IMPORT_FORMATS.join('|')} (default: from the extension: .jsonl, .csv, .xml)`, oneOf<ImportFormat>(IMPORT_FORMATS, '--format'))
    .option('--type <type>', `record type of a CSV file: ${CSV_TYPES.join('|')} (default: from the file name, e.g. cases.csv); for Akoma Ntoso law or case, checked against the document (not for JSON Lines)`, oneOf<CsvType>(CSV_TYPES, '--type'))
    .option('--dry-run', 'validate the whole file and report, but write nothing')
    .option('--max-errors <n>', 'problems to list (all are counted)', positive, 100)
    .addHelpText(
      'after',
      '\nExit codes: 0 imported (or valid, with --dry-run); 2 invalid file (the problems are listed on stderr, by line and field; nothing was written); 1 other failure (nothing was written).\nRe-importing the same file changes nothing.',
    )
    .action(async (file: string, opts: { format?: ImportFormat; type?: CsvType; dryRun?: boolean; maxErrors: number }) => {
      const isDir = (await fs.stat(file).catch(() => undefined))?.isDirectory();
      const options = { ...(opts.format ? { format: opts.format } : {}), ...(opts.type && isCsvType(opts.type) ? { type: opts.type } : {}), dryRun: opts.dryRun ?? false };
      const code = await cli.withRuntime(async (runtime) => {
        if (isDir) {
          let worst = 0;
          await importDirectory(runtime.db, file, { ...options, onFile: (r) => (worst = Math.max(worst, report(cli, r, opts.maxErrors))) });
          return worst;
        }
        return report(cli, await importFile(runtime.db, file, options), opts.maxErrors);
      });
      process.exitCode = code;
    });

  program
    .command('export')
    .description('Export all published knowledge content to a directory: one file per type and format, Akoma Ntoso per law, and manifest.json')
    .argument('<dir>', 'directory to write into (created if needed; files of the same names are replaced)')
    .option('--format <formats>', `comma-separated formats: ${DIRECTORY_FORMATS.join(',')} (default: all)`, listOf<DirectoryFormat>(DIRECTORY_FORMATS, '--format'))
    .option('--type <types>', `comma-separated types: ${EXPORT_TYPES.join(',')} (default: all)`, listOf<ExportType>(EXPORT_TYPES, '--type'))
    .addHelpText('after', '\nOnly published language versions are exported, never drafts. Demo records are included and flagged "demo": true.')
    .action(async (dir: string, opts: { format?: DirectoryFormat[]; type?: ExportType[] }) => {
      await cli.withRuntime(async (runtime) => {
        // Fresh planner statistics make the keyset pages fast (PGlite never analyzes by itself).
        await analyzeTables(runtime.db);
        const manifest = await exportToDirectory(runtime.db, dir, {
          ...(opts.format ? { formats: opts.format } : {}),
          ...(opts.type ? { types: opts.type } : {}),
          source: runtime.config.publicUrl,
          onFile: (f) => cli.print(`${f.path}: ${f.records} records${f.files !== undefined ? ` in ${f.files} files` : ''}, ${mb(f.bytes)}`),
        });
        cli.print(`manifest.json: ${manifest.files.length} datasets written to ${dir}`);
      });
    });

  program
    .command('imports')
    .description('List the latest imports (file, format, result, counts)')
    .option('--limit <n>', 'how many', positive, 20)
    .action(async (opts: { limit: number }) => {
      await cli.withRuntime(async (runtime) => {
        const runs = await selectImportRuns(runtime.db, opts.limit);
        if (!runs.length) cli.print('no imports yet');
        for (const r of runs) {
          const when = new Date(r.started_at).toISOString().replace('T', ' ').slice(0, 19);
          cli.print(`#${r.id} ${when} ${r.outcome}${r.dry_run ? ' (dry run)' : ''} ${r.format} ${r.file_name} sha256:${r.sha256?.slice(0, 12) ?? '-'} — ${r.message ?? ''}`);
        }
      });
    });
}
