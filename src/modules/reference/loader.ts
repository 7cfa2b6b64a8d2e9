/**
 * Loading reference data: countries and M49 regions, taxonomy terms and the shipped instruments.
 * Runs at every start (module prepare hook): when the source version recorded in app_settings is
 * the current one it returns after one small query; otherwise it upserts everything in one
 * transaction (changed rows only) and records the new version.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { inTransaction } from '../../platform/db/batch.js';
import { getSetting, setSetting } from '../../platform/db/settings.js';
import type { Logger } from '../../platform/log.js';
import { saveRecords, termsInUse, type SaveOutcome } from '../knowledge/index.js';
import { TAXONOMIES, TAXONOMY_NAMES, definedTermKeys } from './definitions/taxonomies.js';
import {
  deleteTerms,
  deleteUnusedRegionsNotIn,
  findCountriesNotIn,
  lockReferenceLoad,
  selectTermKeysNotIn,
  upsertCountries,
  upsertRegions,
  upsertTerms,
  type TermRow,
  type UpsertCounts,
} from './repository-write.js';
import { selectAuthenticTexts } from './repository-texts.js';
import { buildCountries, buildRegions, readPlaceSources } from './sources/places.js';
import { buildTreatyRecords, readInstrumentSources } from './sources/instruments.js';
import { computeReferenceVersion, currentReferenceVersion } from './sources/version.js';

export const REFERENCE_VERSION_KEY = 'reference.version';

export interface ReferenceLoadReport {
  version: string;
  previousVersion: string | null;
  /** False when the stored version was current and nothing was done. */
  loaded: boolean;
  regions?: UpsertCounts & { removed?: string[] };
  countries?: UpsertCounts & { notInSources: string[] };
  terms?: UpsertCounts & { removed: string[]; kept: string[] };
  instruments?: UpsertCounts & { articles: number };
  ms: number;
}

export interface LoadOptions {
  /** Load even if the stored version is current (palermo reference --reload). */
  force?: boolean;
  logger?: Logger;
}

function termRows(): TermRow[] {
  return TAXONOMY_NAMES.flatMap((taxonomy) =>
    TAXONOMIES[taxonomy].map((d, position) => ({
      taxonomy,
      code: d.code,
      position,
      labels: d.labels,
      descriptions: d.descriptions ?? null,
      reference: d.reference ?? null,
    })),
  );
}

function outcomeCounts(outcomes: readonly SaveOutcome[]): UpsertCounts {
  return {
    created: outcomes.filter((o) => o === 'created').length,
    updated: outcomes.filter((o) => o === 'updated').length,
    unchanged: outcomes.filter((o) => o === 'unchanged').length,
  };
}

/**
 * Terms held that the definitions no longer list. Those no entry or article is tagged with (asked of
 * knowledge) are deleted; the others are kept (returned as `kept`) so that no tagged content breaks.
 */
async function pruneTerms(db: Kysely<DB>, defined: readonly string[]): Promise<{ removed: string[]; kept: string[] }> {
  const stale = await selectTermKeysNotIn(db, defined);
  if (!stale.length) return { removed: [], kept: [] };
  const used = await termsInUse(db, stale);
  const removed = new Set(await deleteTerms(db, stale.filter((k) => !used.has(k))));
  return { removed: [...removed].sort(), kept: stale.filter((k) => !removed.has(k)).sort() };
}

const lastLoads = new WeakMap<object, ReferenceLoadReport>();

/** The last load that changed something through this database handle in this process (e.g. at start-up). */
export function lastReferenceLoad(db: Kysely<DB>): ReferenceLoadReport | undefined {
  return lastLoads.get(db);
}

/** Load or update reference data if its sources changed (or if forced). */
export async function ensureReferenceData(db: Kysely<DB>, options: LoadOptions = {}): Promise<ReferenceLoadReport> {
  const started = performance.now();
  const version = currentReferenceVersion();
  const stored = (await getSetting<string>(db, REFERENCE_VERSION_KEY)) ?? null;
  if (!options.force && stored === version) {
    return { version, previousVersion: stored, loaded: false, ms: performance.now() - started };
  }

  // Everything that does not need the database is computed before the transaction.
  const places = readPlaceSources();
  const regions = buildRegions(places);
  const countries = buildCountries(places);
  const instrumentSources = readInstrumentSources();
  const loadedVersion = computeReferenceVersion(instrumentSources, places);
  const terms = termRows();

  const report = await inTransaction(db, async (trx) => {
    await lockReferenceLoad(trx);
    const previous = (await getSetting<string>(trx, REFERENCE_VERSION_KEY)) ?? null;
    if (!options.force && previous === loadedVersion) {
      return { version: loadedVersion, previousVersion: previous, loaded: false } as const; // another process loaded it meanwhile
    }
    const regionCounts: UpsertCounts & { removed?: string[] } = await upsertRegions(trx, regions);
    const countryCounts = await upsertCountries(trx, countries);
    const notInSources = await findCountriesNotIn(trx, countries.map((c) => c.iso3));
    // Areas M49 no longer has (830 Channel Islands, in CLDR-based loads) go once no country is in them.
    regionCounts.removed = await deleteUnusedRegionsNotIn(trx, regions.map((r) => r.code));
    const termCounts = await upsertTerms(trx, terms);
    // Authentic texts curators imported (instrument_texts) stay part of the records.
    const treaties = buildTreatyRecords(instrumentSources, await selectAuthenticTexts(trx));
    const outcomes = await saveRecords(trx, treaties, { origin: 'reference' });
    const pruned = await pruneTerms(trx, [...definedTermKeys()]);
    await setSetting(trx, REFERENCE_VERSION_KEY, loadedVersion);
    return {
      version: loadedVersion,
      previousVersion: previous,
      loaded: true,
      regions: regionCounts,
      countries: { ...countryCounts, notInSources },
      terms: { ...termCounts, ...pruned },
      instruments: { ...outcomeCounts(outcomes), articles: treaties.reduce((n, t) => n + (t.provisions?.length ?? 0), 0) },
    };
  });
  const result: ReferenceLoadReport = { ...report, ms: performance.now() - started };
  if (result.loaded) {
    lastLoads.set(db, result);
    options.logger?.info(
      { version: result.version, previous: result.previousVersion, ms: Math.round(result.ms), regions: result.regions, countries: result.countries, terms: result.terms, instruments: result.instruments },
      'reference data loaded',
    );
    if (result.terms?.kept.length) {
      options.logger?.warn({ terms: result.terms.kept }, 'taxonomy terms no longer defined are kept because content uses them');
    }
    if (result.countries?.notInSources.length) {
      options.logger?.warn({ countries: result.countries.notInSources }, 'countries no longer in the sources are kept');
    }
  }
  return result;
}
