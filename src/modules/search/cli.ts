/** CLI of the search module: palermo reindex. */
import type { Command } from 'commander';
import { ValidationError } from '../../platform/http/errors.js';
import type { CliContext } from '../module.js';
import { reindexAll } from './indexer.js';

export function searchCommands(program: Command, cli: CliContext): void {
  program
    .command('reindex')
    .description('Rebuild every search document (in batches, each in its own transaction)')
    .option('--batch-size <n>', 'entries per batch', '500')
    .action(async (options: { batchSize: string }) => {
      const batchSize = Number(options.batchSize);
      if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) throw new ValidationError([{ field: '--batch-size', message: 'must be a whole number between 1 and 10000' }]);
      await cli.withRuntime(async (runtime) => {
        const started = Date.now();
        let lastPrinted = 0;
        const result = await reindexAll(runtime.db, {
          batchSize,
          onProgress: ({ done, total }) => {
            if (done === total || Date.now() - lastPrinted > 1000) {
              lastPrinted = Date.now();
              cli.print(`reindexed ${done}/${total} entries`);
            }
          },
        });
        cli.print(`done: ${result.done} entries in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      });
    });
}
