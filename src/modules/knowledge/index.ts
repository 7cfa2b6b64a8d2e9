/**
 * The public entry of the knowledge module: the only file other modules import (scripts/check-deps.mjs).
 * Everything else in src/modules/knowledge/ is internal.
 */
export { canonicalJson, contentHash } from './domain/canonical.js';
export { checkRecord } from './domain/checks.js';
export type { ReferenceSets } from './domain/checks.js';
export { ENTRY_PATH, ENTRY_TYPES, entryPath, isEntryType, lawPath, parseArticleRef } from './domain/entry-types.js';
export { parseRecord } from './domain/parse.js';
export { OPENAPI_SCHEMAS, ArticleRefSchema, CountryCodeSchema, DateSchema, EntryIdSchema, LangTagSchema, TREATY_KINDS, TermCodeSchema, TreatySchema, UrlSchema } from './domain/schemas.js';
export type { CaseDocument, EntryDocument, EntryText, KnowledgeRecord, LawDocument, LegislationDocument, Provision, RecordType, StrategyDocument, TreatyDocument, TreatyParty } from './domain/schemas.js';
export { articleLabels, entriesMissingLanguages, entriesUnchangedSince, countLaws, countTreatyDetails, countVisibleEntries, visibleExtractIdsOfLaws, visibleLanguages, countByCountry, countByType, entryBlock, forgetOverview, getLawAttachment, getLawSummaries, getLawWithExtracts, getPublicEntry, isEntryId, lawsOfCountry, participationOf, partiesOfStates, recentEntries, refreshStatistics, resolveId, treatyChildren, treatySummaries } from './queries.js';
export type { StateParty, ArticleLabel, EntryLanguages, EntrySummary, LawSummary, Participation, TreatySummary } from './queries.js';
export { checkRecords, demoCountries, findEntryHeads, findLawHeads, listEntryIds, listLawIds, keepUnpublished, sameEntry, sameLaw, getEntry, getLaw, loadEntryDocuments, loadLawDocuments, loadReferenceSets, removeDemoContent, replaceTreatyParties, saveRecords, saveTreatyParties, termsInUse, excerptKey, textExcerpts } from './service.js';
export type { SaveOutcome } from './service.js';
export type { EntryType } from './tables.js';
export { provideReferenceCodes } from './reference-codes.js';
export type { ReferenceCodes } from './reference-codes.js';
export { getArticle, getArticleInContext, getInstrument, listInstruments } from './instruments.js';
export type { Article, ArticleInContext, ArticleSummary, InstrumentSummary } from './instruments.js';
export { PUBLIC_STATUS, isVisibleText, visibleDocument } from './domain/visibility.js';
export { ENTRIES_CHANGED, announceEntryChanges, caseLawFingerprint, countAllEntries, entriesTaggedWith, entriesWithTerm, publishedEntries, untocCaseIds } from './changes.js';
export type { EntriesChanged, PublishedEntry, TaggedArticle } from './domain/changes.js';
