/**
 * The modules of Palermo, in start-up order. Each contributes routes, CLI commands and start-up hooks.
 * reference must come first (other modules' data refers to countries, instruments and taxonomies);
 * accounts comes before every module with routes: its global hooks (actor, session, CSRF) guard them.
 */
import type { PalermoModule } from './module.js';
import { referenceModule } from './reference/module.js';
import { accessModule } from './access/module.js';
import { auditModule } from './audit/module.js';
import { accountsModule } from './accounts/module.js';
import { knowledgeModule } from './knowledge/module.js';
import { searchModule } from './search/module.js';
import { bulkModule } from './bulk/module.js';
import { demoModule } from './demo/module.js';
import { portalModule } from './portal/module.js';
import { directoryModule } from './directory/module.js';
import { editorialModule } from './editorial/module.js';
import { caseworkModule } from './casework/module.js';
import { operationsModule } from './operations/module.js';
import { writerModule } from './writer/module.js';
import { legalBasisModule } from './legalbasis/module.js';
import { providersModule } from './providers/module.js';
import { digestModule } from './digest/module.js';
import { exchangeModule } from './exchange/module.js';
import { forumModule } from './forum/module.js';
import { jitModule } from './jit/module.js';
import { networksModule } from './networks/module.js';

export const modules: PalermoModule[] = [referenceModule, accessModule, auditModule, accountsModule, knowledgeModule, searchModule, bulkModule, demoModule, directoryModule, editorialModule, caseworkModule, exchangeModule, writerModule, providersModule, forumModule, jitModule, networksModule, operationsModule, legalBasisModule, digestModule, portalModule];
