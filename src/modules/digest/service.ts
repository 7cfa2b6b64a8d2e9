/**
 * The digest of cases, computed from the published case law at every request: the visible cases
 * that applied UNTOC as a legal basis (knowledge's `untocCaseIds` and `publishedEntries`), named in
 * the reader's language with reference data (UN M49 regions, taxonomy terms) and treaty titles.
 * Nothing is held in memory, so every app node shows the case law as it is now; the PDF and DOCX
 * files are cached under a key that is the SHA-256 of this model (files.ts), so a change to any
 * case on any node makes every node generate new files at their next download.
 */
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { chunks } from '../../platform/db/batch.js';
import { pickLocalized, type Lang } from '../../platform/i18n/languages.js';
import { publishedEntries, treatySummaries, untocCaseIds } from '../knowledge/index.js';
import { countryName, listCountries, listRegions, listTerms, termLabel } from '../reference/index.js';
import { buildDigest, type Digest, type DigestInput } from './domain/digest.js';
import { dgT } from './texts.js';

/** The instrument whose cases the digest collects; its articles are the basis, not a "related" instrument. */
export const BASIS_INSTRUMENT = 'untoc';

/** The digest's inputs: each case with the instruments (other than UNTOC) of the articles it is tagged with. */
export async function digestInputs(db: Kysely<DB>): Promise<DigestInput[]> {
  const out: DigestInput[] = [];
  for (const part of chunks(await untocCaseIds(db), 500)) {
    const { changed } = await publishedEntries(db, part);
    for (const { document: d, articles } of changed) {
      if (d.type !== 'case') continue;
      out.push({
        id: d.id,
        country: d.country,
        court: d.court,
        case_number: d.case_number,
        decision_date: d.decision_date,
        texts: d.texts,
        cooperation_types: d.cooperation_types ?? [],
        crime_types: d.crime_types ?? [],
        cooperating_states: d.cooperating_states ?? [],
        instruments: articles.map((a) => a.treatyId).filter((id) => id !== BASIS_INSTRUMENT),
        demo: d.demo,
      });
    }
  }
  return out;
}

/** The digest in the reader's language. */
export async function digestModel(db: Kysely<DB>, lang: Lang): Promise<Digest> {
  const all = await digestInputs(db);
  const [countries, regions, terms, treaties] = await Promise.all([
    listCountries(db),
    listRegions(db),
    listTerms(db),
    treatySummaries(db, [...new Set(all.flatMap((i) => i.instruments))]),
  ]);
  // Related instruments are the published treaties among those the cases' articles belong to.
  const published = new Set(treaties.map((t) => t.id));
  const inputs = all.map((i) => ({ ...i, instruments: i.instruments.filter((id) => published.has(id)) }));
  const regionNames = new Map(regions.map((r) => [r.code, pickLocalized(r.names, lang)?.text ?? r.code]));
  const regionOf = new Map(countries.map((c) => [c.iso3, c.region_code]));
  const treatyLabel = new Map(treaties.map((t) => [t.id, pickLocalized(t.titles, lang, [])?.text ?? t.short_name ?? pickLocalized(t.titles, lang)?.text ?? t.id]));
  return buildDigest(
    inputs,
    {
      cooperation: (code) => termLabel(terms, 'cooperation', code, lang),
      offence: (code) => termLabel(terms, 'crime', code, lang),
      country: (iso3) => countryName(countries, iso3, lang),
      region: (iso3) => {
        const code = regionOf.get(iso3);
        return code ? { code, name: regionNames.get(code) ?? code } : undefined;
      },
      instrument: (id) => treatyLabel.get(id) ?? id,
      unspecified: dgT(lang)('unspecified'),
    },
    lang,
  );
}

/** A fingerprint of the digest's content: the key of its generated files. */
export function digestVersion(digest: Digest): string {
  return crypto.createHash('sha256').update(JSON.stringify(digest)).digest('hex').slice(0, 32);
}
