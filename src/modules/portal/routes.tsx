/** Page routes of the public portal (thin: parse, call one service function, render) and attachment downloads. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, RoutePlugin } from '../../platform/http/app.js';
import { NotFoundError } from '../../platform/http/errors.js';
import { allow } from '../access/index.js';
import { pageContext, sendPage } from '../../platform/web/page.js';
import { pageRoutes } from '../../platform/web/routes.js';
import { ENTRY_PATH, entryPath, lawPath, getLawAttachment, isEntryId, type EntryType } from '../knowledge/index.js';
import { parsePartySort } from './domain/parties.js';
import { articleModel, countriesModel, countryModel, entryModel, homeModel, lawModel } from './service.js';
import { CasePage, LegislationPage, StrategyPage, type EntryPageProps } from './pages/entry.js';
import { TreatyPage, articlePath } from './pages/treaty.js';
import { LawPage } from './pages/law.js';
import { ArticlePage } from './pages/article.js';
import { CountriesPage } from './pages/countries.js';
import { CountryPage } from './pages/country.js';
import { HomePage } from './pages/home.js';
import { OpenDataPage, type Endpoint } from './pages/open-data.js';
import { authoritiesOfCountry } from '../directory/index.js';
import { statusSources } from '../legalbasis/index.js';
import { nationalProvisions } from '../providers/index.js';

const LANG_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const ARTICLE_NUMBER = /^[0-9]+[a-z]?(bis|ter|quater)?$/;

function queryString(request: FastifyRequest): string {
  const i = request.url.indexOf('?');
  return i === -1 ? '' : request.url.slice(i);
}

function versionParam(request: FastifyRequest): string | undefined {
  const v = (request.query as Record<string, unknown>).version;
  return typeof v === 'string' && LANG_TAG.test(v) ? v : undefined;
}

/** The editor's page of what is shown, for readers allowed to edit knowledge content. */
function editHref(request: FastifyRequest, path: string): string | undefined {
  return allow(request.actor, 'knowledge.edit') ? `/${(request.params as { lang: string }).lang}${path}` : undefined;
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function publicUrl(app: App): string {
  return app.config.publicUrl.replace(/\/+$/, '');
}

/** Ids are lower case: /en/cases/ABC → /en/cases/abc. */
function lowerCaseRedirect(reply: FastifyReply, request: FastifyRequest, lang: string, path: (id: string) => string, id: string): FastifyReply | undefined {
  const lower = id.toLowerCase();
  if (lower !== id && isEntryId(lower)) return reply.redirect(`/${lang}${path(lower)}${queryString(request)}`, 301);
  return undefined;
}

function entryRoute(app: App, type: EntryType) {
  app.get(`/${ENTRY_PATH[type]}/:id`, async (request, reply) => {
    const { lang, id } = request.params as { lang: string; id: string };
    const lowered = lowerCaseRedirect(reply, request, lang, (x) => entryPath(type, x), id);
    if (lowered) return lowered;
    const found = await entryModel(app.db, type, id);
    if (found.kind === 'elsewhere') {
      const target = found.type === 'law' ? lawPath(id) : entryPath(found.type, id);
      return reply.redirect(`/${lang}${target}${queryString(request)}`, 301);
    }
    if (found.kind === 'missing') throw new NotFoundError(`No ${type} entry "${id}"`);
    const ctx = pageContext(request);
    const props: EntryPageProps = { ctx, model: found.value, version: versionParam(request), publicUrl: publicUrl(app), today: today(), editHref: editHref(request, `/editor/entries/${id}`) };
    switch (type) {
      case 'legislation':
        return sendPage(reply, <LegislationPage {...props} />);
      case 'case':
        return sendPage(reply, <CasePage {...props} />);
      case 'strategy':
        return sendPage(reply, <StrategyPage {...props} />);
      case 'treaty':
        return sendPage(reply, <TreatyPage {...props} sort={parsePartySort((request.query as Record<string, unknown>).sort)} statusAsOf={(await statusSources(app.db)).get(found.value.doc.id)?.as_of} />);
    }
  });
}

let endpointCache: Endpoint[] | undefined;

/** The API's endpoints as its OpenAPI document lists them (English summaries). */
function apiEndpoints(app: App): Endpoint[] {
  if (endpointCache) return endpointCache;
  const doc = app.swagger() as { paths?: Record<string, Record<string, { summary?: string }>> };
  const out: Endpoint[] = [];
  for (const [path, methods] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(methods)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      out.push({ method: method.toUpperCase(), path, summary: op.summary ?? '' });
    }
  }
  endpointCache = out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return endpointCache;
}

export const portalPages: RoutePlugin = pageRoutes(async (app) => {
  app.get('/', async (request, reply) => sendPage(reply, <HomePage ctx={pageContext(request)} model={await homeModel(app.db)} />));

  for (const type of ['legislation', 'case', 'treaty', 'strategy'] as const) entryRoute(app, type);

  app.get('/laws/:id', async (request, reply) => {
    const { lang, id } = request.params as { lang: string; id: string };
    const lowered = lowerCaseRedirect(reply, request, lang, lawPath, id);
    if (lowered) return lowered;
    const model = await lawModel(app.db, id);
    if (!model) throw new NotFoundError(`No law "${id}"`);
    return sendPage(reply, <LawPage ctx={pageContext(request)} model={model} version={versionParam(request)} publicUrl={publicUrl(app)} today={today()} editHref={editHref(request, `/editor/laws/${id}`)} />);
  });

  app.get('/instruments/:id', async (request, reply) => {
    const { lang, id } = request.params as { lang: string; id: string };
    return reply.redirect(`/${lang}${entryPath('treaty', id.toLowerCase())}${queryString(request)}`, 301);
  });

  app.get('/instruments/:id/articles/:number', async (request, reply) => {
    const { lang, id, number } = request.params as { lang: string; id: string; number: string };
    const lowered = { id: id.toLowerCase(), number: number.toLowerCase() };
    if ((lowered.id !== id || lowered.number !== number) && isEntryId(lowered.id)) {
      return reply.redirect(`/${lang}${articlePath(lowered.id, lowered.number)}${queryString(request)}`, 301);
    }
    const model = isEntryId(id) && ARTICLE_NUMBER.test(number) ? await articleModel(app.db, id, number) : undefined;
    if (!model) throw new NotFoundError(`No article ${number} of instrument "${id}"`);
    return sendPage(reply, <ArticlePage ctx={pageContext(request)} model={model} version={versionParam(request)} />);
  });

  app.get('/countries', async (request, reply) => sendPage(reply, <CountriesPage ctx={pageContext(request)} model={await countriesModel(app.db)} />));

  app.get('/countries/:iso3', async (request, reply) => {
    const { lang, iso3 } = request.params as { lang: string; iso3: string };
    if (!/^[A-Za-z]{3}$/.test(iso3)) throw new NotFoundError(`No country "${iso3}"`);
    if (iso3 !== iso3.toUpperCase()) return reply.redirect(`/${lang}/countries/${iso3.toUpperCase()}${queryString(request)}`, 301);
    const model = await countryModel(app.db, iso3);
    if (!model) throw new NotFoundError(`No country "${iso3}"`);
    const [authorities, sources, provisions] = await Promise.all([authoritiesOfCountry(app.db, request.actor, model.country.iso3), statusSources(app.db), nationalProvisions(app.db, request.actor, model.country.iso3)]);
    const statusAsOf = new Map([...sources].map(([id, s]) => [id, s.as_of]));
    return sendPage(reply, <CountryPage ctx={pageContext(request)} model={model} authorities={authorities} statusAsOf={statusAsOf} provisions={provisions} />);
  });

  app.get('/open-data', async (request, reply) => sendPage(reply, <OpenDataPage ctx={pageContext(request)} endpoints={apiEndpoints(app)} publicUrl={publicUrl(app)} />));
});

/** RFC 6266 Content-Disposition with an ASCII fallback and the UTF-8 name. */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** /files/{sha256}/{filename}: the official file of a law, with its stored media type. */
export const fileDownloads: RoutePlugin = async (app) => {
  app.get('/files/:sha256/:filename', { schema: { hide: true } }, async (request, reply) => {
    const { sha256 } = request.params as { sha256: string; filename: string };
    const file = await getLawAttachment(app.db, sha256);
    if (!file) throw new NotFoundError(`No file ${sha256}`);
    return reply
      .type(file.media_type)
      .header('content-disposition', contentDisposition(file.filename))
      .header('content-length', String(file.content.length))
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('etag', `"${file.id}"`)
      .header('content-security-policy', "default-src 'none'; sandbox")
      .send(file.content);
  });
};
