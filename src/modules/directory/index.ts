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
/** Headless Chromium printing of an HTML file to PDF (the book's; also the request writer's documents). */
export { printToPdf, ChromiumMissingError } from './export/pdf.js';
/** The file cache of generated books (single flight, one build at a time, atomic rename): also the digest of cases'. */
export { cachedBook } from './export/book-cache.js';
export type { BookKey } from './export/book-cache.js';
export { provideLookupSupplement } from './lookup-supplement.js';
export type { LookupSupplement, LookupSupplementInput } from './lookup-supplement.js';
export { EmailSchema, Multilingual, PhoneNumberSchema } from './domain/schema.js';
export { Pagination } from './pages/ui.js';
