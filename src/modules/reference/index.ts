/**
 * The public entry of the reference module: the only file other modules import (scripts/check-deps.mjs).
 * Everything else in src/modules/reference/ is internal.
 */
export { countryName, getCountry, listCountries, listCountriesInRegion, listRegions, listTerms, readTerm, referenceSignature, saveTermTexts, TERM_LABELS_CHANGED, termLabel } from './service.js';
export type { Country, Region, Term } from './service.js';
export type { Taxonomy } from './service.js';
