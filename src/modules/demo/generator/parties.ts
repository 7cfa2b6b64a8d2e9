/**
 * Demo participation of demo States in the reference instruments: signature within the period the
 * instrument was open for signature, then ratification (or acceptance, approval), or accession
 * later, or succession for States that became independent afterwards; entry into force for each
 * State as the instrument provides; some declarations and reservations.
 */
import type { Lang } from '../../../platform/i18n/languages.js';
import type { TreatyParty } from '../../knowledge/index.js';
import { DECLARATIONS } from '../text/declarations.js';
import { TEXTS } from '../text/index.js';
import type { DemoContext, DemoCountry, DemoInstrument } from './context.js';
import { COE_MEMBERS, INDEPENDENCE } from './countries.js';
import { authorityOf } from './laws.js';
import { DEMO_HORIZON, Rng, addDays, addMonths, dateBetween, firstOfNextMonth, maxDate } from './random.js';
import { fill } from './render.js';

type EntryIntoForce = 'day30' | 'day90' | 'month3';

interface Rule {
  /** Share of eligible demo States that take part. */
  share: number;
  /** Council of Europe convention: members sign and ratify, others accede (at a lower share). */
  coe?: { othersShare: number };
  /** Period open for signature (end undefined: open until further notice). */
  signature: readonly [string, string | undefined];
  eif: EntryIntoForce;
  /** A Protocol: only Parties to this instrument, not earlier than their consent to it. */
  requires?: string;
  /** Known dates, used when the reference data lacks them. */
  adopted: string;
  inForce: string;
  /** Number of the settlement-of-disputes article of a Protocol. */
  disputesArticle?: string;
}

/** The eight reference instruments, in the order their parties are generated (Conventions before Protocols). */
export const INSTRUMENT_RULES: Readonly<Record<string, Rule>> = {
  untoc: { share: 0.95, signature: ['2000-12-12', '2002-12-12'], eif: 'day30', adopted: '2000-11-15', inForce: '2003-09-29' },
  'untoc-tip': { share: 0.9, signature: ['2000-12-12', '2002-12-12'], eif: 'day30', requires: 'untoc', adopted: '2000-11-15', inForce: '2003-12-25', disputesArticle: '15' },
  'untoc-som': { share: 0.8, signature: ['2000-12-12', '2002-12-12'], eif: 'day30', requires: 'untoc', adopted: '2000-11-15', inForce: '2004-01-28', disputesArticle: '20' },
  'untoc-firearms': { share: 0.65, signature: ['2001-07-02', '2002-12-12'], eif: 'day30', requires: 'untoc', adopted: '2001-05-31', inForce: '2005-07-03', disputesArticle: '16' },
  uncac: { share: 0.95, signature: ['2003-12-09', '2005-12-09'], eif: 'day30', adopted: '2003-10-31', inForce: '2005-12-14' },
  'coe-cybercrime': { share: 0.85, coe: { othersShare: 0.3 }, signature: ['2001-11-23', undefined], eif: 'month3', adopted: '2001-11-23', inForce: '2004-07-01' },
  'coe-extradition': { share: 0.95, coe: { othersShare: 0.05 }, signature: ['1957-12-13', undefined], eif: 'day90', adopted: '1957-12-13', inForce: '1960-04-18' },
  'coe-mla': { share: 0.95, coe: { othersShare: 0.05 }, signature: ['1959-04-20', undefined], eif: 'day90', adopted: '1959-04-20', inForce: '1962-06-12' },
};

/** Entry into force for a State that consented on `consent`, as the instrument provides. */
export function entryIntoForceFor(rule: Pick<Rule, 'eif'>, generalEif: string, consent: string): string {
  const own = rule.eif === 'day30' ? addDays(consent, 30) : rule.eif === 'day90' ? addDays(consent, 90) : firstOfNextMonth(addMonths(consent, 3));
  return maxDate(own, generalEif);
}

/** Demo parties of each loaded reference instrument (countries that are already real parties are left alone; none for an instrument whose status came from the depositary). */
export function generateInstrumentParties(ctx: DemoContext): Map<string, TreatyParty[]> {
  const out = new Map<string, TreatyParty[]>();
  const consentOf = new Map<string, string>(); // `${instrument}:${iso3}` → consent date
  for (const [id, rule] of Object.entries(INSTRUMENT_RULES)) {
    const instrument = ctx.instruments.get(id);
    if (!instrument) continue;
    const real = ctx.realParties.get(id) ?? new Map<string, TreatyParty>();
    for (const [iso3, p] of real) if (p.consent_on) consentOf.set(`${id}:${iso3}`, p.consent_on);
    if (ctx.depositaryStatus?.has(id)) continue;
    const parties: TreatyParty[] = [];
    for (const country of ctx.countries) {
      if (real.has(country.iso3)) continue;
      const lowerBound = rule.requires ? consentOf.get(`${rule.requires}:${country.iso3}`) : undefined;
      if (rule.requires && !lowerBound) continue;
      const party = partyFor(id, rule, instrument, country, lowerBound);
      if (!party) continue;
      parties.push(party);
      if (party.consent_on) consentOf.set(`${id}:${country.iso3}`, party.consent_on);
    }
    out.set(id, parties);
  }
  return out;
}

function partyFor(id: string, rule: Rule, instrument: DemoInstrument, country: DemoCountry, lowerBound: string | undefined): TreatyParty | undefined {
  const rng = new Rng(`party:${id}:${country.iso3}`);
  const member = rule.coe ? COE_MEMBERS.has(country.iso3) : true;
  if (!rng.chance(member ? rule.share : rule.coe!.othersShare)) return undefined;
  const adopted = instrument.adoptedOn;
  const [open, close] = rule.signature;
  const independence = INDEPENDENCE[country.iso3];
  const floor = (d: string) => (lowerBound ? maxDate(d, lowerBound) : d);

  const party: TreatyParty = { country: country.iso3, demo: true };
  if (independence && independence > adopted) {
    party.consent_kind = 'succession';
    party.consent_on = floor(addMonths(independence, rng.int(1, 18)));
  } else if (member && rng.chance(rule.coe ? 0.9 : 0.7)) {
    // Signature within the period open for signature; many States signed at the opening.
    const last = close ?? addMonths(open, 12 * 12);
    party.signed_on = !close || !rng.chance(0.4) ? dateBetween(rng, open, last) : dateBetween(rng, open, addDays(open, 3));
    const consent = floor(addMonths(party.signed_on, rng.int(2, rule.coe ? 120 : 96)));
    if (consent <= DEMO_HORIZON) {
      const r = rng.next();
      party.consent_kind = r < 0.88 ? 'ratification' : r < 0.94 ? 'acceptance' : 'approval';
      party.consent_on = consent > party.signed_on ? consent : addDays(party.signed_on, 1);
    }
  } else {
    const from = maxDate(close ?? addMonths(adopted, 24), adopted);
    party.consent_kind = 'accession';
    party.consent_on = floor(dateBetween(rng, addDays(from, 1), '2024-12-31'));
  }
  if (party.consent_on) {
    const eif = entryIntoForceFor(rule, instrument.entryIntoForce, party.consent_on);
    if (eif <= DEMO_HORIZON) party.entry_into_force_on = eif;
    const { declarations, reservations } = statements(id, rule, country, rng);
    if (declarations) party.declarations = declarations;
    if (reservations) party.reservations = reservations;
  }
  return party;
}

/** Declarations and reservations (English, or French for francophone States). */
function statements(id: string, rule: Rule, country: DemoCountry, rng: Rng): { declarations?: string; reservations?: string } {
  const lang = country.lang === 'fr' ? 'fr' : 'en';
  const t = DECLARATIONS[lang];
  const authority = TEXTS[lang].authorities[authorityOf(country.iso3)]!;
  const accepted: Lang[] = country.lang !== 'en' && rng.chance(0.6) ? [country.lang, 'en'] : [country.lang];
  const params = { authority, languages: t.languages(accepted), article: rule.disputesArticle ?? '' };
  const d: string[] = [];
  const r: string[] = [];
  const maybe = (list: string[], p: number, text: string) => {
    if (rng.chance(p)) list.push(fill(text, params));
  };
  switch (id) {
    case 'untoc':
      if (rng.chance(0.45)) d.push(rng.chance(0.8) ? t.untoc.extraditionBasis : t.untoc.noExtraditionBasis);
      maybe(d, 0.7, t.untoc.centralAuthority);
      maybe(d, 0.6, t.untoc.languages);
      maybe(r, 0.15, t.untoc.disputes);
      break;
    case 'uncac':
      maybe(d, 0.4, t.uncac.extraditionBasis);
      maybe(d, 0.6, t.uncac.centralAuthority);
      maybe(d, 0.5, t.uncac.languages);
      maybe(r, 0.12, t.uncac.disputes);
      break;
    case 'coe-cybercrime':
      maybe(d, 0.8, t.cybercrime.centralAuthority);
      maybe(d, 0.7, t.cybercrime.contactPoint);
      maybe(r, 0.25, t.cybercrime.jurisdiction);
      break;
    case 'coe-extradition':
      maybe(d, 0.5, t.extradition.nationals);
      maybe(d, 0.4, t.extradition.language);
      break;
    case 'coe-mla':
      maybe(r, 0.4, t.mla.searchSeizure);
      maybe(d, 0.5, t.mla.judicialAuthorities);
      break;
    default:
      if (rule.disputesArticle) maybe(r, 0.1, t.protocolDisputes);
  }
  return { ...(d.length ? { declarations: d.join('\n\n') } : {}), ...(r.length ? { reservations: r.join('\n\n') } : {}) };
}
