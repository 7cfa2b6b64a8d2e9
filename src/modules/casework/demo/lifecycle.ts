/**
 * The demo's paths through the lifecycle: for each direction and outcome, the states a request goes
 * through and the share of its total duration each step takes. A case whose end is after today stops
 * at the last step already reached (it is open).
 */
import type { CaseState, Outcome } from '../domain/vocabulary.js';

export type DemoOutcome = Exclude<Outcome, 'returned'>;
export type Step = readonly [CaseState, number];

const IN_HEAD: Step[] = [['received', 0], ['formal_check', 0.02], ['registered', 0.03], ['assessment', 0.05]];
const OUT_HEAD: Step[] = [['draft', 0], ['awaiting_approval', 0.02], ['approved', 0.02], ['sent', 0.03], ['acknowledged', 0.05]];

export const PATHS: Record<'incoming' | 'outgoing', Record<DemoOutcome, Step[]>> = {
  incoming: {
    executed: [...IN_HEAD, ['forwarded', 0.1], ['results_review', 0.62], ['results_sent', 0.08], ['closed', 0.08]],
    partly_executed: [...IN_HEAD, ['forwarded', 0.1], ['results_review', 0.62], ['results_sent', 0.08], ['closed', 0.08]],
    refused: [...IN_HEAD, ['consultation', 0.35], ['refused', 0.4], ['closed', 0.15]],
    withdrawn: [...IN_HEAD, ['forwarded', 0.1], ['withdrawn', 0.7], ['closed', 0.1]],
    lapsed: [...IN_HEAD, ['forwarded', 0.1], ['lapsed', 0.75], ['closed', 0.05]],
  },
  outgoing: {
    executed: [...OUT_HEAD, ['in_execution', 0.2], ['executed', 0.58], ['closed', 0.1]],
    partly_executed: [...OUT_HEAD, ['in_execution', 0.2], ['partly_executed', 0.58], ['closed', 0.1]],
    refused: [...OUT_HEAD, ['in_execution', 0.3], ['refused', 0.48], ['closed', 0.1]],
    withdrawn: [...OUT_HEAD, ['in_execution', 0.3], ['withdrawn', 0.5], ['closed', 0.08]],
    lapsed: [...OUT_HEAD, ['lapsed', 0.8], ['closed', 0.08]],
  },
};

/** Outcomes of finished requests (the open ones are those not finished by today). */
export const OUTCOME_WEIGHTS: Record<DemoOutcome, number> = { executed: 60, partly_executed: 12, refused: 6, withdrawn: 5, lapsed: 3 };

/** The state in which execution ends (executed_on), per direction. */
export const EXECUTED_STATES: ReadonlySet<CaseState> = new Set(['results_review', 'executed', 'partly_executed']);
