/**
 * Seed and remove the synthetic demo corpus. Everything it writes is flagged demo and has an id
 * starting "demo-"; removal deletes exactly that (see knowledge/service.removeDemoContent).
 */
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { inTransaction } from '../../platform/db/batch.js';
import { getSetting, setSetting } from '../../platform/db/settings.js';
import type { Logger } from '../../platform/log.js';
import { canonicalJson, type TreatyParty, listInstruments, loadEntryDocuments, loadReferenceSets, removeDemoContent, saveRecords, saveTreatyParties, type SaveOutcome } from '../knowledge/index.js';
import { listCountries } from '../reference/index.js';
import { demoCountries, type DemoContext, type DemoInstrument } from './generator/context.js';
import { buildCorpus, type DemoSize } from './generator/corpus.js';
import { statusSources } from '../legalbasis/index.js';
import { INSTRUMENT_RULES } from './generator/parties.js';
import { removeDemoSignIns } from './sign-in.js';
import { removeDemoAuthorities, seedDemoAuthorities } from '../directory/index.js';
import { removeDemoProviders, seedDemoProviders } from '../providers/index.js';
import { CASEWORK_DEMO_COUNTS, removeCaseworkDemo, seedCaseworkDemo, type CaseworkDemoReport } from '../casework/index.js';

const SETTING = 'demo.seed';
/** Records per saveRecords call: large enough for multi-row statements, small enough to report progress. */
const BATCH = 300;

export interface SeedOptions {
  size?: DemoSize;
  logger?: Logger;
  /** Called after each batch with the number of records written so far. */
  onProgress?: (done: number, total: number) => void;
}

export interface SeedReport {
  size: DemoSize;
  countries: number;
  records: Record<SaveOutcome, number>;
  byType: Record<string, number>;
  parties: { instruments: number; written: number; unchanged: number };
  /** Reference instruments that are not loaded: no article tags or parties for them. */
  missingInstruments: string[];
  /** Demo content of an earlier, different seed was removed first. */
  replaced: boolean;
  /** Demo casework: requests of the demo central authority of one demo State. */
  casework: CaseworkDemoReport;
  seconds: number;
}

interface SeedState {
  size: DemoSize;
  fingerprint: string;
}

/** What the generator needs to know about this database (read from the reference data). */
export async function loadDemoContext(db: Kysely<DB>): Promise<DemoContext> {
  const [refs, countries, instruments, sources] = await Promise.all([loadReferenceSets(db), listCountries(db), listInstruments(db), statusSources(db)]);
  const loaded = instruments.filter((i) => i.id in INSTRUMENT_RULES && !i.demo);
  const docs = await loadEntryDocuments(
    db,
    loaded.map((i) => i.id),
    { publishedOnly: false },
  );
  const realParties = new Map<string, Map<string, TreatyParty>>();
  for (const doc of docs) {
    if (doc.type !== 'treaty') continue;
    realParties.set(doc.id, new Map((doc.parties ?? []).filter((p) => !p.demo).map((p) => [p.country, p])));
  }
  const byId = new Map<string, DemoInstrument>();
  for (const i of loaded) {
    const rule = INSTRUMENT_RULES[i.id]!;
    byId.set(i.id, { id: i.id, adoptedOn: i.adopted_on ?? rule.adopted, entryIntoForce: i.entry_into_force_on ?? rule.inForce });
  }
  return {
    countries: demoCountries(countries.filter((c) => refs.countries.has(c.iso3))),
    articles: refs.articles,
    terms: refs.terms,
    instruments: byId,
    realParties,
    depositaryStatus: new Set(sources.keys()),
  };
}

/** Existing demo parties of the reference instruments, to leave identical ones untouched. */
async function existingDemoParties(db: Kysely<DB>, ids: readonly string[]): Promise<Map<string, Map<string, string>>> {
  const out = new Map<string, Map<string, string>>();
  for (const doc of await loadEntryDocuments(db, ids, { publishedOnly: false })) {
    if (doc.type !== 'treaty') continue;
    out.set(doc.id, new Map((doc.parties ?? []).filter((p) => p.demo).map((p) => [p.country, canonicalJson(p)])));
  }
  return out;
}

/**
 * Load the demo corpus (idempotent: a second run with the same size and reference data changes
 * nothing). All or nothing: one transaction. If demo content from a different seed (another size,
 * other reference data) is present, it is replaced.
 */
export async function seedDemo(db: Kysely<DB>, options: SeedOptions = {}): Promise<SeedReport> {
  const started = performance.now();
  const size = options.size ?? 'default';
  const log = options.logger;
  const ctx = await loadDemoContext(db);
  const missingInstruments = Object.keys(INSTRUMENT_RULES).filter((id) => !ctx.instruments.has(id));
  if (missingInstruments.length) {
    log?.warn({ instruments: missingInstruments }, 'demo seed: reference instruments not loaded; their article tags and demo parties are skipped');
  }
  if (!ctx.countries.length) log?.warn('demo seed: no demo country exists in the reference data; nothing to seed');

  const corpus = buildCorpus(ctx, size);
  const partyKeys = [...corpus.parties].flatMap(([id, list]) => list.map((p) => `${id}:${p.country}`));
  const fingerprint = crypto
    .createHash('sha256')
    .update([...corpus.records.map((r) => `${r.type === 'law' ? 'law' : 'entry'}:${r.id}`), ...partyKeys].sort().join('\n'))
    .digest('hex');
  const byType: Record<string, number> = {};
  for (const r of corpus.records) byType[r.type] = (byType[r.type] ?? 0) + 1;
  log?.info({ size, records: corpus.records.length, parties: partyKeys.length, countries: ctx.countries.length }, 'demo seed: corpus built');

  const report = await inTransaction(db, async (trx) => {
    const previous = await getSetting<SeedState | null>(trx, SETTING);
    const replaced = previous?.fingerprint !== fingerprint;
    if (replaced) {
      const removed = await removeDemoContent(trx);
      await removeDemoAuthorities(trx);
      await removeDemoProviders(trx);
      if (removed.entries || removed.laws || removed.parties) log?.info(removed, 'demo seed: earlier demo content removed');
    }
    const counts: Record<SaveOutcome, number> = { created: 0, updated: 0, unchanged: 0 };
    const refs = { countries: new Set(ctx.countries.map((c) => c.iso3)), articles: ctx.articles, terms: ctx.terms };
    let logged = 0;
    for (let i = 0; i < corpus.records.length; i += BATCH) {
      const outcomes = await saveRecords(trx, corpus.records.slice(i, i + BATCH), { origin: 'demo', refs });
      for (const o of outcomes) counts[o]++;
      const done = Math.min(i + BATCH, corpus.records.length);
      options.onProgress?.(done, corpus.records.length);
      // A handful of progress lines, whatever the size (the first start waits for the seed).
      if (done === corpus.records.length || done - logged >= corpus.records.length / 5) {
        logged = done;
        log?.info({ done, total: corpus.records.length, seconds: Math.round((performance.now() - started) / 100) / 10 }, 'demo seed: progress');
      }
    }
    const existing = await existingDemoParties(trx, [...corpus.parties.keys()]);
    const parties = { instruments: 0, written: 0, unchanged: 0 };
    for (const [id, list] of corpus.parties) {
      const before = existing.get(id) ?? new Map<string, string>();
      const changed = list.filter((p) => before.get(p.country) !== canonicalJson(p));
      parties.unchanged += list.length - changed.length;
      if (!changed.length) continue;
      await saveTreatyParties(trx, id, changed);
      parties.instruments++;
      parties.written += changed.length;
    }
    // Demo authorities of the directory for every State with demo content (idempotent).
    const authorities = await seedDemoAuthorities(trx);
    log?.info(authorities, 'demo seed: directory authorities');
    log?.info(await seedDemoProviders(trx), 'demo seed: e-evidence service providers');
    const casework = await seedCaseworkDemo(trx, { count: CASEWORK_DEMO_COUNTS[size], ...(log ? { logger: log } : {}) });
    await setSetting(trx, SETTING, { size, fingerprint } satisfies SeedState);
    return { size, countries: ctx.countries.length, records: counts, byType, parties, missingInstruments, replaced: replaced && previous != null, casework };
  });
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  log?.info({ ...report, seconds }, 'demo seed: done');
  return { ...report, seconds };
}

/** Delete the demo corpus (entries, laws and demo treaty parties) and nothing else. */
export async function removeDemo(db: Kysely<DB>): Promise<{ entries: number; laws: number; parties: number; cases: number }> {
  return inTransaction(db, async (trx) => {
    const removed = await removeDemoContent(trx);
    await removeDemoAuthorities(trx);
    await removeDemoProviders(trx);
    const cases = await removeCaseworkDemo(trx);
    await removeDemoSignIns(trx);
    await setSetting(trx, SETTING, null);
    return { ...removed, cases };
  });
}
