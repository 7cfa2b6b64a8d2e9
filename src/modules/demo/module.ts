import type { PalermoModule } from '../module.js';
import { demoCommands } from './cli.js';
import { seedDemo } from './service.js';

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
    await seedDemo(runtime.db, { size: 'default', logger: runtime.logger });
  },
};
