/**
 * The public entry of the workflow module: the only file other modules import (scripts/check-deps.mjs).
 * Everything else in src/modules/workflow/ is internal.
 */
export { diffDocuments } from './domain/diff.js';
export type { FieldChange } from './domain/diff.js';
export type { TransitionName } from './domain/transitions.js';
export { DiffTable, EventList, RevisionCard, TransitionForms, wfT } from './pages/components.js';
export { countRevisionsInReview, lastPublishedAt, latestRevision, openRevisions, publishedSince, subjectsWithOpenRevision } from './queries.js';
export type { OpenRevision, OpenRevisionFilter } from './queries.js';
export { getRevision, history, partStatuses, recordPublishedMany, revertTo, saveDraft, transition } from './service.js';
export type { HistoryItem, PartStatus, RevisionRow, TransitionInput, WorkflowAdapter } from './service.js';
