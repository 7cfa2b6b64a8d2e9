/**
 * The public entry of the digest module: the only file other modules import (scripts/check-deps.ts).
 * Everything else in src/modules/digest/ is internal.
 */
export { DigestCard } from './pages/digest.js';
export { digestModel } from './service.js';
export type { Digest, DigestCase, DigestGroup, Grouping } from './domain/digest.js';
