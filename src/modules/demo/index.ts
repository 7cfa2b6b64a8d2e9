/**
 * The public entry of the demo module: the only file other modules import (scripts/check-deps.mjs).
 * No other module uses anything of demo today; its routes and commands are plugged in by src/modules/index.ts.
 */
export {};
