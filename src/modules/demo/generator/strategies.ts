/** Demo national strategies and action plans, with their periods. */
import type { StrategyDocument } from '../../knowledge/index.js';
import { TEXTS } from '../text/index.js';
import { allocate, tagsOf, type DemoContext, type DemoCountry } from './context.js';
import { flags } from './laws.js';
import { Rng, dateInYear } from './random.js';
import { choose, fillText, planVersions, renderSlots, wordParams } from './render.js';
import { STRATEGY_TOPICS, STRATEGY_TOPIC_KEYS, type StrategyTopic } from './spec.js';

/** First year a strategy on each topic is plausible (the Protocols date from 2000-2001, the Budapest Convention from 2001). */
const EARLIEST: Record<StrategyTopic, number> = {
  'organized-crime': 2001,
  'trafficking-in-persons': 2003,
  'smuggling-of-migrants': 2004,
  corruption: 2004,
  cybercrime: 2006,
  drugs: 2000,
  'money-laundering': 2002,
  firearms: 2004,
  wildlife: 2010,
};

export function generateStrategies(ctx: DemoContext, total: number, rotation: { next: number }): StrategyDocument[] {
  const out: StrategyDocument[] = [];
  const counts = allocate(ctx.countries, total, 31);
  for (const country of ctx.countries) {
    const count = counts.get(country.iso3) ?? 0;
    const rng = new Rng(`strategy-topics:${country.iso3}`);
    let pool: StrategyTopic[] = [];
    const seen = new Map<StrategyTopic, number>();
    for (let i = 0; i < count; i++) {
      if (!pool.length) pool = [...STRATEGY_TOPIC_KEYS];
      const topic = rng.pick(pool);
      pool = pool.filter((t) => t !== topic);
      const k = (seen.get(topic) ?? 0) + 1;
      seen.set(topic, k);
      out.push(generateStrategy(ctx, country, topic, k, rotation));
    }
  }
  return out;
}

function generateStrategy(ctx: DemoContext, country: DemoCountry, topic: StrategyTopic, k: number, rotation: { next: number }): StrategyDocument {
  const id = `demo-strategy-${country.iso3.toLowerCase()}-${topic}-${k}`;
  const rng = new Rng(id);
  // A later strategy on the same topic follows the earlier one; no strategy predates its subject.
  const start = Math.min(2025, EARLIEST[topic] + (k - 1) * 6 + rng.int(0, 8));
  const end = start + rng.int(3, 5);
  const adopted = rng.chance(0.6) ? dateInYear(rng, start, 1, 6) : dateInYear(rng, start - 1, 9, 12);
  const orig = country.lang;
  const versions = planVersions(rng, orig, rotation);
  const choices = choose(rng, TEXTS.en.strategyBody);
  const texts: StrategyDocument['texts'] = {};
  for (const v of versions) {
    const pack = TEXTS[v.lang];
    const s = pack.strategies[topic];
    const params = wordParams(pack, { start, end });
    texts[v.lang] = {
      title: fillText(pack, s.title, params),
      summary: s.summary,
      body: [s.goal, renderSlots(pack, pack.strategyBody, choices, params)].join(pack.sep),
      ...flags(v),
    };
  }
  return {
    type: 'strategy',
    id,
    country: country.iso3,
    date: adopted,
    period_start: start,
    period_end: end,
    adopted_by: new Rng(`${id}:by`).pick(TEXTS[orig].adoptedBy),
    original_lang: orig,
    texts,
    ...tagsOf(ctx, STRATEGY_TOPICS[topic]),
    demo: true,
  };
}
