/**
 * The public entry of the search module: the only file other modules import (scripts/check-deps.mjs).
 * Everything else in src/modules/search/ is internal.
 */
export { indexEntries } from './indexer.js';
