/**
 * The public entry of the reference module: the only file other modules import (scripts/check-deps.mjs).
 * Everything else in src/modules/reference/ is internal.
 */
export { countryName, getArticle, getCountry, getInstrument, listCountries, listCountriesInRegion, listInstruments, listRegions, listTerms, readTerm, referenceSignature, saveTermTexts, TERM_LABELS_CHANGED, termLabel } from './service.js';
export type { Article, ArticleSummary, Country, InstrumentSummary, Region, Term } from './service.js';
export type { Taxonomy } from './service.js';
