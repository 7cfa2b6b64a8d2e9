/** Page routes of the knowledge editor under /{lang}/editor (curators only; thin: parse, call the service, render). */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, RoutePlugin } from '../../platform/http/app.js';
import { ForbiddenError, NotFoundError, UnauthorizedError, ValidationError, type FieldIssue } from '../../platform/http/errors.js';
import { pageContext, sendPage, href, type PageContext } from '../../platform/web/page.js';
import { pageRoutes } from '../../platform/web/routes.js';
import { allow } from '../access/index.js';
import { auditContext } from '../audit/index.js';
import { isEntryType, type RecordType } from '../knowledge/index.js';
import { listTerms } from '../reference/index.js';
import type { TransitionName } from '../workflow/index.js';
import { formToMeta, formToTerm, formToText, META_FIELDS, one, textFields, type FormBody } from './domain/fields.js';
import { isLangPart, META_PART, typeOfSegment, type EditorialType } from './domain/parts.js';
import {
  editableDocument,
  editorialHistory,
  needsAttention,
  newSubjectId,
  revertEditorial,
  revisionView,
  saveEditorialDraft,
  subjectView,
  transitionEditorial,
  TRANSITION_NAMES,
} from './service.js';
import { DashboardPage } from './pages/dashboard.js';
import { MetaFormPage, TermFormPage, TextFormPage } from './pages/forms.js';
import { HistoryPage, RevisionPage, SubjectPage, subjectTitle, TermsPage } from './pages/subject.js';
import { edT, partOfSlug, subjectHref, languageName, type EdKey } from './pages/ui.js';

const bodyOf = (request: FastifyRequest): FormBody => (request.body && typeof request.body === 'object' ? (request.body as FormBody) : {});

function typeParam(request: FastifyRequest): EditorialType {
  const type = typeOfSegment((request.params as { segment: string }).segment);
  if (!type) throw new NotFoundError('No such kind of subject');
  return type;
}

function revisionNumber(v: string, field = 'revision'): number {
  const n = Number(v);
  if (!/^\d{1,15}$/.test(v) || !Number.isSafeInteger(n) || n < 1) throw new ValidationError([{ field, message: 'must be a revision number' }]);
  return n;
}

/** Curators only: anonymous readers are sent to sign in, others refused. */
async function guard(request: FastifyRequest, reply: FastifyReply) {
  if (!request.url.includes('/editor')) return;
  const actor = request.actor;
  if (!actor?.userId) {
    if (request.method === 'GET') {
      const ctx = pageContext(request);
      return reply.redirect(href(ctx, '/sign-in', { next: ctx.pathAndQuery }), 303);
    }
    throw new UnauthorizedError();
  }
  if (!allow(actor, 'knowledge.edit') && !allow(actor, 'taxonomy.edit')) throw new ForbiddenError('The editor is for curators');
  return undefined;
}

export const editorialPages: RoutePlugin = pageRoutes((app) => {
  app.addHook('preHandler', guard);

  app.get('/editor', async (request, reply) => {
    const ctx = pageContext(request);
    return sendPage(reply, <DashboardPage ctx={ctx} model={await needsAttention(app.db, request.actor, ctx.lang)} />);
  });

  app.get('/editor/terms', async (request, reply) => sendPage(reply, <TermsPage ctx={pageContext(request)} terms={await listTerms(app.db)} />));

  const renderMeta = async (ctx: PageContext, recordType: RecordType, id: string | undefined, values: Record<string, unknown>, issues: FieldIssue[], note?: string, saved?: boolean) => {
    const t = edT(ctx.lang);
    const type: EditorialType = recordType === 'law' ? 'law' : 'entry';
    const typeLabel = t(`type_${recordType}` as EdKey);
    return (
      <MetaFormPage
        ctx={ctx}
        title={id ? t('edit_general', { id }) : t('new_title', { type: typeLabel })}
        action={id ? subjectHref(ctx, type, id, '/parts/general/edit') : href(ctx, `/editor/new/${recordType}`)}
        crumbs={id ? [{ label: id, href: subjectHref(ctx, type, id) }] : []}
        issues={issues}
        values={values}
        note={note}
        fields={META_FIELDS[recordType]}
        terms={await listTerms(app.db)}
        isNew={!id}
        {...(id ? {} : { intro: t('new_intro') })}
        saved={!!saved}
      />
    );
  };

  const recordTypeParam = (request: FastifyRequest): RecordType => {
    const { recordType } = request.params as { recordType: string };
    if (!isEntryType(recordType) && recordType !== 'law') throw new NotFoundError(`No such type "${recordType}"`);
    return recordType;
  };

  app.get('/editor/new/:recordType', async (request, reply) => {
    const recordType = recordTypeParam(request);
    return sendPage(reply, await renderMeta(pageContext(request), recordType, undefined, {}, []));
  });

  app.post('/editor/new/:recordType', async (request, reply) => {
    const ctx = pageContext(request);
    const recordType = recordTypeParam(request);
    const body = bodyOf(request);
    const doc = formToMeta(recordType, body);
    const id = one(body, 'id') || newSubjectId(recordType, doc.country);
    const type: EditorialType = recordType === 'law' ? 'law' : 'entry';
    try {
      await saveEditorialDraft(app.db, auditContext(request), type, id, META_PART, doc, one(body, 'note') || null);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      return sendPage(reply, await renderMeta(ctx, recordType, undefined, { ...doc, id: one(body, 'id') }, err.issues ?? [], one(body, 'note')), 400);
    }
    return reply.redirect(subjectHref(ctx, type, id, '', { done: 'saved' }), 303);
  });

  const renderPart = async (request: FastifyRequest, type: EditorialType, id: string, part: string, values: Record<string, unknown>, issues: FieldIssue[], note?: string, saved?: boolean) => {
    const ctx = pageContext(request);
    const t = edT(ctx.lang);
    const crumbs = [{ label: id, href: subjectHref(ctx, type, id) }];
    const action = subjectHref(ctx, type, id, `/parts/${part === META_PART ? 'general' : part}/edit`);
    if (type === 'taxonomy_term') {
      const label = (values.labels as Record<string, string> | undefined)?.[ctx.lang] ?? id;
      return <TermFormPage ctx={ctx} title={t('edit_term', { label })} action={action} crumbs={crumbs} issues={issues} values={values} note={note} saved={!!saved} />;
    }
    const view = await subjectView(app.db, auditContext(request), type, id);
    const recordType = view.recordType as RecordType;
    if (part === META_PART) return renderMeta(ctx, recordType, id, values, issues, note, saved);
    return <TextFormPage ctx={ctx} title={t('edit_version', { language: languageName(ctx.lang, part), id })} action={action} crumbs={crumbs} issues={issues} values={values} note={note} fields={textFields(recordType)} lang={part} saved={!!saved} />;
  };

  const partParams = (request: FastifyRequest) => {
    const type = typeParam(request);
    const { id, part: slug } = request.params as { id: string; part: string };
    const part = partOfSlug(slug);
    if (part !== META_PART && !isLangPart(part)) throw new NotFoundError(`No part "${slug}"`);
    return { type, id, part };
  };

  app.get('/editor/:segment/:id/parts/:part/edit', async (request, reply) => {
    const { type, id, part } = partParams(request);
    const { document, open } = await editableDocument(app.db, auditContext(request), type, id, part);
    const saved = (request.query as Record<string, unknown>).done === 'saved';
    return sendPage(reply, await renderPart(request, type, id, part, document ?? {}, [], open?.note ?? undefined, saved));
  });

  app.post('/editor/:segment/:id/parts/:part/edit', async (request, reply) => {
    const { type, id, part } = partParams(request);
    const body = bodyOf(request);
    const view = type === 'taxonomy_term' ? undefined : await subjectView(app.db, auditContext(request), type, id);
    const recordType = view?.recordType as RecordType | undefined;
    const doc = type === 'taxonomy_term' ? formToTerm(body) : part === META_PART ? formToMeta(recordType!, body) : formToText(recordType!, body);
    try {
      await saveEditorialDraft(app.db, auditContext(request), type, id, part, doc, one(body, 'note') || null);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      return sendPage(reply, await renderPart(request, type, id, part, doc, err.issues ?? [], one(body, 'note')), 400);
    }
    return reply.redirect(subjectHref(pageContext(request), type, id, '', { done: 'saved' }), 303);
  });

  app.get('/editor/:segment/:id', async (request, reply) => {
    const ctx = pageContext(request);
    const type = typeParam(request);
    const { id } = request.params as { id: string };
    const view = await subjectView(app.db, auditContext(request), type, id);
    const done = (request.query as Record<string, unknown>).done;
    const t = edT(ctx.lang);
    return sendPage(reply, <SubjectPage ctx={ctx} view={view} done={done === 'saved' ? t('saved') : done ? t('done') : undefined} />);
  });

  app.get('/editor/:segment/:id/history', async (request, reply) => {
    const type = typeParam(request);
    const { id } = request.params as { id: string };
    const slug = (request.query as Record<string, unknown>).part;
    const part = typeof slug === 'string' && slug ? partOfSlug(slug) : undefined;
    const items = await editorialHistory(app.db, auditContext(request), type, id, part);
    if (!items.length) throw new NotFoundError(`No history of "${id}"`);
    return sendPage(reply, <HistoryPage ctx={pageContext(request)} type={type} id={id} items={items} />);
  });

  app.get('/editor/:segment/:id/revisions/:rev', async (request, reply) => {
    const type = typeParam(request);
    const { id, rev } = request.params as { id: string; rev: string };
    const c = (request.query as Record<string, unknown>).compare;
    const view = await revisionView(app.db, auditContext(request), type, id, revisionNumber(rev), typeof c === 'string' && c ? revisionNumber(c, 'compare') : undefined);
    const others = (await editorialHistory(app.db, auditContext(request), type, id, view.item.revision.part)).filter((i) => i.revision.id !== view.item.revision.id).map((i) => ({ id: i.revision.id, number: i.revision.number }));
    return sendPage(reply, <RevisionPage ctx={pageContext(request)} type={type} id={id} view={view} others={others} />);
  });

  app.post('/editor/:segment/:id/transition', async (request, reply) => {
    const type = typeParam(request);
    const { id } = request.params as { id: string };
    const body = bodyOf(request);
    const name = one(body, 'transition') as TransitionName;
    if (!TRANSITION_NAMES.includes(name)) throw new ValidationError([{ field: 'transition', message: `must be one of: ${TRANSITION_NAMES.join(', ')}` }]);
    const comment = one(body, 'comment');
    await transitionEditorial(app.db, auditContext(request), type, revisionNumber(one(body, 'revision')), name, { ...(comment ? { comment } : {}), reviewed: !!one(body, 'reviewed') }, id);
    return reply.redirect(subjectHref(pageContext(request), type, id, '', { done: name }), 303);
  });

  app.post('/editor/:segment/:id/revert', async (request, reply) => {
    const type = typeParam(request);
    const { id } = request.params as { id: string };
    await revertEditorial(app.db, auditContext(request), type, revisionNumber(one(bodyOf(request), 'revision')), id);
    return reply.redirect(subjectHref(pageContext(request), type, id, '', { done: 'saved' }), 303);
  });
});

export { subjectTitle };
