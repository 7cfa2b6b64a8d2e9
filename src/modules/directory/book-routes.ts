/** /{lang}/directory/book.pdf and book.docx: the whole directory the reader may see, in their language. */
import fs from 'node:fs';
import type { RoutePlugin } from '../../platform/http/app.js';
import { sendProblem } from '../../platform/http/problem.js';
import { isLang, type Lang } from '../../platform/i18n/languages.js';
import { pageRoutes } from '../../platform/web/routes.js';
import { auditContext } from '../audit/index.js';
import { viewerOf } from './domain/visibility.js';
import { bookDocx } from './export/docx.js';
import { bookPdf, ChromiumMissingError } from './export/pdf.js';
import { auditExport } from './export/stream.js';

export const bookRoutes: RoutePlugin = pageRoutes((app) => {
  const site = () => app.config.publicUrl.replace(/\/+$/, '');
  const langOf = (params: unknown): Lang => {
    const l = (params as { lang?: string }).lang;
    return isLang(l) ? l : 'en';
  };

  app.get('/directory/book.pdf', async (request, reply) => {
    const lang = langOf(request.params);
    const viewer = viewerOf(request.actor);
    let file: string;
    try {
      file = await bookPdf(app.db, { lang, viewer, site: site() });
    } catch (err) {
      if (err instanceof ChromiumMissingError) return sendProblem(request, reply, { status: 503, code: err.code, message: err.message });
      throw err;
    }
    await auditExport(app.db, auditContext(request), viewer, 'pdf', lang);
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="palermo-directory-${lang}.pdf"`)
      .header('cache-control', viewer.restricted ? 'private, no-store' : 'public, max-age=300')
      .send(fs.createReadStream(file));
  });

  app.get('/directory/book.docx', async (request, reply) => {
    const lang = langOf(request.params);
    const viewer = viewerOf(request.actor);
    const bytes = await bookDocx(app.db, { lang, viewer, site: site() });
    await auditExport(app.db, auditContext(request), viewer, 'docx', lang);
    return reply
      .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
      .header('content-disposition', `attachment; filename="palermo-directory-${lang}.docx"`)
      .header('cache-control', viewer.restricted ? 'private, no-store' : 'public, max-age=300')
      .send(bytes);
  });
});
