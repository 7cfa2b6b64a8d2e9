/**
 * /{lang}/directory/import: the upload form for focal points and administrators. The file comes as
 * multipart/form-data, parsed here (one file field and the CSRF field, 20 MB at most) for this route only.
 */
import type { FastifyRequest } from 'fastify';
import type { RoutePlugin } from '../../platform/http/app.js';
import { AppError, ValidationError } from '../../platform/http/errors.js';
import { CsrfField, Layout } from '../../platform/web/layout.js';
import { href, pageContext, sendPage, type PageContext } from '../../platform/web/page.js';
import { pageRoutes } from '../../platform/web/routes.js';
import { allow } from '../access/index.js';
import { auditContext } from '../audit/index.js';
import { importAuthorities, type ImportResult } from './import/service.js';
import { dirT, edT } from './pages/ui.js';

const MAX_BYTES = 20 * 1024 * 1024;

interface Upload {
  fields: Record<string, string>;
  file?: { name: string; data: Buffer };
}

/** Parse a multipart/form-data body (RFC 7578) held in a buffer. */
export function parseMultipart(body: Buffer, contentType: string): Upload {
  const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  if (!m) throw new ValidationError([{ field: 'file', message: 'the form must be sent as multipart/form-data' }]);
  const boundary = Buffer.from(`--${m[1] ?? m[2]}`);
  const out: Upload = { fields: {} };
  let at = body.indexOf(boundary);
  while (at >= 0) {
    const start = at + boundary.length;
    if (body.subarray(start, start + 2).toString() === '--') break;
    const headEnd = body.indexOf('\r\n\r\n', start);
    const next = body.indexOf(boundary, headEnd);
    if (headEnd < 0 || next < 0) break;
    const head = body.subarray(start, headEnd).toString('utf8');
    const data = body.subarray(headEnd + 4, next - 2);
    const name = /name="([^"]*)"/i.exec(head)?.[1] ?? '';
    const filename = /filename="([^"]*)"/i.exec(head)?.[1];
    if (filename !== undefined) out.file = { name: filename, data };
    else out.fields[name] = data.toString('utf8');
    at = next;
  }
  return out;
}

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
          {props.result.mode === 'drafts' ? e('import_drafts', { count: props.result.drafts }) : e('import_done', { count: props.result.read, created: props.result.created, updated: props.result.updated, unchanged: props.result.unchanged })}
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

function mayImport(request: FastifyRequest): { admin: boolean } | undefined {
  const a = request.actor;
  if (allow(a, 'directory.import', {})) return { admin: true };
  if (a.grants.some((g) => g.role === 'focal_point' && g.country && allow(a, 'directory.import', { country: g.country }))) return { admin: false };
  return undefined;
}

export const importRoutes: RoutePlugin = pageRoutes(async (app) => {
  app.addContentTypeParser('multipart/form-data', { parseAs: 'buffer', bodyLimit: MAX_BYTES }, (request, body, done) => {
    try {
      const upload = parseMultipart(body as Buffer, String(request.headers['content-type'] ?? ''));
      // The CSRF check (accounts hooks) reads body._csrf.
      done(null, { _csrf: upload.fields._csrf ?? '', upload });
    } catch (err) {
      done(err as Error, undefined);
    }
  });

  app.get('/directory/import', async (request, reply) => {
    const may = mayImport(request);
    if (!may) throw request.actor.userId ? new AppError(403, 'forbidden', 'Only focal points and administrators import authorities') : new AppError(401, 'unauthorized', 'Sign in to continue');
    return sendPage(reply, <ImportPage ctx={pageContext(request)} admin={may.admin} />);
  });

  app.post('/directory/import', async (request, reply) => {
    const may = mayImport(request);
    if (!may) throw request.actor.userId ? new AppError(403, 'forbidden', 'Only focal points and administrators import authorities') : new AppError(401, 'unauthorized', 'Sign in to continue');
    const ctx = pageContext(request);
    const upload = (request.body as { upload?: Upload } | undefined)?.upload;
    if (!upload?.file || !upload.file.data.length) return sendPage(reply, <ImportPage ctx={ctx} admin={may.admin} issues={[{ field: 'file', message: 'choose a .jsonl or .csv file' }]} />, 400);
    const format = /\.csv$/i.test(upload.file.name) ? 'csv' : 'jsonl';
    const data = upload.file.data;
    try {
      const result = await importAuthorities(app.db, auditContext(request), format, async function* () {
        yield data;
      });
      return sendPage(reply, <ImportPage ctx={ctx} admin={may.admin} result={result} />);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      return sendPage(reply, <ImportPage ctx={ctx} admin={may.admin} issues={err.issues ?? []} />, 400);
    }
  });
});
