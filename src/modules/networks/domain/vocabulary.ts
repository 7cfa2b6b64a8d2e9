/** The words of the networks' case logs. */
export const COOPERATION_KINDS = ['mla', 'extradition', 'transfer_proceedings', 'transfer_sentenced', 'confiscation', 'other'] as const;
export type CooperationKind = (typeof COOPERATION_KINDS)[number];

export const OUTCOMES = ['pending', 'executed', 'partially_executed', 'refused', 'withdrawn', 'other'] as const;
export type Outcome = (typeof OUTCOMES)[number];
