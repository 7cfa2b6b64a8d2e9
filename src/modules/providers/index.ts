/**
 * The public entry of the providers module (electronic evidence hub): the only file other modules
 * import (scripts/check-deps.ts). Everything else in src/modules/providers/ is internal.
 */
export { removeDemoProviders, seedDemoProviders } from './demo.js';
export { nationalProvisions } from './provisions.js';
export type { NationalProvisionsModel } from './provisions.js';
export { NationalProvisions } from './pages/provisions.js';
export { PROVIDERS_CHANGED, providerPath, publicProviders, publishedProviderIds } from './changes.js';
export type { ProvidersChanged, PublicProvider } from './changes.js';
export type { ProviderDocument } from './domain/schema.js';
