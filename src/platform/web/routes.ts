import type { App, RoutePlugin } from '../http/app.js';
import { NotFoundError } from '../http/errors.js';
import { isLang, negotiateLang } from '../i18n/languages.js';
import { assetUrl } from '../http/assets.js';

/**
 * Register page routes under "/:lang"; requests with an unknown language segment are 404.
 * Inside, routes are declared without the prefix: app.get('/search', ...).
 */
export function pageRoutes(register: (app: App) => Promise<void> | void): RoutePlugin {
  return async (app) => {
    await app.register(
      async (child) => {
        const pages = child as unknown as App;
        pages.addHook('onRequest', async (request) => {
          const { lang } = request.params as { lang?: string };
          if (!isLang(lang)) throw new NotFoundError(`No page at ${request.url.split('?')[0]}`);
        });
        await register(pages);
      },
      { prefix: '/:lang' },
    );
  };
}

/** "/" sends readers to their language; /favicon.ico to the icon; /problems/<type> (the type of an API error) to its description. */
export const rootRedirect: RoutePlugin = async (app) => {
  app.get('/favicon.ico', { schema: { hide: true } }, async (_request, reply) => reply.redirect(assetUrl('favicon.svg'), 301));
  app.get('/problems/:type', { schema: { hide: true } }, async (request, reply) => {
    const { type } = request.params as { type: string };
    reply.header('vary', 'accept-language');
    return reply.redirect(`/${negotiateLang(request.headers['accept-language'])}/open-data#problem-${encodeURIComponent(type)}`, 302);
  });
  app.get('/', { schema: { hide: true } }, async (request, reply) => {
    reply.header('vary', 'accept-language');
    return reply.redirect(`/${negotiateLang(request.headers['accept-language'])}/`, 302);
  });
};
