/**
 * The public entry of the accounts module: the only file other modules import (scripts/check-deps.mjs).
 * No other module uses anything of accounts today; its routes and commands are plugged in by src/modules/index.ts.
 */
export {};
