import type { PalermoModule } from '../module.js';
import { demoCommands } from './cli.js';
import { seedDemo } from './service.js';
import { demoSignIns } from './sign-in.js';

/** The synthetic demo corpus: `palermo seed --demo`, `palermo demo --remove`, and the first start. */
export const demoModule: PalermoModule = {
  name: 'demo',
  commands: demoCommands,
  /** On the first start of an empty installation, load the default corpus unless PALERMO_DEMO=0. */
  async firstStart(runtime) {
    if (!runtime.config.demo) {
      runtime.logger.info('demo corpus not loaded (PALERMO_DEMO=0)');
      return;
    }
    runtime.logger.info('first start: loading the demo corpus (PALERMO_DEMO=0 to skip)');
    const report = await seedDemo(runtime.db, { size: 'default', logger: runtime.logger });
    if (!report.casework.authorities) return;
    // Demo mode only: new random credentials, printed once (docs/DEMO-DATA.md); `palermo seed --demo` prints new ones.
    for (const s of await demoSignIns(runtime.db, runtime.config, report.casework.authorities)) {
      runtime.logger.info(`demo sign-in, ${s.label}: ${s.email} / ${s.password} / TOTP secret ${s.totpSecret} (${s.otpauthUri})`);
    }
  },
};
