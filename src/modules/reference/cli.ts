/** palermo reference: show the state of the reference data, or reload it (--reload). */
import type { Command } from 'commander';
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
}
