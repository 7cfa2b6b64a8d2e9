/**
 * The public entry of the casework module: the only file other modules import (scripts/check-deps.ts).
 * Everything else in src/modules/casework/ is internal.
 */
export { CASE_KINDS, DIRECTIONS } from './domain/vocabulary.js';
export type { CaseKind, Direction } from './domain/vocabulary.js';
export { CASEWORK_DEMO_COUNTS, removeCaseworkDemo, seedCaseworkDemo } from './demo/service.js';
export type { CaseworkDemoReport, DemoAuthorities } from './demo/service.js';
export { LEGAL_BASIS_TYPES } from './domain/vocabulary.js';
export type { LegalBasisType } from './domain/vocabulary.js';
/** For the request writer: an outgoing draft is a case; its legal basis and its document are the case's. */
export { createOutgoing, getCase } from './service.js';
export type { CaseView, CaseRow } from './service.js';
export { setLegalBases } from './parts-service.js';
export { uploadDocument } from './documents-service.js';
export type { DocumentView } from './documents-service.js';
export { spoolDirOf } from './documents-spool.js';
/** For the forum's attachments: the same receiving (size, SHA-256, type by content) and serving of files. */
export { spoolUpload, UnsupportedTypeError, UploadTooLargeError } from './documents-spool.js';
export type { Spooled, UploadStream } from './documents-spool.js';
/** The one multipart receiver of upload forms (fields, CSRF token before the file, spooled file), used by the forum and JIT workspaces. */
export { receiveUpload, receiveRequiredUpload } from './upload-receiver.js';
export type { ReceiveOptions, ReceivedUpload } from './upload-receiver.js';
export { attachmentDisposition, safeFilename, servedType, ACCEPTED_TYPES } from './domain/documents.js';
/** For the exchange between installations: send an approved request, register one received, record exchange steps. */
export { caseForReply, markSentElectronically, moveCaseForExchange, outgoingForExchange, recordExchangeStep, registerReceivedRequest } from './exchange-service.js';
export type { ExchangeDocument, ExchangeTransitionResult, OutgoingForExchange, ReceivedRequest } from './exchange-service.js';
/** For JIT workspaces linking cases: what a reader may see of cases (reference, title), and a case of the reader's own authority by id or reference. */
export { ownCase, visibleCases } from './case-lookup.js';
export type { CaseGlimpse } from './case-lookup.js';
/** The case page's extension point: other modules' links about a case (registered at wiring time). */
export { provideCaseLinks } from './case-extensions.js';
export type { CaseLink, CaseLinkSupplier } from './case-extensions.js';
/** For the exchange's refusal form: the refusal grounds, labelled. */
export { refusalGroundChoices } from './pages/refusal-grounds.js';
