/** `palermo admin create` and `palermo admin list`. No default password exists anywhere. */
import readline from 'node:readline';
import { Writable } from 'node:stream';
import type { Command } from 'commander';
import { isLang } from '../../platform/i18n/languages.js';
import { ValidationError } from '../../platform/http/errors.js';
import { CLI_ACTOR } from '../access/index.js';
import type { CliContext } from '../module.js';
import { checkAdministratorInput, createAdministrator, listAdministrators } from './admin.js';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

/** Ask for a password on the terminal without echoing it. */
function promptHidden(question: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk, _enc, cb) {
      if (!muted) process.stderr.write(chunk);
      cb();
    },
  });
  const rl = readline.createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
    muted = true;
  });
}

export function accountsCommands(program: Command, cli: CliContext): void {
  const admin = program.command('admin').description('Administrator accounts');

  admin
    .command('create')
    .description('Create an administrator. The password is asked on the terminal, or read from standard input (--password-stdin or a pipe). The second factor is enrolled at the first sign-in.')
    .requiredOption('--email <email>', 'e-mail address (it is considered verified)')
    .requiredOption('--name <name>', 'display name')
    .option('--lang <lang>', 'interface and e-mail language: ar, zh, en, fr, es or ru', 'en')
    .option('--password-stdin', 'read the password from standard input')
    .action(async (opts: { email: string; name: string; lang: string; passwordStdin?: boolean }) => {
      if (!isLang(opts.lang)) throw new ValidationError([{ field: 'lang', message: 'must be one of ar, zh, en, fr, es, ru' }]);
      let password: string;
      if (opts.passwordStdin || !process.stdin.isTTY) password = await readStdin();
      else {
        password = await promptHidden('Password: ');
        const again = await promptHidden('Password again: ');
        if (again !== password) throw new ValidationError([{ field: 'password', message: 'the two passwords differ' }]);
      }
      checkAdministratorInput({ email: opts.email, name: opts.name, password });
      const id = await cli.withRuntime((rt) => createAdministrator(rt.db, { actor: CLI_ACTOR }, { email: opts.email, name: opts.name, password, lang: opts.lang as never }));
      cli.print(`administrator created: ${opts.email} (${id}); sign in and enrol the second factor to use the role`);
    });

  admin
    .command('list')
    .description('List administrators')
    .action(async () => {
      const rows = await cli.withRuntime((rt) => listAdministrators(rt.db));
      if (!rows.length) cli.print('no administrator yet: create one with "palermo admin create --email ... --name ..."');
      for (const r of rows) {
        cli.print(`${r.email}\t${r.display_name}\t${r.totp_enabled_at ? 'second factor: yes' : 'second factor: NOT ENROLLED (role inactive)'}${r.disabled_at ? '\tdisabled' : ''}`);
      }
    });
}
