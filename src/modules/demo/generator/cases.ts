/** Demo case law: facts by crime, a decision by kind of cooperation, with a partner State. */
import type { CaseDocument } from '../../knowledge/index.js';
import { TEXTS } from '../text/index.js';
import { allocate, nameOf, tagsOf, type DemoContext, type DemoCountry } from './context.js';
import { flags } from './laws.js';
import { DEMO_HORIZON, Rng, dateBetween } from './random.js';
import { choose, fillText, planVersions, renderSlots, wordParams } from './render.js';
import { PROCEDURES, SCENARIOS, SCENARIO_KEYS, proceduresFor } from './spec.js';

const SENTENCES = [5, 6, 7, 8, 9, 10, 12, 15, 18, 20];

/** A partner State: often one of the same region, never the State itself. */
export function partnerOf(rng: Rng, ctx: DemoContext, country: DemoCountry): DemoCountry {
  const others = ctx.countries.filter((c) => c.iso3 !== country.iso3);
  const near = others.filter((c) => c.region === country.region);
  const pool = near.length && rng.chance(0.5) ? near : others;
  return rng.weighted(pool, (c) => c.weight);
}

export function generateCases(ctx: DemoContext, total: number, rotation: { next: number }): CaseDocument[] {
  if (ctx.countries.length < 2) return [];
  const out: CaseDocument[] = [];
  const counts = allocate(ctx.countries, total, 7);
  for (const country of ctx.countries) {
    for (let k = 1; k <= (counts.get(country.iso3) ?? 0); k++) out.push(generateCase(ctx, country, k, rotation));
  }
  return out;
}

function generateCase(ctx: DemoContext, country: DemoCountry, k: number, rotation: { next: number }): CaseDocument {
  const id = `demo-case-${country.iso3.toLowerCase()}-${k}`;
  const rng = new Rng(id);
  const scenario = rng.pick(SCENARIO_KEYS);
  const procedureKey = rng.pick(proceduresFor(scenario));
  const procedure = PROCEDURES[procedureKey];
  const partner = partnerOf(rng, ctx, country);
  const second = rng.chance(0.15) ? partnerOf(rng, ctx, country) : undefined;
  const cooperating = [...new Set([partner.iso3, ...(second ? [second.iso3] : [])])].sort();

  // Decisions become more frequent over time (more cooperation, better reporting).
  const year = 1998 + Math.floor(28 * Math.sqrt(rng.next()));
  const decided = dateBetween(rng, `${year}-01-05`, year === 2025 ? DEMO_HORIZON : `${year}-12-20`);
  const factsYear = Math.max(1995, year - rng.int(1, 4));
  const untoc = procedure.untocShare > 0 && year >= 2004 && rng.chance(procedure.untocShare);
  const otherBasis = rng.int(0, TEXTS.en.basis.other.length - 1);
  const raw = { years: rng.pick(SENTENCES), n: rng.int(4, 40), year: factsYear };

  const en = TEXTS.en;
  const choices = {
    facts: choose(rng, en.crimes[scenario].facts),
    decision: choose(rng, en.procedures[procedureKey].decision),
    commentary: choose(rng, en.procedures[procedureKey].commentary),
  };
  const orig = country.lang;
  const courtRng = new Rng(`${id}:court`);
  const court = courtRng.pick(TEXTS[orig].courts[procedure.court]);
  const number = courtRng.int(11, 2999);
  const versions = planVersions(rng, orig, rotation);

  const texts: CaseDocument['texts'] = {};
  for (const v of versions) {
    const pack = TEXTS[v.lang];
    const proc = pack.procedures[procedureKey];
    const params = { ...wordParams(pack, raw), crime: pack.crimes[scenario].label, partner: nameOf(partner, v.lang) };
    const basis = procedureKey === 'domestic-conviction' ? [] : [untoc ? pack.basis.untoc : pack.basis.other[otherBasis % pack.basis.other.length]!];
    texts[v.lang] = {
      title: fillText(pack, proc.title, params),
      summary: fillText(pack, proc.summary, params),
      facts: renderSlots(pack, pack.crimes[scenario].facts, choices.facts, params),
      decision: renderSlots(pack, proc.decision, choices.decision, params),
      commentary: [renderSlots(pack, proc.commentary, choices.commentary, params), ...basis].join(pack.sep),
      ...flags(v),
    };
  }
  return {
    type: 'case',
    id,
    country: country.iso3,
    court,
    case_number: TEXTS[orig].caseNumber(procedure.court, number, year),
    decision_date: decided,
    untoc_legal_basis: untoc,
    cooperating_states: cooperating,
    original_lang: orig,
    texts,
    sources: [{ title: TEXTS[orig].sourceTitle(court, TEXTS[orig].date(decided)) }],
    ...tagsOf(ctx, SCENARIOS[scenario], procedure),
    demo: true,
  };
}
