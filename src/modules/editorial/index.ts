/**
 * The public entry of the editorial module: the only file other modules import (scripts/check-deps.mjs).
 * No other module uses anything of editorial today; its routes and commands are plugged in by src/modules/index.ts.
 */
export {};
