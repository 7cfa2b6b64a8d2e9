/**
 * Import of treaty status as published by the depositary (docs/LEGAL-BASIS.md): a directory of CSV
 * files in the UN Treaty Collection layout, or one file. All or nothing: every file is read and
 * checked first (problems name file, line and field); then, in one transaction, the parties of each
 * instrument are replaced (demo parties removed), each with the date the instrument entered into
 * force for it (domain/entry-into-force.ts), and its source and "as of" date recorded.
 */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { inTransaction } from '../../platform/db/batch.js';
import { ValidationError } from '../../platform/http/errors.js';
import { listInstruments, replaceTreatyParties, type TreatyParty } from '../knowledge/index.js';
import { listCountries } from '../reference/index.js';
import { DEPOSITARY_INSTRUMENTS, parseStatusRows, type DepositaryIssue, type ParsedStatus } from './domain/depositary.js';
import { ENTRY_INTO_FORCE_RULES, entryIntoForceFor } from './domain/entry-into-force.js';
import { selectStatusSources, upsertStatusSource } from './repository.js';

/** The status shipped with Palermo (resources/treaty-status/2014), loaded at the first start. */
export const SHIPPED_STATUS = {
  dir: fileURLToPath(new URL('../../../resources/treaty-status/2014/', import.meta.url)),
  asOf: '2014',
  source: 'United Nations Treaty Collection, chapter XVIII (status as published by the depositary, scraped in 2014; github.com/zmjones/untreaties)',
};

export class StatusImportError extends ValidationError {
  constructor(readonly problems: DepositaryIssue[]) {
    super(problems.map((p) => ({ field: `${path.basename(p.file)}:${p.line}:${p.field}`, message: p.message })));
  }
}

export interface StatusImportOptions {
  /** When the depositary published or the curator took the status: YYYY, YYYY-MM or YYYY-MM-DD. */
  asOf: string;
  source: string;
  dryRun?: boolean;
  now?: Date;
}

export interface StatusImportReport {
  instruments: { instrument: string; file: string; parties: number; removed: number; skipped: string[]; unchanged: boolean }[];
  dryRun: boolean;
}

interface ReadFile {
  file: string;
  sha256: string;
  status: ParsedStatus;
}

async function filesOf(target: string): Promise<string[]> {
  const stat = await fs.stat(target).catch(() => undefined);
  if (!stat) throw new StatusImportError([{ file: target, line: 0, field: 'path', message: 'no such file or directory' }]);
  if (!stat.isDirectory()) return [target];
  const names = (await fs.readdir(target)).filter((n) => n.toLowerCase().endsWith('.csv')).sort();
  if (!names.length) throw new StatusImportError([{ file: target, line: 0, field: 'path', message: `no .csv file (expected ${Object.keys(DEPOSITARY_INSTRUMENTS).map((n) => `${n}.csv`).join(', ')})` }]);
  return names.map((n) => path.join(target, n));
}

/** Read and check one file (pure apart from reading it). */
export function readStatusText(file: string, bytes: Buffer): { status?: ParsedStatus; issues: DepositaryIssue[] } {
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(bytes, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (err) {
    const line = (err as { lines?: number }).lines ?? 0;
    return { issues: [{ file, line, field: 'csv', message: `not a CSV file: ${(err as Error).message}` }] };
  }
  return parseStatusRows(
    file,
    rows.map((r) => r.record),
    rows.map((r) => r.info.lines),
  );
}

export async function importTreatyStatus(db: Kysely<DB>, target: string, options: StatusImportOptions): Promise<StatusImportReport> {
  const issues: DepositaryIssue[] = [];
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(options.asOf)) issues.push({ file: target, line: 0, field: 'as-of', message: `"${options.asOf}" is not YYYY, YYYY-MM or YYYY-MM-DD` });
  if (!options.source.trim() || options.source.length > 2000) issues.push({ file: target, line: 0, field: 'source', message: 'the source must be 1 to 2000 characters' });
  const [countries, instruments] = await Promise.all([listCountries(db), listInstruments(db)]);
  const known = new Set(countries.map((c) => c.iso3));
  const loaded = new Set(instruments.map((i) => i.id));
  const inForceOn = new Map(instruments.map((i) => [i.id, i.entry_into_force_on]));
  const read: ReadFile[] = [];
  const byInstrument = new Map<string, string>();
  for (const file of await filesOf(target)) {
    const bytes = await fs.readFile(file);
    const { status, issues: found } = readStatusText(file, bytes);
    issues.push(...found);
    if (!status) continue;
    const earlier = byInstrument.get(status.instrument);
    if (earlier) issues.push({ file, line: 0, field: 'file', message: `a second file for ${status.instrument} (also ${path.basename(earlier)})` });
    byInstrument.set(status.instrument, file);
    if (!loaded.has(status.instrument)) issues.push({ file, line: 0, field: 'file', message: `instrument ${status.instrument} is not loaded in this installation` });
    for (const p of status.parties) if (!known.has(p.country)) issues.push({ file, line: 0, field: 'Participant', message: `State ${p.country} is not in the reference data` });
    read.push({ file, sha256: crypto.createHash('sha256').update(bytes).digest('hex'), status });
  }
  if (issues.length) throw new StatusImportError(issues);
  const order = Object.values(DEPOSITARY_INSTRUMENTS);
  read.sort((a, b) => order.indexOf(a.status.instrument) - order.indexOf(b.status.instrument));

  return inTransaction(db, async (trx) => {
    const previous = new Map((await selectStatusSources(trx)).map((s) => [s.treaty_id, s]));
    const report: StatusImportReport = { instruments: [], dryRun: options.dryRun ?? false };
    for (const r of read) {
      const { instrument, parties, skipped } = r.status;
      const before = previous.get(instrument);
      const unchanged = before?.file_sha256 === r.sha256 && before.as_of === options.asOf && before.source === options.source;
      let removed = 0;
      if (!unchanged && !options.dryRun) {
        const rule = ENTRY_INTO_FORCE_RULES[instrument];
        const rows = parties.map((p): TreatyParty => {
          const eif = entryIntoForceFor(rule, inForceOn.get(instrument), p).date;
          return { ...p, ...(eif ? { entry_into_force_on: eif } : {}), demo: false };
        });
        removed = (await replaceTreatyParties(trx, instrument, rows, options.now)).removed;
        const number = path.basename(r.file).replace(/\.csv$/i, '');
        await upsertStatusSource(trx, { treaty_id: instrument, depositary_number: number, source: options.source, as_of: options.asOf, file_name: path.basename(r.file), file_sha256: r.sha256, parties: parties.length, skipped }, options.now ?? new Date());
      }
      report.instruments.push({ instrument, file: path.basename(r.file), parties: parties.length, removed, skipped, unchanged });
    }
    return report;
  });
}

/** Import the status shipped with Palermo (the first start; re-importing the same files changes nothing). */
export async function importShippedStatus(db: Kysely<DB>): Promise<StatusImportReport> {
  return importTreatyStatus(db, SHIPPED_STATUS.dir, { asOf: SHIPPED_STATUS.asOf, source: SHIPPED_STATUS.source });
}
