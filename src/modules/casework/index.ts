/**
 * The public entry of the casework module: the only file other modules import (scripts/check-deps.ts).
 * Everything else in src/modules/casework/ is internal.
 */
export { CASE_KINDS, DIRECTIONS } from './domain/vocabulary.js';
export type { CaseKind, Direction } from './domain/vocabulary.js';
export { CASEWORK_DEMO_COUNTS, removeCaseworkDemo, seedCaseworkDemo } from './demo/service.js';
export type { CaseworkDemoReport, DemoAuthorities } from './demo/service.js';
