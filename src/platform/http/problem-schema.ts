import { Type } from 'typebox';

/** One invalid field of a request or a line of an import file. */
export const FieldIssueSchema = Type.Object(
  {
    field: Type.String({ description: 'The invalid field, e.g. texts.en.title, page, or a CSV column' }),
    message: Type.String(),
    line: Type.Optional(Type.Integer({ description: 'Line of the file, for imports' })),
  },
  { description: 'An invalid field' },
);

/** The body of every API error: application/problem+json (RFC 9457), see problem.ts. */
export const ProblemSchema = Type.Object(
  {
    type: Type.String({ description: 'Problem type URI, e.g. /problems/not-found' }),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String({ description: 'What went wrong, in English' }),
    instance: Type.String({ description: 'The request path' }),
    request_id: Type.String({ description: 'Quote it when reporting a problem' }),
    errors: Type.Optional(Type.Array(FieldIssueSchema, { description: 'One item per invalid field' })),
  },
  { description: 'application/problem+json (RFC 9457)' },
);
