/**
 * GET /api/v1/legal-basis?from=ISO3&to=ISO3&kind=...: the legal basis finder as JSON. Public; the
 * requested State's directory entry as the caller may see it, and whether each instrument is in force
 * for each State on `on` (today by default). 400 (problem+json) names from, to, kind or on when wrong.
 */
import { Type } from 'typebox';
import type { App } from '../../platform/http/app.js';
import { ProblemSchema } from '../../platform/http/problem-schema.js';
import { findLegalBasis } from './service.js';
import { LEGAL_BASIS_KINDS } from './domain/kinds.js';

const Texts = Type.Record(Type.String(), Type.String(), { description: 'Text by BCP 47 language tag' });
const Status = Type.Union(
  [
    Type.Object({
      signed_on: Type.Optional(Type.String({ format: 'date' })),
      consent_kind: Type.Optional(Type.String({ description: 'ratification, acceptance, approval, accession, succession or definitive_signature' })),
      consent_on: Type.Optional(Type.String({ format: 'date' })),
      entry_into_force_on: Type.Optional(Type.String({ format: 'date', description: 'When the instrument entered (or enters) into force for this State: for UNTOC, its Protocols and UNCAC computed from the depositary\'s dates (the thirtieth day after the deposit, or the instrument\'s own entry into force if later; none for a succession)' })),
      in_force: Type.Optional(Type.Enum(['in_force', 'not_yet_in_force', 'date_unknown'], { description: 'On the day `on`: in force for this State, a party but not yet in force for it, or a party with no known date; absent when the State has not consented' })),
      declarations: Type.Optional(Type.String()),
      reservations: Type.Optional(Type.String()),
      demo: Type.Boolean(),
    }),
    Type.Null(),
  ],
  { description: 'The State\'s status in the instrument; null when it neither signed nor consented' },
);
const Instrument = Type.Object({
  id: Type.String(),
  kind: Type.Enum(['universal', 'regional', 'bilateral']),
  short_name: Type.Union([Type.String(), Type.Null()]),
  titles: Texts,
  articles: Type.Array(Type.String(), { description: 'Articles governing this kind of cooperation (shipped instruments)' }),
  binds_both: Type.Boolean(),
  from: Status,
  to: Status,
  as_of: Type.Union([Type.String(), Type.Null()], { description: 'Status as published by the depositary, as of this date (YYYY, YYYY-MM or YYYY-MM-DD); null when not imported from the depositary' }),
  demo: Type.Boolean(),
});

const BasisOut = Type.Object({
  from: Type.String(),
  to: Type.String(),
  kind: Type.Enum([...LEGAL_BASIS_KINDS]),
  binding: Type.Array(Instrument, { description: 'Instruments to which both States consented, most relevant first' }),
  not_binding: Type.Array(Instrument, { description: 'Instruments on this kind of cooperation that do not bind both' }),
  steps: Type.Array(
    Type.Object({
      code: Type.Enum(['not_yet_in_force', 'treaty_first', 'untoc_18_paras_9_29', 'untoc_18_7_treaty', 'uncac_46_paras_9_29', 'untoc_extradition_basis', 'untoc_provides', 'uncac_provides', 'nothing_binds']),
      instruments: Type.Optional(Type.Array(Type.String())),
      instrument: Type.Optional(Type.String({ description: 'not_yet_in_force: the instrument' })),
      state: Type.Optional(Type.String({ description: 'not_yet_in_force: the State for which it is not yet in force' })),
      from_on: Type.Optional(Type.String({ format: 'date', description: 'not_yet_in_force: the day it enters into force for that State' })),
      accepted: Type.Optional(Type.Enum(['yes', 'no', 'unknown'])),
      articles: Type.Optional(Type.Array(Type.String())),
    }),
    { description: 'Which applies, in order (docs/LEGAL-BASIS.md)' },
  ),
  statements: Type.Array(
    Type.Object({
      instrument: Type.String(),
      state: Type.String(),
      type: Type.Enum(['declaration', 'reservation']),
      text: Type.String(),
      mentions: Type.Array(Type.String(), { description: 'UNTOC paragraphs mentioned among 16(5), 18(13), 18(14)' }),
      demo: Type.Boolean(),
    }),
  ),
  directory: Type.Object({
    authorities: Type.Array(
      Type.Object({
        id: Type.String(),
        names: Texts,
        languages: Type.Array(Type.String()),
        channels: Type.Array(Type.String()),
        demo: Type.Boolean(),
        requirement: Type.Optional(Type.Object({ status: Type.String(), conditions: Type.Optional(Texts) })),
      }),
    ),
    untocExtraditionBasis: Type.Enum(['yes', 'no', 'unknown']),
    untocExtraditionNote: Type.Optional(Texts),
  }),
  as_of: Type.Array(Type.String(), { description: 'Dates of the depositary status shown' }),
  on: Type.Union([Type.String({ format: 'date' }), Type.Null()], { description: 'The day `in_force` is told for' }),
});

const Q = (description: string) => Type.Optional(Type.String({ description, maxLength: 200 }));

export async function legalBasisApi(app: App): Promise<void> {
  app.get(
    '/api/v1/legal-basis',
    {
      schema: {
        tags: ['legal-basis'],
        summary: 'Legal basis for cooperation between two States',
        description:
          'Every instrument binding both the requesting (`from`) and the requested (`to`) State for a kind of cooperation, each State\'s status and date (treaty status of UNTOC, its Protocols and UNCAC as published by the depositary, with the date it is as of), the declarations and reservations recorded, what the requested State\'s directory entry says (UNTOC as a basis for extradition, authorities, languages, channels, requirements), and the order in which they apply (`steps`).',
        querystring: Type.Object({ from: Q('Requesting State, ISO 3166-1 alpha-3'), to: Q('Requested State, ISO 3166-1 alpha-3'), kind: Q(`Kind of cooperation: ${LEGAL_BASIS_KINDS.join(', ')}`), on: Q('The day the status is told for, YYYY-MM-DD (today, UTC, when absent)') }, { additionalProperties: false }),
        response: { 200: BasisOut, 400: ProblemSchema },
      },
    },
    async (request) => findLegalBasis(app.db, request.query, request.actor),
  );
}
