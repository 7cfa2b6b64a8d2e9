/**
 * The casework demo: several thousand requests over five years for the demo central authority of one
 * demo State and its executing authorities, flagged demo and removed with the demo. Written with
 * multi-row inserts; each case's history is hash-chained in JS (verifyChain accepts it). A second
 * seed with the same settings changes nothing.
 */
import type { Kysely } from 'kysely';
import { inTransaction } from '../../../platform/db/batch.js';
import type { DB } from '../../../platform/db/schema.js';
import { getSetting, setSetting } from '../../../platform/db/settings.js';
import type { Logger } from '../../../platform/log.js';
import { CLI_ACTOR } from '../../access/index.js';
import { authoritiesOfCountry } from '../../directory/index.js';
import { isRequestable, listCountries, listTerms } from '../../reference/index.js';
import { withCaseScope } from '../repository/scope.js';
import { highestNumbers } from '../import/counters.js';
import { bulkInsertCaseRows, chainEvents, deleteDemoCases, insertCaseRows, raiseCounters } from '../import/repository.js';
import { generateCases, type DemoExecutor, type GeneratedCase } from './generator.js';

const SETTING = 'casework.demo';
const BATCH = 500;
/** Preferred demo States, in order: the first with a demo central authority is used. */
const STATES = ['FRA', 'ESP', 'ITA', 'DEU', 'MEX', 'KEN', 'EGY', 'CHN', 'RUS'];
export const CASEWORK_DEMO_COUNTS = { small: 300, default: 3000, large: 10000 } as const;

export interface DemoAuthorities {
  authorityId: string;
  country: string;
  executors: DemoExecutor[];
}

export interface CaseworkDemoReport {
  authorities: DemoAuthorities | null;
  cases: number;
  events: number;
  open: number;
  unchanged: boolean;
  seconds: number;
}

/** The demo central authority and executing authorities of the first demo State that has them. */
export async function findDemoAuthorities(db: Kysely<DB>): Promise<DemoAuthorities | null> {
  for (const iso3 of STATES) {
    const list = await authoritiesOfCountry(db, CLI_ACTOR, iso3);
    const central = list.find((a) => a.demo && a.doc.id.endsWith('-central'));
    if (!central) continue;
    const cyber = list.find((a) => a.demo && a.doc.id.endsWith('-cyber'));
    const city = `Demo City (${iso3})`;
    return {
      authorityId: central.doc.id,
      country: iso3,
      executors: [
        ...(cyber ? [{ id: cyber.doc.id, name: cyber.doc.names.en ?? cyber.doc.id, bodyKind: 'police' as const }] : []),
        { id: null, name: `Public Prosecutor's Office, ${city} (demo)`, bodyKind: 'prosecution' },
        { id: null, name: `Investigating Court, ${city} (demo)`, bodyKind: 'court' },
        { id: null, name: `Financial Intelligence Unit, ${city} (demo)`, bodyKind: 'financial_intelligence_unit' },
      ],
    };
  }
  return null;
}

/** Write generated cases (rows, chained histories) in batches; returns the number of events. */
export async function writeGeneratedCases(db: Kysely<DB>, scope: readonly string[], cases: Iterable<GeneratedCase>, onBatch?: (done: number) => void): Promise<{ cases: number; events: number; open: number; refs: { direction: 'incoming' | 'outgoing'; reference?: string }[] }> {
  const totals = { cases: 0, events: 0, open: 0, refs: [] as { direction: 'incoming' | 'outgoing'; reference?: string }[] };
  let batch: GeneratedCase[] = [];
  const flush = async () => {
    if (!batch.length) return;
    const events = batch.flatMap((g) => {
      const chain = chainEvents(g.rows.case.id, g.events);
      g.rows.case.history_seq = chain.seq;
      g.rows.case.history_head = chain.head;
      return chain.rows;
    });
    await withCaseScope(db, scope, (trx) => insertCaseRows(trx, batch.map((g) => g.rows), events));
    totals.events += events.length;
    batch = [];
    onBatch?.(totals.cases);
  };
  for (const g of cases) {
    totals.cases++;
    if (!g.rows.case.outcome) totals.open++;
    totals.refs.push({ direction: g.rows.case.direction, reference: g.rows.case.reference ?? undefined });
    batch.push(g);
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  return totals;
}

/**
 * Load generated cases fast (the bench's million requests): batches of `batch` cases written by
 * bulkInsertCaseRows as the tables' owner, each batch in its own transaction, the next batch
 * generated and chained while the database writes the previous one. Same rows and chains as
 * writeGeneratedCases (verifyChain accepts them).
 */
export async function loadGeneratedCases(db: Kysely<DB>, cases: Iterable<GeneratedCase>, opts: { batch?: number; onBatch?: (done: number) => void } = {}): Promise<{ cases: number; events: number; open: number }> {
  const size = opts.batch ?? 2000;
  const totals = { cases: 0, events: 0, open: 0 };
  let batch: GeneratedCase[] = [];
  let inFlight: Promise<void> = Promise.resolve();
  const flush = async () => {
    if (!batch.length) return;
    const rows = batch.map((g) => g.rows);
    const events = batch.flatMap((g) => {
      const chain = chainEvents(g.rows.case.id, g.events);
      g.rows.case.history_seq = chain.seq;
      g.rows.case.history_head = chain.head;
      return chain.rows;
    });
    batch = [];
    await inFlight;
    const done = totals.cases;
    totals.events += events.length;
    inFlight = db.transaction().execute((trx) => bulkInsertCaseRows(trx, rows, events)).then(() => opts.onBatch?.(done));
    inFlight.catch(() => undefined);
  };
  for (const g of cases) {
    totals.cases++;
    if (!g.rows.case.outcome) totals.open++;
    batch.push(g);
    if (batch.length >= size) await flush();
    // Let the database's answers in while generating (the write of the previous batch goes on).
    else if (batch.length % 100 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  await flush();
  await inFlight;
  return totals;
}

export interface CaseworkDemoOptions {
  count?: number;
  seed?: string;
  logger?: Logger;
  /** Authorities to use instead of the directory's demo authorities (tests). */
  authorities?: DemoAuthorities;
  /** The last day of the five years; today by default. */
  today?: Date;
}

/** Seed the casework demo (in the caller's transaction if it is one). */
export async function seedCaseworkDemo(db: Kysely<DB>, options: CaseworkDemoOptions = {}): Promise<CaseworkDemoReport> {
  const started = performance.now();
  const authorities = options.authorities ?? (await findDemoAuthorities(db));
  const seconds = () => Math.round((performance.now() - started) / 100) / 10;
  if (!authorities) {
    options.logger?.warn('casework demo: no demo central authority in the directory; no demo cases');
    return { authorities: null, cases: 0, events: 0, open: 0, unchanged: false, seconds: seconds() };
  }
  const count = options.count ?? CASEWORK_DEMO_COUNTS.default;
  const today = options.today ?? new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
  const seed = options.seed ?? 'palermo-casework-demo';
  const fingerprint = `${seed}:${count}:${authorities.authorityId}:${today.toISOString().slice(0, 7)}`;
  const previous = await getSetting<{ fingerprint: string; cases: number; events: number; open: number } | null>(db, SETTING);
  if (previous?.fingerprint === fingerprint) return { authorities, cases: previous.cases, events: previous.events, open: previous.open, unchanged: true, seconds: seconds() };
  const [countries, measures, crimes] = await Promise.all([listCountries(db), listTerms(db, 'measure'), listTerms(db, 'crime')]);
  return inTransaction(db, async (trx) => {
    await deleteDemoCases(trx);
    const generated = generateCases({
      seed,
      count,
      today,
      authorityId: authorities.authorityId,
      country: authorities.country,
      executors: authorities.executors,
      partners: countries.filter(isRequestable).map((c) => ({ iso3: c.iso3, region: c.region_code })),
      measures: new Set(measures.map((m) => m.code)),
      crimes: crimes.map((c) => c.code),
      officers: ['Demo Officer', 'Demo Supervisor', 'Demo Caseworker'],
    });
    const scope = [authorities.authorityId, ...authorities.executors.flatMap((x) => (x.id ? [x.id] : []))];
    let logged = 0;
    const totals = await writeGeneratedCases(trx, scope, generated, (done) => {
      if (done - logged >= count / 4 || done === count) {
        logged = done;
        options.logger?.info({ done, total: count, seconds: seconds() }, 'casework demo: progress');
      }
    });
    await withCaseScope(trx, [authorities.authorityId], (s) => raiseCounters(s, authorities.authorityId, highestNumbers({ incoming: 'MLI/{YYYY}/{NNNNN}', outgoing: 'MLO/{YYYY}/{NNNNN}' }, totals.refs)));
    await setSetting(trx, SETTING, { fingerprint, cases: totals.cases, events: totals.events, open: totals.open });
    const report = { authorities, cases: totals.cases, events: totals.events, open: totals.open, unchanged: false, seconds: seconds() };
    options.logger?.info({ cases: report.cases, events: report.events, open: report.open, seconds: report.seconds }, 'casework demo: done');
    return report;
  });
}

/** Remove every demo case (and its rows and history). */
export async function removeCaseworkDemo(db: Kysely<DB>): Promise<number> {
  return inTransaction(db, async (trx) => {
    const n = await deleteDemoCases(trx);
    await setSetting(trx, SETTING, null);
    return n;
  });
}
