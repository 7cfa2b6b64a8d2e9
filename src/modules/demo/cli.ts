/** `palermo seed --demo [--size small|default|large]` and `palermo demo --remove`. */
import { Option, type Command } from 'commander';
import { ValidationError } from '../../platform/http/errors.js';
import type { CliContext } from '../module.js';
import { DEMO_SIZES, type DemoSize } from './generator/corpus.js';
import { removeDemo, seedDemo } from './service.js';
import { demoSignIns } from './sign-in.js';

export function demoCommands(program: Command, cli: CliContext): void {
  program
    .command('seed')
    .description('Load data into the database; --demo loads the synthetic demo corpus (all flagged demo, ids "demo-…")')
    .option('--demo', 'load the demo corpus (re-running it changes nothing)')
    .addOption(new Option('--size <size>', 'corpus size: small ≈ 200 entries, default ≈ 5,000, large ≈ 50,000').choices(DEMO_SIZES).default('default'))
    .action(async (opts: { demo?: boolean; size: DemoSize }) => {
      if (!opts.demo) throw new ValidationError([{ field: '--demo', message: 'nothing to seed: pass --demo to load the demo corpus' }]);
      const { report, signIns } = await cli.withRuntime(async (rt) => {
        let shown = 0;
        const report = await seedDemo(rt.db, {
          size: opts.size,
          logger: rt.logger,
          onProgress(done, total) {
            // About ten progress lines, whatever the size.
            if (done === total || done - shown >= total / 10) {
              shown = done;
              cli.print(`  ${done.toLocaleString('en')} / ${total.toLocaleString('en')} records`);
            }
          },
        });
        const signIns = report.casework.authorities ? await demoSignIns(rt.db, rt.config, report.casework.authorities) : [];
        return { report, signIns };
      });
      const r = report.records;
      const types = Object.entries(report.byType)
        .map(([t, n]) => `${n.toLocaleString('en')} ${t}`)
        .join(', ');
      cli.print(`demo corpus (${report.size}) for ${report.countries} countries: ${types}`);
      cli.print(`  records: ${r.created} created, ${r.updated} updated, ${r.unchanged} unchanged${report.replaced ? ' (an earlier demo corpus was replaced)' : ''}`);
      cli.print(`  treaty participation: ${report.parties.written} written, ${report.parties.unchanged} unchanged`);
      if (report.missingInstruments.length) cli.print(`  not loaded, skipped: ${report.missingInstruments.join(', ')}`);
      const cw = report.casework;
      if (cw.authorities) {
        cli.print(`casework: ${cw.cases.toLocaleString('en')} demo requests of ${cw.authorities.authorityId} (${cw.open.toLocaleString('en')} open, ${cw.events.toLocaleString('en')} history events)${cw.unchanged ? ', unchanged' : `, ${cw.seconds} s`}`);
        cli.print('demo sign-in (new random passwords and second-factor secrets at every seed; add the secret or the otpauth URI to an authenticator app):');
        for (const s of signIns) cli.print(`  ${s.label}: ${s.email} / ${s.password} / TOTP secret ${s.totpSecret} (${s.otpauthUri})`);
      } else cli.print('casework: no demo central authority in the directory; no demo requests');
      cli.print(`  ${report.seconds} s`);
    });

  program
    .command('demo')
    .description('Manage the demo corpus: --remove deletes every demo entry, law and treaty participation, and nothing else')
    .option('--remove', 'delete the demo corpus')
    .action(async (opts: { remove?: boolean }) => {
      if (!opts.remove) throw new ValidationError([{ field: '--remove', message: 'say what to do: --remove deletes the demo corpus' }]);
      const removed = await cli.withRuntime((rt) => removeDemo(rt.db));
      cli.print(`demo corpus removed: ${removed.entries} entries, ${removed.laws} laws, ${removed.parties} treaty participations, ${removed.cases} casework requests; demo accounts disabled`);
    });
}
