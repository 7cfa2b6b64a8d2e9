/**
 * The public entry of the jit module (joint investigation team workspaces): the only file other
 * modules import. Nothing is offered to other modules yet.
 */
export { MAX_DOCUMENT_BYTES } from './documents-service.js';
