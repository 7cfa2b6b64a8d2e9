/**
 * The public entry of the search module: the only file other modules import (scripts/check-deps.mjs).
 * Everything else in src/modules/search/ is internal. Search is fed by announcements (knowledge's
 * ENTRIES_CHANGED, reference's TERM_LABELS_CHANGED), so no other module needs to call it.
 */
export {};
