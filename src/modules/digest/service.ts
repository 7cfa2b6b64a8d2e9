/**
 * The digest of cases, computed from the published case law: the visible cases that applied UNTOC as
 * a legal basis (knowledge's `untocCaseIds` and `publishedEntries`), named in the reader's language
 * with reference data (UN M49 regions, taxonomy terms) and treaty titles.
 *
 * Each node holds the model per language in memory, keyed by a fingerprint read at every request:
 * knowledge's `caseLawFingerprint` (count, latest change and content hashes of the UNTOC cases and
 * the treaties, no counter row that writers would contend on) and the reference data generation. A
 * case published on another node changes the fingerprint, so the next request here computes the
 * model again. The PDF and DOCX are stored under the same fingerprint (document/files.ts).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { chunks } from '../../platform/db/batch.js';
import { pickLocalized, type Lang } from '../../platform/i18n/languages.js';
import { caseLawFingerprint, publishedEntries, treatySummaries, untocCaseIds } from '../knowledge/index.js';
import { readGeneration } from '../../platform/db/generations.js';
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

/** What the digest is made of, now: the key of the models held in memory and of the stored files. */
export async function digestFingerprint(db: Kysely<DB>): Promise<string> {
  const [caseLaw, reference] = await Promise.all([caseLawFingerprint(db), readGeneration(db, 'reference')]);
  return `${caseLaw}.r${reference}`;
}

/** Models held by this node, per database handle: those of one fingerprint, per language. */
const held = new WeakMap<object, { fingerprint: string; models: Map<Lang, Promise<Digest>> }>();
/** Models computed by this node since it started (tests: the cache is used). */
let computed = 0;
export const digestModelsComputed = (): number => computed;

/** The digest in the reader's language, with the fingerprint it was computed for (held while that fingerprint is current). */
export async function currentDigest(db: Kysely<DB>, lang: Lang): Promise<{ digest: Digest; fingerprint: string }> {
  const fingerprint = await digestFingerprint(db);
  let slot = held.get(db);
  if (!slot || slot.fingerprint !== fingerprint) {
    slot = { fingerprint, models: new Map() };
    held.set(db, slot);
  }
  let model = slot.models.get(lang);
  if (!model) {
    computed++;
    model = computeDigest(db, lang);
    const models = slot.models;
    models.set(lang, model);
    model.catch(() => models.delete(lang));
  }
  return { digest: await model, fingerprint };
}

/** The digest in the reader's language (held in memory while the case law is unchanged). */
export async function digestModel(db: Kysely<DB>, lang: Lang): Promise<Digest> {
  return (await currentDigest(db, lang)).digest;
}

/** The digest in the reader's language, computed now. */
async function computeDigest(db: Kysely<DB>, lang: Lang): Promise<Digest> {
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
