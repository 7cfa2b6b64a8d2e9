/**
 * The version of the reference sources: a hash of everything the loader reads (the data
 * definitions in definitions/, the generated UN names file, the instrument files) and of the loader
 * itself (LOADER_VERSION). When it differs from the version recorded in app_settings, the next
 * start reloads the reference data.
 */
import crypto from 'node:crypto';
import { ARTICLE_TERMS } from '../definitions/article-terms.js';
import { INSTRUMENTS } from '../definitions/instruments.js';
import { TAXONOMIES } from '../definitions/taxonomies.js';
import { readPlaceSources, type PlaceSources } from './places.js';
import { readInstrumentSources, type InstrumentSource } from './instruments.js';

/** Bump when the loader's output changes for the same sources (parsing, cleaning, mapping rules). */
export const LOADER_VERSION = 4; // 4: the Dutch translation is no longer loaded; imported authentic texts are merged

const sha256 = (text: string) => crypto.createHash('sha256').update(text).digest('hex');

export function computeReferenceVersion(instruments: readonly InstrumentSource[], places: PlaceSources): string {
  const h = crypto.createHash('sha256');
  h.update(JSON.stringify({ loader: LOADER_VERSION, places: sha256(places.content) }));
  h.update(JSON.stringify({ TAXONOMIES, INSTRUMENTS, ARTICLE_TERMS }));
  for (const { def, content } of instruments) h.update(`\n${def.file}\n`).update(sha256(content));
  return `${LOADER_VERSION}.${h.digest('hex').slice(0, 32)}`;
}

let cached: string | undefined;

/** The version of the installed sources (computed once per process: the sources ship with the code). */
export function currentReferenceVersion(): string {
  cached ??= computeReferenceVersion(readInstrumentSources(), readPlaceSources());
  return cached;
}
