/**
 * The public entry of the bulk module: the only file other modules import (scripts/check-deps.mjs).
 * Everything else in src/modules/bulk/ is internal.
 */
export { Utf8Error, decodeUtf8 } from './domain/lines.js';
export { jsonlSource } from './import/jsonl.js';
