/**
 * The public entry of the accounts module: the only file other modules import (scripts/check-deps.mjs).
 * Its routes and commands are plugged in by src/modules/index.ts; other modules use only the form
 * token check (multipart forms are parsed by their route, after the global hook).
 */
export { assertFormToken } from './http/hooks.js';
export { disableDemoSignIns, provisionDemoSignIns } from './demo-users.js';
export type { DemoSignIn, DemoUserSpec } from './demo-users.js';
