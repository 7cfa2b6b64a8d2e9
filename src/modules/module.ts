import type { Command } from 'commander';
import type { RoutePlugin } from '../platform/http/app.js';
import type { JobDefinition } from '../platform/jobs/definition.js';
import type { Runtime } from '../runtime.js';

/** Output and runtime access for CLI commands. */
export interface CliContext {
  /** Open the database (migrated, reference data loaded), run, close. */
  withRuntime<T>(fn: (runtime: Runtime) => Promise<T>): Promise<T>;
  /** Write a line for the user (stdout). */
  print(line: string): void;
}

/** What a module contributes to Palermo. Modules are listed in src/modules/index.ts. */
export interface PalermoModule {
  name: string;
  /** HTTP routes (API and pages). */
  routes?: RoutePlugin[];
  /** CLI commands. */
  commands?: (program: Command, cli: CliContext) => void;
  /**
   * Subscribe to other modules' change announcements (platform/events.ts onChange). Called for every
   * module before anything else at start-up (openRuntime), so no change is announced unheard. Idempotent.
   */
  subscribe?: () => void;
  /** After migrations, at every start of the server and of any CLI command (idempotent, fast when nothing changed). */
  prepare?: (runtime: Runtime) => Promise<void>;
  /** Once, at the first start of the server on a new database. */
  firstStart?: (runtime: Runtime) => Promise<void>;
  /** Kinds of background job the module runs; queue one with enqueue(trx, name, data) from platform/jobs. */
  jobs?: JobDefinition<any, Runtime>[];
  /**
   * After `palermo restore` loaded a backup and migrated it to the code's schema (prepare() has run):
   * check that the module's restored data is whole (e.g. hash chains of case histories) or rebuild
   * what it derives from it. Return problems found (one line each, shown to the operator; the restore
   * then exits 1), or nothing. See src/restore.ts.
   */
  verifyRestore?: (runtime: Runtime) => Promise<string[] | void>;
}
