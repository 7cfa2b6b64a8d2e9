/** /{lang}/digest (the page) and /{lang}/digest/digest.pdf|docx (the same content to download). Thin: one service call each. */
import type { RoutePlugin } from '../../platform/http/app.js';
import { sendProblem } from '../../platform/http/problem.js';
import { pageContext, sendPage } from '../../platform/web/page.js';
import { pageRoutes } from '../../platform/web/routes.js';
import { NotFoundError, ValidationError } from '../../platform/http/errors.js';
import { ChromiumMissingError } from '../directory/index.js';
import { UNSPECIFIED } from './domain/digest.js';
import { dgT } from './texts.js';
import { DIGEST_FORMATS, MEDIA_TYPES, digestDocument } from './document/files.js';
import { DigestPage } from './pages/digest.js';
import { GROUP_PAGE_SIZE, GroupPage } from './pages/group.js';
import { digestModel } from './service.js';

export const digestPages: RoutePlugin = pageRoutes((app) => {
  const site = () => app.config.publicUrl.replace(/\/+$/, '');

  app.get('/digest', async (request, reply) => {
    const ctx = pageContext(request);
    return sendPage(reply, <DigestPage ctx={ctx} digest={await digestModel(app.db, ctx.lang)} />);
  });

  app.get('/digest/cooperation/:code', async (request, reply) => {
    const ctx = pageContext(request);
    const { code } = request.params as { code: string };
    const digest = await digestModel(app.db, ctx.lang);
    const key = code === 'unspecified' ? UNSPECIFIED : code;
    const group = digest.groups.cooperation.find((g) => g.key === key);
    if (!group) throw new NotFoundError(`No case of the digest has the type of cooperation "${code}"`);
    const pages = Math.max(1, Math.ceil(group.count / GROUP_PAGE_SIZE));
    const raw = (request.query as Record<string, unknown>).page;
    const page = raw === undefined ? 1 : typeof raw === 'string' && /^[0-9]{1,6}$/.test(raw) ? Number(raw) : NaN;
    if (!(page >= 1 && page <= pages)) throw new ValidationError([{ field: 'page', message: dgT(ctx.lang)('bad_page', { pages }) }]);
    return sendPage(reply, <GroupPage ctx={ctx} digest={digest} group={group} page={page} pages={pages} />);
  });

  for (const format of DIGEST_FORMATS) {
    app.get(`/digest/digest.${format}`, async (request, reply) => {
      const { lang } = pageContext(request);
      let file: Buffer;
      try {
        file = await digestDocument(app.db, lang, format, site());
      } catch (err) {
        if (err instanceof ChromiumMissingError) return sendProblem(request, reply, { status: 503, code: err.code, message: err.message });
        throw err;
      }
      return reply
        .type(MEDIA_TYPES[format])
        .header('content-disposition', `attachment; filename="palermo-digest-of-cases-${lang}.${format}"`)
        .header('cache-control', 'no-cache')
        .send(file);
    });
  }
});
