/**
 * The public entry of the exchange module (secure exchange between Palermo installations, docs/EXCHANGE.md):
 * the only file other modules import. Nothing imports it yet: casework does not know the exchange.
 */
export { caseExchange } from './evidence-service.js';
export type { MessageStatusView } from './evidence-service.js';
export { verifyEvidence } from './domain/verify.js';
