/**
 * Page routes of the electronic evidence hub. Thin: each passes the request to a service, then
 * renders. Pages that may show practitioners-only fields are never stored by a cache.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RoutePlugin } from '../../platform/http/app.js';
import { NotFoundError } from '../../platform/http/errors.js';
import { href, pageContext, sendPage } from '../../platform/web/page.js';
import { allow } from '../access/index.js';
import { auditContext } from '../audit/index.js';
import { providerEditor, saveProviderForm, transitionProviderForm } from './editor-service.js';
import { ProviderEditorPage } from './pages/editor.js';
import { pageRoutes } from '../../platform/web/routes.js';
import { listCountries } from '../reference/index.js';
import { isChecklist } from './domain/hub.js';
import { viewerOf } from './domain/visibility.js';
import { nationalProvisions } from './provisions.js';
import { getProvider, searchProviders } from './service.js';
import { ChecklistPage } from './pages/checklist.js';
import { HubPage } from './pages/hub.js';
import { ProvidersPage } from './pages/list.js';
import { ProviderPage } from './pages/provider.js';

function privacy(request: FastifyRequest, reply: FastifyReply): boolean {
  const restricted = viewerOf(request.actor).restricted;
  reply.header('vary', 'Cookie');
  if (restricted) reply.header('cache-control', 'private, no-store');
  return restricted;
}

export const providersPages: RoutePlugin = pageRoutes((app) => {
  app.get('/e-evidence', async (request, reply) => {
    // The hub shows the directory's fields as the reader may see them: never cached for practitioners.
    privacy(request, reply);
    const raw = (request.query as { country?: unknown }).country;
    const countries = await listCountries(app.db);
    const country = typeof raw === 'string' && countries.some((c) => c.iso3 === raw.toUpperCase()) ? raw.toUpperCase() : undefined;
    const [providers, provisions] = await Promise.all([searchProviders(app.db, request.actor, {}), country ? nationalProvisions(app.db, request.actor, country) : undefined]);
    return sendPage(reply, <HubPage ctx={pageContext(request)} providers={providers} countries={countries} country={country} provisions={provisions} />);
  });

  app.get('/e-evidence/providers', async (request, reply) => {
    const restricted = privacy(request, reply);
    const [results, countries] = await Promise.all([searchProviders(app.db, request.actor, request.query as Record<string, unknown>), listCountries(app.db)]);
    return sendPage(reply, <ProvidersPage ctx={pageContext(request)} results={results} countries={countries} restricted={restricted} canCreate={allow(request.actor, 'providers.create')} />);
  });

  app.get('/e-evidence/providers/:id', async (request, reply) => {
    privacy(request, reply);
    const [p, countries] = await Promise.all([getProvider(app.db, request.actor, (request.params as { id: string }).id), listCountries(app.db)]);
    return sendPage(reply, <ProviderPage ctx={pageContext(request)} p={p} countries={countries} />);
  });

  app.get('/e-evidence/checklists/:kind', async (request, reply) => {
    const kind = (request.params as { kind: string }).kind;
    if (!isChecklist(kind)) throw new NotFoundError(`No checklist "${kind}"`);
    return sendPage(reply, <ChecklistPage ctx={pageContext(request)} kind={kind} />);
  });

  // Curators' editor (the workflow with four eyes); every answer is private.
  const editor = async (request: FastifyRequest, reply: FastifyReply, id: string | undefined) => {
    reply.header('cache-control', 'private, no-store');
    const json = (request.query as Record<string, unknown>).format === 'json';
    const [model, countries] = await Promise.all([providerEditor(app.db, auditContext(request), id, json), listCountries(app.db)]);
    return sendPage(reply, <ProviderEditorPage ctx={pageContext(request)} model={model} countries={countries} />);
  };
  const save = async (request: FastifyRequest, reply: FastifyReply, id: string | undefined) => {
    reply.header('cache-control', 'private, no-store');
    const r = await saveProviderForm(app.db, auditContext(request), id, request.body);
    if ('saved' in r) return reply.redirect(href(pageContext(request), `/e-evidence/providers/${r.saved}/edit`), 303);
    return sendPage(reply, <ProviderEditorPage ctx={pageContext(request)} model={r.model} countries={await listCountries(app.db)} />, 400);
  };
  app.get('/e-evidence/new', async (request, reply) => editor(request, reply, undefined));
  app.post('/e-evidence/new', async (request, reply) => save(request, reply, undefined));
  app.get('/e-evidence/providers/:id/edit', async (request, reply) => editor(request, reply, (request.params as { id: string }).id));
  app.post('/e-evidence/providers/:id/edit', async (request, reply) => save(request, reply, (request.params as { id: string }).id));
  app.post('/e-evidence/providers/:id/transition', async (request, reply) => {
    const id = (request.params as { id: string }).id;
    await transitionProviderForm(app.db, auditContext(request), id, request.body);
    return reply.redirect(href(pageContext(request), `/e-evidence/providers/${id}/edit`), 303);
  });
});
