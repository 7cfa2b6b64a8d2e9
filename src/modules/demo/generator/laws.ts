/** Demo laws and their article-level extracts (the legislation database). */
import type { Lang } from '../../../platform/i18n/languages.js';
import type { LawDocument, LegislationDocument } from '../../knowledge/index.js';
import { TEXTS } from '../text/index.js';
import type { LawTitleParams } from '../text/types.js';
import { allocate, tagsOf, type DemoContext, type DemoCountry } from './context.js';
import { DEMO_HORIZON, Rng, dateInYear } from './random.js';
import { choose, planVersions, renderSlots, wordParams, type RawParams } from './render.js';
import { LAW_KINDS, LAW_KIND_KEYS, PROVISION_TAGS, type LawKind, type ProvisionKey } from './spec.js';

const LAST_YEAR = Number(DEMO_HORIZON.slice(0, 4));
const YEARS = [6, 7, 8, 10, 12, 15, 20];
const MIN_YEARS = [2, 3, 4, 5];
const MONTHS = [3, 6, 12, 18, 24];
const DAYS = [15, 30, 45, 60, 90];

/** The kinds of law a State gets, in order: weighted draws without replacement, then again. */
function kindSequence(country: DemoCountry, count: number): LawKind[] {
  const rng = new Rng(`law-kinds:${country.iso3}`);
  const out: LawKind[] = [];
  let pool: LawKind[] = [];
  while (out.length < count) {
    if (!pool.length) pool = [...LAW_KIND_KEYS];
    const kind = rng.weighted(pool, (k) => LAW_KINDS[k].weight);
    pool = pool.filter((k) => k !== kind);
    out.push(kind);
  }
  return out;
}

/** Central authority of a State (index into each language's list), stable across its laws. */
export function authorityOf(iso3: string): number {
  const r = new Rng(`authority:${iso3}`).next();
  return r < 0.6 ? 0 : r < 0.92 ? 1 : 2;
}

/**
 * `laws` laws spread over the States, then more (one State after the other) until there are at
 * least `extracts` extracts: with few States, kinds of law repeat and laws are shorter on average.
 */
export function generateLaws(ctx: DemoContext, laws: number, extracts: number, rotation: { next: number }): (LawDocument | LegislationDocument)[] {
  const out: (LawDocument | LegislationDocument)[] = [];
  if (!ctx.countries.length) return out;
  const counts = allocate(ctx.countries, laws, 0);
  const made = new Map<string, LawKind[]>();
  let extractCount = 0;
  const add = (country: DemoCountry, index: number, sequence: LawKind[]) => {
    const kind = sequence[index]!;
    const k = sequence.slice(0, index + 1).filter((x) => x === kind).length;
    const records = generateLaw(ctx, country, kind, k, rotation);
    extractCount += records.length - 1;
    out.push(...records);
  };
  for (const country of ctx.countries) {
    const n = counts.get(country.iso3) ?? 0;
    const sequence = kindSequence(country, n);
    made.set(country.iso3, sequence);
    for (let i = 0; i < n; i++) add(country, i, sequence);
  }
  for (let i = 0; extractCount < extracts; i++) {
    const country = ctx.countries[i % ctx.countries.length]!;
    const n = made.get(country.iso3)!.length;
    const sequence = kindSequence(country, n + 1);
    made.set(country.iso3, sequence);
    add(country, n, sequence);
  }
  return out;
}

function generateLaw(ctx: DemoContext, country: DemoCountry, kind: LawKind, k: number, rotation: { next: number }): (LawDocument | LegislationDocument)[] {
  const spec = LAW_KINDS[kind];
  const lawId = `demo-law-${country.iso3.toLowerCase()}-${kind}-${k}`;
  const rng = new Rng(lawId);
  const year = rng.int(spec.from, LAST_YEAR);
  const adopted = dateInYear(rng, year, 1, year === LAST_YEAR ? 6 : 12);
  const amended = year < LAST_YEAR - 1 && rng.chance(0.35) ? dateInYear(rng, rng.int(year + 1, LAST_YEAR - 1)) : undefined;
  const n = rng.int(1, 350);
  const titleParams = (lang: Lang): LawTitleParams => ({ n, year, date: adopted, native: lang === country.lang, iso3: country.iso3 });
  const orig = country.lang;
  const versions = planVersions(rng, orig, rotation);
  const authority = authorityOf(country.iso3);

  const picks = rng.subset(spec.provisions as readonly ProvisionKey[], rng.int(spec.picks[0], spec.picks[1]));
  let number = rng.int(spec.numbers[0], spec.numbers[1]);
  const extracts: LegislationDocument[] = [];
  const fullText: string[] = [];
  picks.forEach((key, position) => {
    const prng = new Rng(`${lawId}:${key}`);
    const raw: RawParams = { years: prng.pick(YEARS), min: prng.pick(MIN_YEARS), months: prng.pick(MONTHS), days: prng.pick(DAYS), authority };
    const en = TEXTS.en.provisions[key];
    const choices = choose(prng, en.b);
    const texts: LegislationDocument['texts'] = {};
    for (const v of versions) {
      const pack = TEXTS[v.lang];
      const p = pack.provisions[key];
      texts[v.lang] = { title: p.h, body: renderSlots(pack, p.b, choices, wordParams(pack, raw)), ...flags(v) };
    }
    const articleRef = TEXTS[orig].articleRef(number);
    fullText.push(`${articleRef}. ${texts[orig]!.title}\n\n${texts[orig]!.body}`);
    extracts.push({
      type: 'legislation',
      id: `demo-leg-${country.iso3.toLowerCase()}-${kind}-${k}-${number}`,
      country: country.iso3,
      law_id: lawId,
      article_ref: articleRef,
      position,
      original_lang: orig,
      texts,
      ...tagsOf(ctx, PROVISION_TAGS[key]),
      demo: true,
    });
    number += prng.int(1, kind === 'criminal-code' || kind === 'criminal-procedure' ? 25 : 6);
  });

  const lawTexts: LawDocument['texts'] = {};
  for (const v of versions) {
    const title = TEXTS[v.lang].laws[kind].title(titleParams(v.lang));
    lawTexts[v.lang] = v.lang === orig ? { title, full_text: fullText.join('\n\n') } : { title, ...flags(v) };
  }
  const law: LawDocument = {
    type: 'law',
    id: lawId,
    country: country.iso3,
    citation: TEXTS[orig].laws[kind].citation(titleParams(orig)),
    adopted_on: adopted,
    ...(amended ? { amended_on: amended } : {}),
    original_lang: orig,
    texts: lawTexts,
    demo: true,
  };
  return [law, ...extracts];
}

export function flags(v: { machine_translated?: true; translated_from?: Lang }): { machine_translated?: true; translated_from?: Lang } {
  return { ...(v.machine_translated ? { machine_translated: true as const } : {}), ...(v.translated_from ? { translated_from: v.translated_from } : {}) };
}
