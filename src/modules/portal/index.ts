/**
 * The public entry of the portal module: the only file other modules import (scripts/check-deps.mjs).
 * No other module uses anything of portal today; its routes and commands are plugged in by src/modules/index.ts.
 */
export {};
