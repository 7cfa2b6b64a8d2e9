/**
 * API of casework data: POST /api/v1/casework/import (a JSON Lines or CSV body, streamed into the
 * import; casework.import) and GET /api/v1/casework/export (streamed; casework.export). The body is
 * handed to the import as a stream: only the current line is held.
 */
import { Readable } from 'node:stream';
import multipart from '@fastify/multipart';
import { Type } from 'typebox';
import type { RoutePlugin } from '../../platform/http/app.js';
import { AppError, ValidationError } from '../../platform/http/errors.js';
import { FieldIssueSchema, ProblemSchema } from '../../platform/http/problem-schema.js';
import { receiveMultipart } from '../../platform/http/multipart.js';
import { assertMayExport, exportText, type ExportFormat } from './export/service.js';
import { importCasesAs } from './import/service.js';
import type { ImportFormat } from './import/sources.js';

/** Largest import body (a spreadsheet of tens of thousands of cases fits). */
export const IMPORT_BODY_LIMIT = 200 * 1024 * 1024;
const MEDIA = { jsonl: 'application/x-ndjson', csv: 'text/csv' } as const;
const AuthorityParam = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._:-]{0,119}$', description: 'Directory identifier of the authority (the actor must be its supervisor)' });
const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: ProblemSchema } } });

const ReportSchema = Type.Object({
  authority: Type.String(),
  format: Type.String(),
  dry_run: Type.Boolean(),
  cases: Type.Integer({ description: 'Cases in the file (all checked)' }),
  written: Type.Boolean({ description: 'Whether the cases were written (false for a dry run)' }),
  counters: Type.Array(Type.Object({ direction: Type.String(), year: Type.Integer(), number: Type.Integer() }), { description: 'Reference numbering moved past the imported numbers' }),
  errors: Type.Array(FieldIssueSchema),
});

export const caseworkDataApi: RoutePlugin = async (app) => {
  await app.register(multipart, { limits: { fileSize: IMPORT_BODY_LIMIT, files: 1, fields: 5, fieldSize: 1024, parts: 6, headerPairs: 50 } });
  // The body reaches the handler as a stream (no buffering): the import reads it line by line.
  app.addContentTypeParser(['application/x-ndjson', 'application/jsonl', 'text/csv', 'text/plain'], { bodyLimit: IMPORT_BODY_LIMIT }, (_req, payload, done) => done(null, payload));

  app.post(
    '/api/v1/casework/import',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags: ['casework'],
        summary: 'Import existing cases of an authority (all or nothing)',
        description:
          'The body is the file: JSON Lines (application/x-ndjson, one canonical case record per line) or CSV (text/csv, one row per case), or multipart/form-data with the file in a part named `file` (docs/IMPORT-FORMATS.md). All or nothing: any problem refuses the whole file with 400 and every problem (up to 100) with its line and field. References are kept as given (unique per authority); the numbering continues after the highest imported number. Scope: casework.import.',
        querystring: Type.Object({
          authority: AuthorityParam,
          format: Type.Optional(Type.Enum(['jsonl', 'csv'], { description: 'Default: from the Content-Type (text/csv → csv, else jsonl)' })),
          dry_run: Type.Optional(Type.Boolean({ description: 'Check only, write nothing' })),
        }),
        response: { 200: ReportSchema, 400: problem('The file has problems: each named with its line and field; nothing was written'), 401: problem('Not signed in'), 403: problem('Not a supervisor of the authority') },
      },
    },
    async (request) => {
      const q = request.query as { authority: string; format?: ImportFormat; dry_run?: boolean };
      let report: Awaited<ReturnType<typeof importCasesAs>> | null;
      if (request.isMultipart()) {
        // multipart/form-data: the part named "file"; its name (.csv) gives the format unless ?format= does.
        ({ file: report } = await receiveMultipart(request, { fields: [], maxBytes: IMPORT_BODY_LIMIT }, (part) => {
          const format: ImportFormat = q.format ?? ((part.filename ?? '').toLowerCase().endsWith('.csv') || part.mimetype === 'text/csv' ? 'csv' : 'jsonl');
          return importCasesAs(app.db, request.actor, part.stream, { authorityId: q.authority, format, dryRun: !!q.dry_run });
        }));
        if (!report) throw new ValidationError([{ field: 'file', message: 'send the file in a part named "file"' }]);
      } else {
        const body = request.body as Readable | undefined;
        if (!body || typeof (body as Readable).pipe !== 'function') throw new ValidationError([{ field: 'body', message: 'send the file as application/x-ndjson, text/csv or multipart/form-data (part "file")' }]);
        const format: ImportFormat = q.format ?? (String(request.headers['content-type'] ?? '').startsWith('text/csv') ? 'csv' : 'jsonl');
        report = await importCasesAs(app.db, request.actor, body, { authorityId: q.authority, format, dryRun: !!q.dry_run });
      }
      if (report.errors.length) throw new ValidationError(report.errors, `The file has ${report.errors.length}${report.truncated ? '+' : ''} problem(s); nothing was imported`);
      return { authority: report.authorityId, format: report.format, dry_run: report.dryRun, cases: report.cases, written: report.written, counters: report.counters, errors: [] };
    },
  );

  app.get(
    '/api/v1/casework/export',
    {
      schema: {
        tags: ['casework'],
        summary: 'Export the cases of an authority',
        description:
          'Streamed. JSON Lines: one canonical case record per line with its hash-chained `history` and its `id`, so that the chain can be verified elsewhere (docs/CASEWORK.md, History). CSV: one row per case, without history. Every case exported is logged in the access log. Scope: casework.export.',
        querystring: Type.Object({ authority: AuthorityParam, format: Type.Optional(Type.Enum(['jsonl', 'csv'], { description: 'Default jsonl' })) }),
        response: {
          200: { description: 'The export', content: { 'application/x-ndjson': { schema: Type.String() }, 'text/csv': { schema: Type.String() } } },
          401: problem('Not signed in'),
          403: problem('Not a supervisor of the authority'),
        },
      },
    },
    async (request, reply) => {
      const q = request.query as { authority: string; format?: ExportFormat };
      const format = q.format ?? 'jsonl';
      assertMayExport(request.actor, q.authority);
      async function* body() {
        for await (const chunk of exportText(app.db, { authorityId: q.authority, format, actor: request.actor })) yield Buffer.from(chunk, 'utf8');
      }
      return reply
        .type(`${MEDIA[format]}; charset=utf-8`)
        .header('content-disposition', `attachment; filename="casework-${q.authority}.${format}"`)
        .header('cache-control', 'private, no-store')
        .send(Readable.from(body(), { objectMode: false }) as never);
    },
  );
};
