/**
 * The public entry of the directory module: the only file other modules import (scripts/check-deps.mjs).
 * Everything else in src/modules/directory/ is internal.
 */
export { removeDemoAuthorities, seedDemoAuthorities } from './demo.js';
export { CountryAuthorities } from './pages/country-block.js';
export { languageName } from './pages/ui.js';
export { authoritiesOfCountry, getAuthority } from './service.js';
export type { AuthorityView } from './service.js';
export { authorityNames } from './names.js';
export type { AuthorityName } from './names.js';
export { EmailSchema, Multilingual, PhoneNumberSchema } from './domain/schema.js';
export { Pagination } from './pages/ui.js';
