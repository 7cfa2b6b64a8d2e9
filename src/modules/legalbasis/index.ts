/**
 * The public entry of the legalbasis module: the only file other modules import (scripts/check-deps.ts).
 * Everything else in src/modules/legalbasis/ is internal.
 */
export { findLegalBasis, statusSources } from './service.js';
export type { LegalBasisQuery } from './service.js';
export type { LegalBasis, InstrumentResult, Step, Statement } from './domain/finder.js';
export { LEGAL_BASIS_KINDS, isLegalBasisKind } from './domain/kinds.js';
export type { LegalBasisKind } from './domain/kinds.js';
export { DepositaryNote, EntryIntoForceCell, LegalBasisLink } from './pages/answer.js';
