/** TypeBox schemas of the statistics API (OpenAPI): the figures as the service returns them. */
import { Type } from 'typebox';
import { OUTCOME_KEYS } from './domain/figures.js';

const Count = Type.Object(
  { key: Type.String({ description: 'Code of the row (kind, State, measure, outcome, month YYYY-MM, …)' }), incoming: Type.Integer(), outgoing: Type.Integer(), total: Type.Integer() },
  { additionalProperties: false },
);
const Counts = (description: string) => Type.Array(Count, { description });
const Days = Type.Union([Type.Number(), Type.Null()]);
const Duration = { count: Type.Integer(), medianDays: Days, p90Days: Days };

export const FiguresSchema = Type.Object(
  {
    filters: Type.Object({ year: Type.Union([Type.Integer(), Type.Null()]), direction: Type.Union([Type.String(), Type.Null()]), kind: Type.Union([Type.String(), Type.Null()]) }),
    asOf: Type.String({ description: 'Day the figures were computed (ages of open cases are counted to it)' }),
    totals: Count,
    byKind: Counts('Requests by kind'),
    byMeasure: Counts('Measures requested (codes of the taxonomy measure); a request counts once per measure'),
    byLegalBasis: Counts('Legal bases (untoc, untoc_protocol, uncac, treaty, reciprocity, domestic_law, other); a request counts once per basis'),
    untoc: { ...Count, description: 'Requests with the UNTOC or one of its Protocols among their legal bases (the figure the Conference of the Parties asks for)' },
    byPartner: Counts('By partner State (ISO alpha-3)'),
    byRegion: Counts('By UN M49 region of the partner State'),
    byOffence: Counts('Offences (codes of the taxonomy crime); a request counts once per offence'),
    byOutcome: Counts(`By outcome: ${OUTCOME_KEYS.join(', ')}`),
    outcomesByKind: Type.Array(Type.Object({ kind: Type.String(), counts: Type.Record(Type.String(), Type.Integer()) })),
    refusalGrounds: Counts('Grounds of refusal of refused requests'),
    processing: Type.Array(Type.Object({ direction: Type.String(), kind: Type.Union([Type.String(), Type.Null()], { description: 'null: every kind' }), ...Duration }), {
      description: 'Days from receipt (incoming) or sending (outgoing) to execution: median and 90th percentile',
    }),
    timeInState: Type.Array(Type.Object({ state: Type.String(), ...Duration }), { description: 'Days spent in each state (ended stays), from the case histories' }),
    backlog: Counts('Open requests by age in days'),
    byYear: Counts('Per year of receipt or sending'),
    byMonth: Counts('Per month (YYYY-MM) of receipt or sending'),
  },
  { description: 'Aggregate casework figures (never case data)' },
);

export const StatisticsOut = Type.Object({
  authority: Type.Union([Type.String(), Type.Null()], { description: 'The authority counted; null for a State' }),
  country: Type.Union([Type.String(), Type.Null()], { description: 'The State counted (ISO alpha-3); null for an authority' }),
  authorities: Type.Array(Type.String(), { description: 'Authorities whose requests are counted' }),
  years: Type.Array(Type.Integer(), { description: 'Years with requests (for the year filter)' }),
  figures: FiguresSchema,
});

const Sum = Type.Object({ value: Type.Integer(), partial: Type.Boolean({ description: 'Some cells were suppressed (fewer than 5 requests): the true figure is higher' }) });
const SumRow = Type.Object({ key: Type.String(), incoming: Sum, outgoing: Sum });

export const PublicOut = Type.Object({
  country: Type.Union([Type.String(), Type.Null()]),
  year: Type.Union([Type.Integer(), Type.Null()]),
  years: Type.Array(Type.Integer()),
  authorities: Type.Array(Type.String(), { description: 'Publishing authorities counted' }),
  rows: Type.Array(Type.Object({ key: Type.String({ description: 'State (global) or year (one State)' }), totals: SumRow, untoc: SumRow })),
  byKind: Type.Array(SumRow),
  byRegion: Type.Array(SumRow),
  byOutcome: Type.Array(SumRow),
  publishedAt: Type.Union([Type.String(), Type.Null()]),
});
