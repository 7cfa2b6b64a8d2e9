/**
 * When an instrument entered into force for a State, from the depositary's dates, by the
 * instrument's own article on entry into force (texts in resources/instruments; docs/LEGAL-BASIS.md):
 *
 * - UNTOC art. 38, the Trafficking in Persons Protocol art. 17, the Migrants Protocol art. 22, the
 *   Firearms Protocol art. 18, UNCAC art. 68: the instrument enters into force on the ninetieth day
 *   after the deposit of the fortieth (UNCAC: thirtieth) instrument (para. 1; a Protocol not before
 *   the Convention); for a State depositing later, on the thirtieth day after its deposit, or on the
 *   instrument's own entry into force if that is later (para. 2). The later of the two dates covers
 *   both paragraphs: a State among the first forty deposited at least ninety days before para. 1's
 *   date, so its thirtieth day falls before it.
 * - Succession (flag "d"): a successor State is bound from the date of the succession of States,
 *   which the depositary's status table does not give; no date is computed.
 *
 * Pure; dates are ISO "YYYY-MM-DD" strings (calendar days, no time zone).
 */

export interface EntryIntoForceRule {
  /** The article on entry into force, paragraph for the State ("38(2)"). */
  article: string;
  /** Days after the deposit of the State's instrument (30 for all five). */
  daysAfterDeposit: number;
  /** Instruments (excluding regional organisations) needed for the instrument's own entry into force. */
  instrumentsNeeded: number;
  /** Days after the deposit of that instrument. */
  daysAfterThreshold: number;
  /** Not before this instrument's entry into force (a Protocol: the Convention). */
  notBefore?: string;
}

export const ENTRY_INTO_FORCE_RULES: Readonly<Record<string, EntryIntoForceRule>> = {
  untoc: { article: '38(2)', daysAfterDeposit: 30, instrumentsNeeded: 40, daysAfterThreshold: 90 },
  'untoc-tip': { article: '17(2)', daysAfterDeposit: 30, instrumentsNeeded: 40, daysAfterThreshold: 90, notBefore: 'untoc' },
  'untoc-som': { article: '22(2)', daysAfterDeposit: 30, instrumentsNeeded: 40, daysAfterThreshold: 90, notBefore: 'untoc' },
  'untoc-firearms': { article: '18(2)', daysAfterDeposit: 30, instrumentsNeeded: 40, daysAfterThreshold: 90, notBefore: 'untoc' },
  uncac: { article: '68(2)', daysAfterDeposit: 30, instrumentsNeeded: 30, daysAfterThreshold: 90 },
};

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return d.getUTCFullYear() === +m[1]! && d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]!;
}

/** "2003-09-24" + 30 → "2003-10-24" (calendar days, UTC; years 0001–9999). */
export function addDays(date: string, days: number): string {
  if (!isIsoDate(date)) throw new RangeError(`not a date: ${date}`);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d + days);
  return `${String(t.getUTCFullYear()).padStart(4, '0')}-${String(t.getUTCMonth() + 1).padStart(2, '0')}-${String(t.getUTCDate()).padStart(2, '0')}`;
}

const later = (a: string, b: string) => (a > b ? a : b);

export interface ConsentInput {
  consent_kind?: string | undefined;
  consent_on?: string | undefined;
}

export type EntryIntoForceBasis = 'after_deposit' | 'instrument_entry_into_force' | 'succession' | 'no_consent' | 'no_rule';

/**
 * The date the instrument entered (or enters) into force for a State that deposited `party`'s
 * instrument, given the instrument's own entry into force (`instrumentInForceOn`, para. 1).
 * `basis` says which paragraph gave the date, or why there is none.
 */
export function entryIntoForceFor(rule: EntryIntoForceRule | undefined, instrumentInForceOn: string | null | undefined, party: ConsentInput): { date?: string; basis: EntryIntoForceBasis } {
  if (!party.consent_on || !party.consent_kind) return { basis: 'no_consent' };
  if (party.consent_kind === 'succession') return { basis: 'succession' };
  if (!rule || !instrumentInForceOn) return { basis: 'no_rule' };
  const afterDeposit = addDays(party.consent_on, rule.daysAfterDeposit);
  return afterDeposit >= instrumentInForceOn ? { date: afterDeposit, basis: 'after_deposit' } : { date: instrumentInForceOn, basis: 'instrument_entry_into_force' };
}

/**
 * The instrument's own entry into force (para. 1) from the deposit dates of the States' instruments:
 * the `daysAfterThreshold`th day after the `instrumentsNeeded`th deposit, not before `parentInForceOn`.
 * Undefined while fewer instruments were deposited. (A check of the depositary file against the
 * shipped date: States that withdrew are no longer listed, so a current table may be one off.)
 */
export function instrumentEntryIntoForce(rule: EntryIntoForceRule, depositDates: readonly string[], parentInForceOn?: string): string | undefined {
  const sorted = [...depositDates].sort();
  const nth = sorted[rule.instrumentsNeeded - 1];
  if (!nth) return undefined;
  const date = addDays(nth, rule.daysAfterThreshold);
  return parentInForceOn ? later(date, parentInForceOn) : date;
}

export type InForceStatus = 'in_force' | 'not_yet_in_force' | 'date_unknown' | 'not_bound';

/**
 * A State's status on a given day: bound and in force, bound but not yet in force (the instrument
 * enters into force for it later), bound with no known date (succession, or no rule), or not bound.
 */
export function inForceStatus(party: (ConsentInput & { entry_into_force_on?: string | undefined }) | null | undefined, on: string): InForceStatus {
  if (!party?.consent_on) return 'not_bound';
  if (!party.entry_into_force_on) return 'date_unknown';
  return party.entry_into_force_on <= on ? 'in_force' : 'not_yet_in_force';
}
