/** palermo reference: show the state of the reference data, or reload it (--reload); palermo import-instrument-text. */
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { ValidationError } from '../../platform/http/errors.js';
import { CLI_ACTOR } from '../access/index.js';
import { importInstrumentText } from './instrument-texts.js';
import type { CliContext } from '../module.js';
import { ensureReferenceData, lastReferenceLoad, type ReferenceLoadReport } from './loader.js';
import type { UpsertCounts } from './repository-write.js';

const counts = (c: UpsertCounts | undefined) => (c ? `${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged` : 'not loaded');

/** Human-readable lines describing a load. */
export function describeLoad(r: ReferenceLoadReport): string[] {
  if (!r.loaded) return [`reference data is current (version ${r.version}); nothing to do`];
  const lines = [
    `reference data loaded in ${Math.round(r.ms)} ms (version ${r.previousVersion ?? 'none'} -> ${r.version})`,
    `  regions:     ${counts(r.regions)}`,
    `  countries:   ${counts(r.countries)}`,
    `  terms:       ${counts(r.terms)}${r.terms?.removed.length ? `; removed ${r.terms.removed.join(', ')}` : ''}`,
    `  instruments: ${counts(r.instruments)} (${r.instruments?.articles ?? 0} articles)`,
  ];
  if (r.terms?.kept.length) lines.push(`  warning: terms no longer defined but still used by content were kept: ${r.terms.kept.join(', ')}`);
  if (r.countries?.notInSources.length) lines.push(`  warning: countries no longer in the sources were kept: ${r.countries.notInSources.join(', ')}`);
  return lines;
}

export function referenceCommands(program: Command, cli: CliContext): void {
  program
    .command('reference')
    .description('Reference data (countries, M49 regions, taxonomies, instruments): loaded automatically at start when its sources change')
    .option('--reload', 'reload everything now, even if the sources did not change, and print what changed')
    .action(async (opts: { reload?: boolean }) => {
      await cli.withRuntime(async (runtime) => {
        // Opening the runtime already loaded the data if its sources changed: report that load.
        const atStart = lastReferenceLoad(runtime.db);
        const report = atStart ?? (await ensureReferenceData(runtime.db, { force: Boolean(opts.reload), logger: runtime.logger }));
        for (const line of describeLoad(report)) cli.print(line);
      });
    });

  program
    .command('import-instrument-text')
    .description('Import an authentic language version of a shipped instrument (Markdown in the layout of resources/instruments/, or an Akoma Ntoso act; docs/REFERENCE-DATA.md)')
    .argument('<instrument>', 'id of the instrument, e.g. untoc, uncac, coe-cybercrime')
    .argument('<file>', 'Markdown file ("### Article N" lines, an optional "#### heading" after each, then the paragraphs) or Akoma Ntoso XML (an <act> with <article> elements)')
    .requiredOption('--lang <lang>', 'language of the text: an authentic language of the instrument (ar, zh, fr, es, ru; fr for Council of Europe treaties)')
    .option('--source <source>', 'where the text comes from (default: the file name)')
    .addHelpText('after', '\nExit codes: 0 imported; 2 invalid (problems listed on stderr by line; nothing written).')
    .action(async (instrument: string, file: string, opts: { lang: string; source?: string }) => {
      if (!fs.existsSync(file)) throw new ValidationError([{ field: 'file', message: `${file} does not exist` }]);
      const content = fs.readFileSync(file, 'utf8');
      const code = await cli.withRuntime(async (rt) => {
        try {
          const r = await importInstrumentText(rt.db, { ctx: { actor: CLI_ACTOR }, instrument, lang: opts.lang, content, source: opts.source ?? path.basename(file) });
          cli.print(`${r.instrument} (${r.lang}): ${r.articles} articles imported as the authentic text (${r.outcome}; treaty record ${r.record})`);
          if (r.missing.length) cli.print(`  not in the file, shown in English: articles ${r.missing.join(', ')}`);
          return 0;
        } catch (err) {
          if (!(err instanceof ValidationError)) throw err;
          process.stderr.write(`error: ${file} was not imported (nothing was written): ${err.issues?.length ?? 0} problems\n`);
          for (const i of (err.issues ?? []).slice(0, 200)) process.stderr.write(`  ${i.line ? `line ${i.line}` : i.field}: ${i.message}\n`);
          return 2;
        }
      });
      process.exitCode = code;
    });
}
