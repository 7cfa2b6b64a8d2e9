/**
 * The version of the reference sources: a hash of everything the loader reads (the data
 * definitions in definitions/, the versions of the CLDR and ISO packages, the instrument files) and of
 * the loader itself (LOADER_VERSION). When it differs from the version recorded in app_settings,
 * the next start reloads the reference data.
 */
import crypto from 'node:crypto';
import { ARTICLE_TERMS } from '../definitions/article-terms.js';
import { INSTRUMENTS } from '../definitions/instruments.js';
import { M49_INTERMEDIATE, M49_REGIONS, M49_SUBREGIONS, M49_SUPPLEMENT, NOT_ISO_3166, PREFERRED_ALTERNATIVE } from '../definitions/m49.js';
import { TAXONOMIES } from '../definitions/taxonomies.js';
import { PLACE_PACKAGES, packageVersion } from './places.js';
import { readInstrumentSources, type InstrumentSource } from './instruments.js';

/** Bump when the loader's output changes for the same sources (parsing, cleaning, mapping rules). */
export const LOADER_VERSION = 2;

export function computeReferenceVersion(instruments: readonly InstrumentSource[], packages: Record<string, string>): string {
  const h = crypto.createHash('sha256');
  h.update(JSON.stringify({ loader: LOADER_VERSION, packages }));
  h.update(JSON.stringify({ TAXONOMIES, INSTRUMENTS, ARTICLE_TERMS }));
  h.update(JSON.stringify({ M49_REGIONS, M49_SUBREGIONS, M49_INTERMEDIATE, M49_SUPPLEMENT, NOT_ISO_3166: [...NOT_ISO_3166], PREFERRED_ALTERNATIVE }));
  for (const { def, content } of instruments) h.update(`\n${def.file}\n`).update(crypto.createHash('sha256').update(content).digest('hex'));
  return `${LOADER_VERSION}.${h.digest('hex').slice(0, 32)}`;
}

export function installedPackageVersions(): Record<string, string> {
  return Object.fromEntries(PLACE_PACKAGES.map((name) => [name, packageVersion(name)]));
}

let cached: string | undefined;

/** The version of the installed sources (computed once per process: the sources ship with the code). */
export function currentReferenceVersion(): string {
  cached ??= computeReferenceVersion(readInstrumentSources(), installedPackageVersions());
  return cached;
}
