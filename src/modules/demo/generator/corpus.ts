/** The whole demo corpus for a database, built in memory (pure and deterministic). */
import type { KnowledgeRecord, TreatyParty } from '../../knowledge/index.js';
import type { DemoContext } from './context.js';
import { generateCases } from './cases.js';
import { generateLaws } from './laws.js';
import { generateInstrumentParties } from './parties.js';
import { generateStrategies } from './strategies.js';
import { generateTreaties } from './treaties.js';

export const DEMO_SIZES = ['small', 'default', 'large'] as const;
export type DemoSize = (typeof DEMO_SIZES)[number];

/** How many of each: laws (at least; more if needed to reach the number of extracts), cases, bilateral treaties, strategies. */
export const SIZE_PLAN: Record<DemoSize, { laws: number; extracts: number; cases: number; treaties: number; strategies: number }> = {
  small: { laws: 24, extracts: 110, cases: 60, treaties: 12, strategies: 16 },
  default: { laws: 600, extracts: 3500, cases: 1200, treaties: 150, strategies: 250 },
  large: { laws: 6000, extracts: 33000, cases: 12000, treaties: 1500, strategies: 2500 },
};

export interface DemoCorpus {
  /** Laws and entries, each law before its extracts. */
  records: KnowledgeRecord[];
  /** Demo parties to add to each loaded reference instrument. */
  parties: Map<string, TreatyParty[]>;
}

export function buildCorpus(ctx: DemoContext, size: DemoSize): DemoCorpus {
  const plan = SIZE_PLAN[size];
  // One rotation of "extra" translation languages per database, so each has all six languages.
  const rotation = () => ({ next: 0 });
  const records: KnowledgeRecord[] = [
    ...generateLaws(ctx, plan.laws, plan.extracts, rotation()),
    ...generateCases(ctx, plan.cases, rotation()),
    ...generateTreaties(ctx, plan.treaties),
    ...generateStrategies(ctx, plan.strategies, rotation()),
  ];
  return { records, parties: generateInstrumentParties(ctx) };
}
