/**
 * The public entry of the writer module: the only file other modules import (scripts/check-deps.ts).
 */
export { MODEL_FORMS, WRITER_KINDS, isWriterKind } from './domain/kinds.js';
export type { WriterKind } from './domain/kinds.js';
export type { BasisSuggestion, LegalBasisQuery } from './legal-basis.js';
