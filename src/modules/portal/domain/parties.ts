/** Treaty status table: order and counts of the States' participation. Pure. */
import { INTL_LOCALE, type Lang } from '../../../platform/i18n/languages.js';
import type { TreatyParty } from '../../knowledge/index.js';

export const PARTY_SORTS = ['country', 'consent'] as const;
export type PartySort = (typeof PARTY_SORTS)[number];

export function parsePartySort(value: unknown): PartySort {
  return typeof value === 'string' && (PARTY_SORTS as readonly string[]).includes(value) ? (value as PartySort) : 'country';
}

const collators = new Map<Lang, Intl.Collator>();

/** The reader's collation (cached per language). */
export function collatorFor(lang: Lang): Intl.Collator {
  let c = collators.get(lang);
  if (!c) {
    c = new Intl.Collator(INTL_LOCALE[lang], { sensitivity: 'base', numeric: true });
    collators.set(lang, c);
  }
  return c;
}

/**
 * Sort by State name in the reader's collation, or by date of consent (earliest first; States
 * that have not consented last, then by name).
 */
export function sortParties<T extends Pick<TreatyParty, 'country' | 'consent_on'>>(parties: readonly T[], name: (iso3: string) => string, lang: Lang, sort: PartySort): T[] {
  const collator = collatorFor(lang);
  const byName = (a: T, b: T) => collator.compare(name(a.country), name(b.country)) || (a.country < b.country ? -1 : 1);
  if (sort === 'country') return [...parties].sort(byName);
  return [...parties].sort((a, b) => {
    if (a.consent_on && b.consent_on && a.consent_on !== b.consent_on) return a.consent_on < b.consent_on ? -1 : 1;
    if (!!a.consent_on !== !!b.consent_on) return a.consent_on ? -1 : 1;
    return byName(a, b);
  });
}

export interface PartyCounts {
  /** States that signed. */
  signatories: number;
  /** States that consented to be bound (ratification, accession, acceptance, approval, succession, definitive signature). */
  parties: number;
}

export function partyCounts(parties: readonly Pick<TreatyParty, 'signed_on' | 'consent_on' | 'consent_kind'>[]): PartyCounts {
  return {
    signatories: parties.filter((p) => p.signed_on || p.consent_kind === 'definitive_signature').length,
    parties: parties.filter((p) => p.consent_on).length,
  };
}
