/**
 * /{lang}/directory/book.pdf and book.docx: the whole directory in the reader's language, public
 * edition by default, `?edition=restricted` for those allowed (see export/service.ts).
 */
import fs from 'node:fs';
import type { RoutePlugin } from '../../platform/http/app.js';
import { sendProblem } from '../../platform/http/problem.js';
import { isLang, type Lang } from '../../platform/i18n/languages.js';
import { pageRoutes } from '../../platform/web/routes.js';
import { auditContext } from '../audit/index.js';
import { ChromiumMissingError } from './export/pdf.js';
import { directoryBook } from './export/service.js';

const TYPES = { pdf: 'application/pdf', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' } as const;

export const bookRoutes: RoutePlugin = pageRoutes((app) => {
  const site = () => app.config.publicUrl.replace(/\/+$/, '');
  const langOf = (params: unknown): Lang => {
    const l = (params as { lang?: string }).lang;
    return isLang(l) ? l : 'en';
  };

  for (const format of ['pdf', 'docx'] as const) {
    app.get(`/directory/book.${format}`, async (request, reply) => {
      const lang = langOf(request.params);
      // Whatever the edition, a shared cache must key the book on who asks (the session or token).
      reply.header('vary', 'Cookie, Authorization');
      let book: { file: string; restricted: boolean };
      try {
        book = await directoryBook(app.db, auditContext(request), { format, lang, query: request.query, site: site(), dataDir: app.config.dataDir });
      } catch (err) {
        if (err instanceof ChromiumMissingError) return sendProblem(request, reply, { status: 503, code: err.code, message: err.message });
        throw err;
      }
      return reply
        .type(TYPES[format])
        .header('content-disposition', `attachment; filename="palermo-directory-${lang}${book.restricted ? '-restricted' : ''}.${format}"`)
        .header('cache-control', book.restricted ? 'private, no-store' : 'public, max-age=300')
        .send(fs.createReadStream(book.file));
    });
  }
});
