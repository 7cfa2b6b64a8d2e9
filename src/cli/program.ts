/** The palermo command's definition: global commands here, module commands from each module. */
import { pdfBrowser } from '../platform/pdf/chromium.js';
import { Command, CommanderError } from 'commander';
import { ConfigError, loadConfig } from '../config.js';
import { createLogger } from '../platform/log.js';
import { AppError } from '../platform/http/errors.js';
import { DataDirLockedError } from '../platform/db/lock.js';
import { NewerSchemaError } from '../platform/db/migrate.js';
import { ControlError } from '../platform/control.js';
import { operationsCommands } from './operations.js';
import { modules } from '../modules/index.js';
import type { CliContext } from '../modules/module.js';
import { openRuntime } from '../runtime.js';
import { listen } from '../server.js';

/** Exit codes: 0 success, 1 failure, 2 bad input or usage. */
export function reportAndExit(err: unknown): never {
  if (err instanceof CommanderError) {
    // Help and version exit 0; every other commander error is a usage error.
    process.exit(err.exitCode === 0 ? 0 : 2);
  }
  if (err instanceof AppError) {
    process.stderr.write(`error: ${err.message}\n`);
    for (const issue of err.issues ?? []) {
      process.stderr.write(`  ${issue.line !== undefined ? `line ${issue.line}: ` : ''}${issue.field}: ${issue.message}\n`);
    }
    process.exit(err.status < 500 ? 2 : 1);
  }
  if (err instanceof ConfigError || err instanceof DataDirLockedError || err instanceof NewerSchemaError) {
    process.stderr.write(`error: ${err.message}\n`);
    process.exit(2);
  }
  if (err instanceof ControlError) {
    process.stderr.write(`error: ${err.message}\n`);
    process.exit(err.code?.startsWith('backup-') ? 2 : 1);
  }
  process.stderr.write(`error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
}

/** Set when the reader of standard output went away (`palermo imports | head`). */
let stdoutClosed = false;

/**
 * When standard output is a pipe whose reader has gone (`| head`), stop printing but let the command
 * finish its work (an export or an import is never cut in the middle) and exit with its own code,
 * without an EPIPE stack trace.
 */
export function quietOnClosedStdout(): void {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE' || err.code === 'ERR_STREAM_DESTROYED') {
      stdoutClosed = true;
      return;
    }
    reportAndExit(err);
  });
}

export function buildProgram(): Command {
  const program = new Command('palermo')
    .description('Palermo: open platform for international cooperation in criminal matters')
    .showHelpAfterError()
    .exitOverride();

  const config = () => loadConfig();
  // CLI commands log warnings only; the server logs at LOG_LEVEL.
  const cliLogger = () => createLogger(process.env.LOG_LEVEL ? config().logLevel : 'warn', process.stderr as never);
  const cli: CliContext = {
    async withRuntime(fn) {
      const runtime = await openRuntime(config(), cliLogger());
      try {
        return await fn(runtime);
      } finally {
        await pdfBrowser.close();
        await runtime.database.close();
      }
    },
    print(line) {
      if (!stdoutClosed) process.stdout.write(`${line}\n`);
    },
  };

  program
    .command('serve')
    .description('Serve Palermo over HTTP (PORT, HOST); embedded database under DATA_DIR unless DATABASE_URL is set')
    .action(async () => {
      const cfg = config();
      const logger = createLogger(cfg.logLevel);
      const runtime = await openRuntime(cfg, logger, { firstStart: true });
      let server;
      try {
        server = await listen(runtime, cfg, logger);
      } catch (err) {
        await runtime.database.close();
        throw err;
      }
      let stopping = false;
      const stop = (signal: string) => {
        if (stopping) return;
        stopping = true;
        logger.info({ signal }, 'shutting down: finishing in-flight requests');
        server
          .close()
          .then(() => {
            logger.info('database closed; bye');
            process.exit(0);
          })
          .catch((err: unknown) => {
            logger.error({ err }, 'error during shutdown');
            process.exit(1);
          });
      };
      process.on('SIGTERM', () => stop('SIGTERM'));
      process.on('SIGINT', () => stop('SIGINT'));
    });

  operationsCommands(program, cli, config, cliLogger);

  for (const m of modules) m.commands?.(program, cli);
  return program;
}
