/** Page routes of the directory (thin: parse, call a service, render). */
import type { FastifyRequest } from 'fastify';
import type { App, RoutePlugin } from '../../platform/http/app.js';
import { ForbiddenError, NotFoundError, UnauthorizedError, ValidationError } from '../../platform/http/errors.js';
import { pageContext, sendPage, href } from '../../platform/web/page.js';
import { pageRoutes } from '../../platform/web/routes.js';
import { pickLocalized } from '../../platform/i18n/languages.js';
import { type Actor, allow } from '../access/index.js';
import { auditContext } from '../audit/index.js';
import { entryPath, lawPath, getLawSummaries, resolveId, loadEntryDocuments } from '../knowledge/index.js';
import { history, getRevision, type TransitionName } from '../workflow/index.js';
import { authorityAdapter, AUTHORITY_PART } from './adapter.js';
import { viewerOf } from './domain/visibility.js';
import type { AuthorityDocument } from './domain/schema.js';
import { authorityHistory, markVerified, newAuthorityId, openRevisionOf, revertAuthority, saveAuthorityDraft, setAuthorityArchived, transitionAuthority, workQueue } from './editing.js';
import { getAuthority, lookupAuthority, searchDirectory } from './service.js';
import { DirectoryPage, type DirectoryLinks } from './pages/list.js';
import { AuthorityPage, type LawLink } from './pages/authority.js';
import { LookupPage } from './pages/lookup.js';
import { AuthorityFormPage } from './pages/form.js';
import { HistoryPage, QueuePage } from './pages/history.js';
import { FiguresPage } from './pages/figures.js';
import { directoryFigures } from './figures.js';
import { documentLanguages, formLanguages, formToDocument, type FormBody } from './pages/form-parse.js';
import { edT, nameText, pageRefs } from './pages/ui.js';
import { selectAuthorities } from './repository.js';
import { contentOf } from './live.js';

const TRANSITIONS: readonly TransitionName[] = ['submit', 'withdraw', 'return', 'publish', 'discard'];

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : undefined;
}

function bodyOf(request: FastifyRequest): FormBody {
  const b = request.body;
  return b && typeof b === 'object' ? (b as FormBody) : {};
}

function focalCountries(actor: Actor): string[] {
  return actor.grants.filter((g) => g.role === 'focal_point' && g.country).map((g) => g.country!);
}

export function linksFor(actor: Actor): DirectoryLinks {
  const editor = actor.grants.some((g) => ['focal_point', 'authority_officer', 'authority_supervisor'].includes(g.role));
  return {
    queue: editor,
    create: focalCountries(actor).length > 0,
    import: allow(actor, 'directory.import', {}) || focalCountries(actor).length > 0,
    restricted: viewerOf(actor).restricted,
  };
}

async function lawLinks(app: App, ids: readonly string[]): Promise<LawLink[]> {
  if (!ids.length) return [];
  const kinds = await Promise.all(ids.map((id) => resolveId(app.db, id)));
  const lawIds = ids.filter((_, i) => kinds[i] === 'law');
  const entryIds = ids.filter((_, i) => kinds[i] === 'legislation');
  const [laws, entries] = await Promise.all([getLawSummaries(app.db, lawIds), loadEntryDocuments(app.db, entryIds, { publishedOnly: true })]);
  return ids.flatMap((id): LawLink[] => {
    const law = laws.find((l) => l.id === id);
    if (law) {
      const title = pickLocalized(law.titles, 'en');
      return [{ id, path: lawPath(id), title: title?.text ?? law.citation ?? id, ...(title ? { lang: title.lang } : {}) }];
    }
    const entry = entries.find((e) => e.id === id);
    if (entry) {
      const title = pickLocalized(Object.fromEntries(Object.entries(entry.texts).map(([l, v]) => [l, v.title])), 'en');
      return [{ id, path: entryPath('legislation', id), title: title?.text ?? id, ...(title ? { lang: title.lang } : {}) }];
    }
    return [];
  });
}

function requireUser(request: FastifyRequest): Actor {
  if (!request.actor?.userId) throw new UnauthorizedError();
  return request.actor;
}

export const directoryPages: RoutePlugin = pageRoutes((app) => {
  app.get('/directory', async (request, reply) => {
    const ctx = pageContext(request);
    const [results, refs] = await Promise.all([searchDirectory(app.db, request.actor, request.query as Record<string, string>), pageRefs(app.db)]);
    return sendPage(reply, <DirectoryPage ctx={ctx} results={results} refs={refs} links={linksFor(request.actor)} demo={results.items.some((i) => i.demo)} />);
  });

  app.get('/directory/lookup', async (request, reply) => {
    const ctx = pageContext(request);
    const q = request.query as Record<string, unknown>;
    const state = str(q.state);
    const req = str(q.request);
    const refs = await pageRefs(app.db);
    const restricted = viewerOf(request.actor).restricted;
    if (!state && !req) return sendPage(reply, <LookupPage ctx={ctx} refs={refs} restricted={restricted} issues={[]} />);
    try {
      const result = await lookupAuthority(app.db, request.actor, { state, request: req });
      return sendPage(reply, <LookupPage ctx={ctx} refs={refs} state={state} request={req} result={result} restricted={restricted} issues={[]} />);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      return sendPage(reply, <LookupPage ctx={ctx} refs={refs} state={state} request={req} restricted={restricted} issues={err.issues ?? []} />, 400);
    }
  });

  app.get('/directory/authorities/:id', async (request, reply) => {
    const ctx = pageContext(request);
    const { id } = request.params as { id: string };
    const a = await getAuthority(app.db, request.actor, id);
    const [refs, laws] = await Promise.all([pageRefs(app.db), lawLinks(app, a.doc.laws ?? [])]);
    let transitions: string[] = [];
    if (a.workflow?.open) {
      const items = await history(app.db, auditContext(request), authorityAdapter, id, AUTHORITY_PART);
      transitions = items.find((i) => i.revision.id === a.workflow!.open!.id)?.actions ?? [];
    }
    const doneKey = str((request.query as Record<string, unknown>).done);
    const e = edT(ctx.lang);
    const done = doneKey === 'verified' ? e('verified_done') : doneKey === 'saved' ? e('saved') : doneKey ? e('done') : undefined;
    return sendPage(reply, <AuthorityPage ctx={ctx} a={a} refs={refs} laws={laws} now={new Date()} restricted={viewerOf(request.actor).restricted} transitions={transitions} done={done} />);
  });

  app.post('/directory/authorities/:id/verify', async (request, reply) => {
    const ctx = pageContext(request);
    const { id } = request.params as { id: string };
    await markVerified(app.db, auditContext(request), id);
    return reply.redirect(href(ctx, `/directory/authorities/${id}`, { done: 'verified' }), 303);
  });

  for (const action of ['archive', 'restore'] as const) {
    app.post(`/directory/authorities/:id/${action}`, async (request, reply) => {
      const ctx = pageContext(request);
      const { id } = request.params as { id: string };
      await setAuthorityArchived(app.db, auditContext(request), id, action === 'archive', str(bodyOf(request).comment) ?? '');
      return reply.redirect(href(ctx, `/directory/authorities/${id}`, { done: action }), 303);
    });
  }

  app.post('/directory/authorities/:id/transition', async (request, reply) => {
    const ctx = pageContext(request);
    const { id } = request.params as { id: string };
    const body = bodyOf(request);
    const name = str(body.transition) as TransitionName | undefined;
    const revision = Number(str(body.revision));
    if (!name || !TRANSITIONS.includes(name)) throw new ValidationError([{ field: 'transition', message: `must be one of: ${TRANSITIONS.join(', ')}` }]);
    if (!Number.isSafeInteger(revision) || revision < 1) throw new ValidationError([{ field: 'revision', message: 'must be a revision number' }]);
    const rev = await getRevision(app.db, revision);
    if (!rev || rev.subject_type !== 'authority' || rev.subject_id !== id) throw new NotFoundError(`No revision ${revision} of "${id}"`);
    const comment = str(body.comment);
    await transitionAuthority(app.db, auditContext(request), revision, name, comment ? { comment } : {});
    const live = (await selectAuthorities(app.db, [id], { publishedOnly: false }))[0];
    return reply.redirect(href(ctx, live ? `/directory/authorities/${id}` : `/directory/authorities/${id}/history`, live ? { done: name } : {}), 303);
  });

  app.post('/directory/authorities/:id/revert', async (request, reply) => {
    const ctx = pageContext(request);
    const { id } = request.params as { id: string };
    const revision = Number(str(bodyOf(request).revision));
    if (!Number.isSafeInteger(revision) || revision < 1) throw new ValidationError([{ field: 'revision', message: 'must be a revision number' }]);
    const rev = await getRevision(app.db, revision);
    if (!rev || rev.subject_type !== 'authority' || rev.subject_id !== id) throw new NotFoundError(`No revision ${revision} of "${id}"`);
    await revertAuthority(app.db, auditContext(request), revision);
    return reply.redirect(href(ctx, `/directory/authorities/${id}/history`), 303);
  });

  app.get('/directory/authorities/:id/history', async (request, reply) => {
    const ctx = pageContext(request);
    const { id } = request.params as { id: string };
    requireUser(request);
    const items = await authorityHistory(app.db, auditContext(request), id);
    const doc = (items[0]?.revision.document ?? {}) as AuthorityDocument;
    const name = doc.names ? nameText(doc.names, ctx.lang) : id;
    return sendPage(reply, <HistoryPage ctx={ctx} id={id} name={name} items={items} canRevert={allow(request.actor, 'directory.edit', { country: doc.country, authorityId: id })} />);
  });

  const renderForm = async (request: FastifyRequest, id: string | undefined, doc: Record<string, unknown>, langs: string[], issues: { field: string; message: string }[], note?: string) => {
    const ctx = pageContext(request);
    const refs = await pageRefs(app.db);
    const e = edT(ctx.lang);
    const names = (doc.names ?? {}) as Record<string, string>;
    const title = id ? e('edit_title', { name: nameText(names, ctx.lang) || id }) : e('new_title');
    return <AuthorityFormPage ctx={ctx} refs={refs} id={id} title={title} doc={doc} langs={langs} countries={focalCountries(request.actor)} issues={issues} note={note} />;
  };

  app.get('/directory/new', async (request, reply) => {
    const actor = requireUser(request);
    if (!focalCountries(actor).length) throw new ForbiddenError('Only focal points add authorities (for their State)');
    const ctx = pageContext(request);
    const q = request.query as FormBody;
    const langs = q.langs || q.add_lang ? formLanguages(q) : documentLanguages(undefined, ctx.lang);
    return sendPage(reply, await renderForm(request, undefined, { country: focalCountries(actor)[0] }, langs, []));
  });

  app.post('/directory/new', async (request, reply) => {
    const actor = requireUser(request);
    const ctx = pageContext(request);
    const body = bodyOf(request);
    const langs = formLanguages(body);
    const country = (str(body.country) ?? '').toUpperCase();
    const names = formToDocument(body, { id: '', country }).doc.names as Record<string, string>;
    const id = (str(body.id) ?? '').trim() || (await newAuthorityId(app.db, /^[A-Z]{3}$/.test(country) ? country : 'xxx', names.en ?? Object.values(names)[0] ?? ''));
    const { doc, badExceptionLines } = formToDocument(body, { id, country });
    try {
      if (badExceptionLines.length) throw new ValidationError(badExceptionLines.map((n) => ({ field: 'hours.exceptions', message: `line ${n + 1} is not "YYYY-MM-DD closed" or "YYYY-MM-DD HH:MM-HH:MM"` })));
      await saveAuthorityDraft(app.db, auditContext(request), id, doc, str(body.note));
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      return sendPage(reply, await renderForm(request, undefined, { ...doc, id: str(body.id) ?? '' }, langs, err.issues ?? [], str(body.note)), 400);
    }
    void actor;
    return reply.redirect(href(ctx, `/directory/authorities/${id}/history`), 303);
  });

  app.get('/directory/authorities/:id/edit', async (request, reply) => {
    const actor = requireUser(request);
    const ctx = pageContext(request);
    const { id } = request.params as { id: string };
    const open = await openRevisionOf(app.db, id);
    const live = (await selectAuthorities(app.db, [id], { publishedOnly: false }))[0];
    const doc = (open?.document ?? (live ? contentOf(live.document) : undefined)) as AuthorityDocument | undefined;
    if (!doc) throw new NotFoundError(`No authority "${id}"`);
    if (!allow(actor, 'directory.edit', { country: live?.country ?? doc.country, authorityId: id })) throw new ForbiddenError('You may not edit this authority');
    const q = request.query as FormBody;
    const langs = q.langs || q.add_lang ? formLanguages(q) : documentLanguages(doc, ctx.lang);
    return sendPage(reply, await renderForm(request, id, doc as unknown as Record<string, unknown>, langs, [], open?.note ?? undefined));
  });

  app.post('/directory/authorities/:id/edit', async (request, reply) => {
    requireUser(request);
    const ctx = pageContext(request);
    const { id } = request.params as { id: string };
    const body = bodyOf(request);
    const live = (await selectAuthorities(app.db, [id], { publishedOnly: false }))[0];
    const open = live ? undefined : await openRevisionOf(app.db, id);
    const country = live?.country ?? (open?.document as AuthorityDocument | undefined)?.country;
    if (!country) throw new NotFoundError(`No authority "${id}"`);
    const { doc, badExceptionLines } = formToDocument(body, { id, country });
    try {
      if (badExceptionLines.length) throw new ValidationError(badExceptionLines.map((n) => ({ field: 'hours.exceptions', message: `line ${n + 1} is not "YYYY-MM-DD closed" or "YYYY-MM-DD HH:MM-HH:MM"` })));
      await saveAuthorityDraft(app.db, auditContext(request), id, doc, str(body.note));
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      return sendPage(reply, await renderForm(request, id, doc, formLanguages(body), err.issues ?? [], str(body.note)), 400);
    }
    return reply.redirect(href(ctx, live ? `/directory/authorities/${id}` : `/directory/authorities/${id}/history`, live ? { done: 'saved' } : {}), 303);
  });

  app.get('/directory/figures', async (request, reply) => {
    return sendPage(reply, <FiguresPage ctx={pageContext(request)} figures={await directoryFigures(app.db)} />);
  });

  app.get('/directory/queue', async (request, reply) => {
    const actor = requireUser(request);
    const ctx = pageContext(request);
    const [queue, refs] = await Promise.all([workQueue(app.db, actor), pageRefs(app.db)]);
    return sendPage(reply, <QueuePage ctx={ctx} queue={queue} refs={refs} />);
  });
});
