/**
 * /{lang}/directory/import: the upload form for focal points and administrators. The form is read as
 * a stream (@fastify/multipart): its CSRF token field, which comes before the file, is checked before
 * the file is read; the file is streamed into the import (at most MAX_UPLOAD_BYTES, 413 beyond).
 */
import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { RoutePlugin } from '../../platform/http/app.js';
import { ValidationError } from '../../platform/http/errors.js';
import { receiveMultipart } from '../../platform/http/multipart.js';
import { CsrfField, Layout } from '../../platform/web/layout.js';
import { href, pageContext, sendPage, type PageContext } from '../../platform/web/page.js';
import { pageRoutes } from '../../platform/web/routes.js';
import { assertAllowedSomewhere } from '../access/index.js';
import { assertFormToken } from '../accounts/index.js';
import { auditContext } from '../audit/index.js';
import type { ImportResult } from './import/service.js';
import { importUpload, MAX_UPLOAD_BYTES, TOO_LARGE_ADVICE } from './import/upload.js';
import { dirT, edT } from './pages/ui.js';

function ImportPage(props: { ctx: PageContext; admin: boolean; result?: ImportResult; issues?: { line?: number; field: string; message: string }[] }) {
  const { ctx } = props;
  const t = dirT(ctx.lang);
  const e = edT(ctx.lang);
  return (
    <Layout ctx={ctx} title={e('import_title')} section="directory">
      <nav class="breadcrumbs" aria-label={t('links_heading')}>
        <ol>
          <li>
            <a href={href(ctx, '/directory')}>{t('title')}</a>
          </li>
        </ol>
      </nav>
      <h1>{e('import_title')}</h1>
      <p>{e('import_intro')}</p>
      <p>{props.admin ? e('import_admin') : e('import_focal')}</p>
      {props.result ? (
        <p class="dir-done" role="status">
          {props.result.mode === 'drafts'
            ? e('import_drafts', { count: props.result.drafts })
            : props.result.mode === 'review'
              ? e('import_review', { count: props.result.submitted, unchanged: props.result.unchanged })
              : e('import_done', { count: props.result.read, created: props.result.created, updated: props.result.updated, unchanged: props.result.unchanged })}
        </p>
      ) : null}
      {props.issues?.length ? (
        <div class="error-summary" role="alert" aria-labelledby="import-errors" tabIndex={-1}>
          <h2 id="import-errors">{e('import_failed', { count: props.issues.length })}</h2>
          <ul>
            {props.issues.slice(0, 200).map((i) => (
              <li dir="auto">{e('import_line', { line: i.line ?? '?', field: i.field, message: i.message })}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <form method="post" action={href(ctx, '/directory/import')} enctype="multipart/form-data">
        <CsrfField ctx={ctx} />
        <div class="form-row">
          <label for="f-file">{e('import_file')}</label>
          <input type="file" id="f-file" name="file" accept=".jsonl,.ndjson,.csv,application/x-ndjson,text/csv" required />
        </div>
        <button type="submit">{e('import_button')}</button>
      </form>
    </Layout>
  );
}

/** May the actor import (401/403 otherwise)? Administrators submit for review; focal points save drafts. */
function mayImport(request: FastifyRequest): { admin: boolean } {
  return { admin: assertAllowedSomewhere(request.actor, 'directory.import').all };
}

export const importRoutes: RoutePlugin = pageRoutes(async (app) => {
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10, fieldSize: 1024, parts: 12, headerPairs: 50 } });

  app.get('/directory/import', async (request, reply) => {
    const may = mayImport(request);
    return sendPage(reply, <ImportPage ctx={pageContext(request)} admin={may.admin} />);
  });

  app.post('/directory/import', { config: { csrfInMultipart: true } }, async (request, reply) => {
    const may = mayImport(request);
    const ctx = pageContext(request);
    if (!request.isMultipart()) throw new ValidationError([{ field: 'file', message: 'the form must be sent as multipart/form-data' }]);
    let result: ImportResult | null;
    try {
      ({ file: result } = await receiveMultipart(
        request,
        { fields: [], maxBytes: MAX_UPLOAD_BYTES, advice: TOO_LARGE_ADVICE, checkToken: (fields) => assertFormToken(app, request, fields._csrf) },
        (file) => importUpload(app.db, auditContext(request), { filename: file.filename ?? '', stream: file.stream }),
      ));
    } catch (err) {
      if (err instanceof ValidationError) return sendPage(reply, <ImportPage ctx={ctx} admin={may.admin} issues={err.issues ?? []} />, 400);
      throw err;
    }
    if (!result) return sendPage(reply, <ImportPage ctx={ctx} admin={may.admin} issues={[{ field: 'file', message: 'choose a .jsonl or .csv file' }]} />, 400);
    return sendPage(reply, <ImportPage ctx={ctx} admin={may.admin} result={result} />);
  });
});
