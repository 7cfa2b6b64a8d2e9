/**
 * The UN depositary's status layout (United Nations Treaty Collection, chapter XVIII, as scraped):
 * one CSV per instrument named by its depositary number (18-12.csv = UNTOC), columns Participant
 * (UN English short name), Signature (date) and "Ratification, Acceptance(A), Approval(AA),
 * Accession(a), Succession(d)" (date followed by the flag letter when not a ratification).
 * Pure: text in, parties or issues naming file, line and field out. See docs/LEGAL-BASIS.md.
 */
import { UN_SHORT_NAMES } from './un-names.js';

/** Depositary number (file name without .csv) → Palermo instrument id. */
export const DEPOSITARY_INSTRUMENTS: Readonly<Record<string, string>> = {
  '18-12': 'untoc',
  '18-12-a': 'untoc-tip',
  '18-12-b': 'untoc-som',
  '18-12-c': 'untoc-firearms',
  '18-14': 'uncac',
};

export type ConsentKind = 'ratification' | 'acceptance' | 'approval' | 'accession' | 'succession';

const FLAGS: Readonly<Record<string, ConsentKind>> = { '': 'ratification', A: 'acceptance', AA: 'approval', a: 'accession', d: 'succession' };

/** Participants that are not States (regional economic integration organisations): reported, not imported. */
export const NON_STATE_PARTICIPANTS: ReadonlySet<string> = new Set(['european union']);

/** Names the depositary used before a State's name changed (normalised as by normaliseName). */
const FORMER_NAMES: Readonly<Record<string, string>> = {
  'czech republic': 'CZE',
  swaziland: 'SWZ',
  'former yugoslav republic of macedonia': 'MKD',
  turkey: 'TUR',
  'cape verde': 'CPV',
  'ivory coast': 'CIV',
  'united kingdom': 'GBR',
};

/** Lower case, one kind of apostrophe, single spaces, no "the" article (leading, "(the)", "of the"), "St." as "Saint". */
export function normaliseName(name: string): string {
  return name
    .normalize('NFC')
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\(the\)/g, '')
    .replace(/^the\s+/, '')
    .replace(/^st\.?\s+/, 'saint ')
    .replace(/\b(of|and) the\b/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

const BY_NAME: ReadonlyMap<string, string> = new Map([...Object.entries(UN_SHORT_NAMES).map(([iso3, n]) => [normaliseName(n), iso3] as const), ...Object.entries(FORMER_NAMES)]);

/** ISO alpha-3 of a participant named as the depositary names it, or undefined. */
export function participantCode(name: string): string | undefined {
  return BY_NAME.get(normaliseName(name));
}

const MONTHS: Readonly<Record<string, string>> = { jan: '01', feb: '02', mar: '03', apr: '04', may: '05', jun: '06', jul: '07', aug: '08', sep: '09', oct: '10', nov: '11', dec: '12' };

/** "14 Dec 2000" → "2000-12-14"; undefined when not a real date in that form. */
export function parseDepositaryDate(text: string): string | undefined {
  const m = /^(\d{1,2}) ([A-Za-z]{3}) (\d{4})$/.exec(text.trim());
  if (!m) return undefined;
  const month = MONTHS[m[2]!.toLowerCase()];
  if (!month) return undefined;
  const iso = `${m[3]}-${month}-${m[1]!.padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : undefined;
}

export interface DepositaryParty {
  country: string;
  signed_on?: string;
  consent_kind?: ConsentKind;
  consent_on?: string;
}

export interface DepositaryIssue {
  file: string;
  line: number;
  field: string;
  message: string;
}

export interface ParsedStatus {
  instrument: string;
  parties: DepositaryParty[];
  /** Participants that are not States (e.g. the European Union), by name. */
  skipped: string[];
}

const HEAD = ['participant', 'signature'];

/**
 * Check and convert the rows of one file (the CSV already split into records; line numbers as in the
 * file, the header being line 1). Every problem is reported, none is skipped silently.
 */
export function parseStatusRows(file: string, records: readonly (readonly string[])[], lines: readonly number[]): { status?: ParsedStatus; issues: DepositaryIssue[] } {
  const issues: DepositaryIssue[] = [];
  const number = file.replace(/^.*[\\/]/, '').replace(/\.csv$/i, '');
  const instrument = DEPOSITARY_INSTRUMENTS[number];
  if (!instrument) issues.push({ file, line: 0, field: 'file', message: `unknown depositary number "${number}" (expected one of ${Object.keys(DEPOSITARY_INSTRUMENTS).join(', ')})` });
  const header = records[0]?.map((h) => h.trim()) ?? [];
  if (header.length !== 3 || header[0]!.toLowerCase() !== HEAD[0] || header[1]!.toLowerCase() !== HEAD[1] || !/ratification/i.test(header[2]!)) {
    issues.push({ file, line: 1, field: 'header', message: 'expected the columns Participant, Signature, "Ratification, Acceptance(A), Approval(AA), Accession(a), Succession(d)"' });
    return { issues };
  }
  const parties: DepositaryParty[] = [];
  const skipped: string[] = [];
  const seen = new Map<string, number>();
  records.slice(1).forEach((rec, i) => {
    const line = lines[i + 1] ?? i + 2;
    if (rec.length !== 3) {
      issues.push({ file, line, field: 'row', message: `expected 3 fields, found ${rec.length}` });
      return;
    }
    const [name, signature, consent] = rec.map((v) => v.trim()) as [string, string, string];
    if (NON_STATE_PARTICIPANTS.has(normaliseName(name))) {
      skipped.push(name);
      return;
    }
    const country = participantCode(name);
    if (!country) {
      issues.push({ file, line, field: 'Participant', message: `unknown participant "${name}" (not a UN English short name of a State)` });
      return;
    }
    const earlier = seen.get(country);
    if (earlier) issues.push({ file, line, field: 'Participant', message: `"${name}" is listed twice (also on line ${earlier})` });
    seen.set(country, line);
    const party: DepositaryParty = { country };
    if (signature) {
      const d = parseDepositaryDate(signature);
      if (d) party.signed_on = d;
      else issues.push({ file, line, field: 'Signature', message: `"${signature}" is not a date such as "12 Dec 2000"` });
    }
    if (consent) {
      const m = /^(.*?)(?:\s+(A|AA|a|d))?$/.exec(consent)!;
      const d = parseDepositaryDate(m[1]!);
      if (d) {
        party.consent_on = d;
        party.consent_kind = FLAGS[m[2] ?? '']!;
      } else issues.push({ file, line, field: header[2]!, message: `"${consent}" is not a date followed by an optional flag A, AA, a or d` });
    }
    if (!party.signed_on && !party.consent_on && !issues.some((x) => x.line === line)) issues.push({ file, line, field: 'Signature', message: 'neither a signature nor a consent date' });
    if (party.signed_on && party.consent_on && party.consent_on < party.signed_on && party.consent_kind === 'ratification') {
      issues.push({ file, line, field: header[2]!, message: `ratification ${party.consent_on} before signature ${party.signed_on}` });
    }
    parties.push(party);
  });
  return instrument ? { status: { instrument, parties, skipped }, issues } : { issues };
}
