import type { PalermoModule } from '../module.js';
import { legalBasisApi } from './api.js';
import { legalBasisCommands } from './cli.js';
import { importShippedStatus } from './import-service.js';
import { legalBasisPages } from './routes.js';
import { provideLegalBasisToLookup } from './lookup.js';

/**
 * Treaty status as published by the depositary (import) and the legal basis finder: page
 * /{lang}/legal-basis, API /api/v1/legal-basis, the "legal basis" part of the directory lookup.
 */
export const legalBasisModule: PalermoModule = {
  name: 'legalbasis',
  routes: [legalBasisApi, legalBasisPages],
  commands: legalBasisCommands,
  subscribe() {
    provideLegalBasisToLookup();
  },
  /** Real status replaces the demo parties of the five UN instruments at the first start (after the demo seed). */
  async firstStart(runtime) {
    const report = await importShippedStatus(runtime.db);
    runtime.logger.info({ instruments: report.instruments.map((i) => `${i.instrument}: ${i.parties}`) }, 'first start: treaty status as published by the depositary (2014) loaded');
  },
};
