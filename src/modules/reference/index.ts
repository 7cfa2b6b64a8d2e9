/**
 * The public entry of the reference module: the only file other modules import (scripts/check-deps.mjs).
 * Everything else in src/modules/reference/ is internal.
 */
export { countryFormalName, countryKind, countryName, getCountry, isRequestable, isState, isStateKind, listStates, shippedCountries, listCountries, listCountriesInRegion, listRegions, listTerms, readTerm, referenceSignature, saveTermTexts, TERM_LABELS_CHANGED, termLabel } from './service.js';
export type { Country, Region, Term } from './service.js';
export type { PlaceKind, Taxonomy } from './service.js';
export { PLACE_KINDS, STATE_KINDS } from './definitions/un-names.js';
export { articleTitleFor, instrumentAuthenticLanguages, instrumentMetadataValue, instrumentShortName, isShippedInstrument, shippedInstrumentIds, translatedArticleTitle, translatedInstrumentTitle } from './instrument-labels.js';
export type { LabelText } from './instrument-labels.js';
export { previewInstrumentText, importInstrumentText } from './instrument-texts.js';
export type { TextPreview, ImportTextResult } from './instrument-texts.js';
export { provideAknArticleReader } from './akn-reader.js';
export type { AknArticleReader, AknArticlesRead } from './akn-reader.js';
