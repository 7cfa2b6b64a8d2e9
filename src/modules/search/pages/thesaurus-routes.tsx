/** Page routes of the curators' thesaurus: list and add, edit, remove (thesaurus.edit; CSRF by the global guard). */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ValidationError } from '../../../platform/http/errors.js';
import { pageRoutes } from '../../../platform/web/routes.js';
import { href, pageContext, sendPage } from '../../../platform/web/page.js';
import { auditContext } from '../../audit/index.js';
import { addThesaurusGroup, editThesaurusGroup, getThesaurusGroup, listThesaurus, removeThesaurusGroup } from '../thesaurus.js';
import { ThesaurusGroupPage, ThesaurusPage, type FormIssue, type GroupDraft } from './thesaurus-page.js';

const body = (request: FastifyRequest) => (request.body && typeof request.body === 'object' ? (request.body as Record<string, unknown>) : {});
const str = (v: unknown) => (typeof v === 'string' ? v : Array.isArray(v) ? v.filter((x) => typeof x === 'string').join('\n') : '');
/** What the form sent, to show it again with the errors. */
const draftOf = (b: Record<string, unknown>): GroupDraft => ({ lang: str(b.lang), terms: str(b.terms).slice(0, 5000), note: str(b.note).slice(0, 1000) });
/** The form's fields for the service: text only (a repeated field is joined, a stray one ignored). */
const formOf = (b: Record<string, unknown>) => ({ lang: str(b.lang), terms: str(b.terms), note: str(b.note) });
const groupId = (request: FastifyRequest) => Number((request.params as { id: string }).id);

async function issuesOf(err: unknown): Promise<FormIssue[]> {
  if (err instanceof ValidationError) return (err.issues ?? []).map((i) => ({ field: i.field, message: i.message }));
  throw err;
}

export const thesaurusPages = pageRoutes((app) => {
  const list = async (request: FastifyRequest, reply: FastifyReply, draft: GroupDraft, issues: FormIssue[] = []) => {
    reply.header('cache-control', 'private, no-store');
    const ctx = pageContext(request);
    const groups = await listThesaurus(app.db, request.actor);
    const saved = (request.query as Record<string, unknown>).saved === '1' && !issues.length;
    return sendPage(reply, <ThesaurusPage ctx={ctx} groups={groups} draft={draft} issues={issues} saved={saved} />, issues.length ? 400 : 200);
  };

  app.get('/search/thesaurus', { schema: { hide: true } }, async (request, reply) => list(request, reply, { lang: pageContext(request).lang, terms: '', note: '' }));

  app.post('/search/thesaurus', { schema: { hide: true } }, async (request, reply) => {
    const b = body(request);
    try {
      await addThesaurusGroup(app.db, auditContext(request), formOf(b));
    } catch (err) {
      return list(request, reply, draftOf(b), await issuesOf(err));
    }
    return reply.redirect(href(pageContext(request), '/search/thesaurus', { saved: 1 }), 303);
  });

  app.get('/search/thesaurus/:id', { schema: { hide: true } }, async (request, reply) => {
    reply.header('cache-control', 'private, no-store');
    const g = await getThesaurusGroup(app.db, request.actor, groupId(request));
    return sendPage(reply, <ThesaurusGroupPage ctx={pageContext(request)} id={g.id} draft={{ lang: g.lang, terms: g.terms.join('\n'), note: g.note ?? '' }} issues={[]} />);
  });

  app.post('/search/thesaurus/:id', { schema: { hide: true } }, async (request, reply) => {
    const b = body(request);
    const id = groupId(request);
    try {
      await editThesaurusGroup(app.db, auditContext(request), id, formOf(b));
    } catch (err) {
      const issues = await issuesOf(err);
      reply.header('cache-control', 'private, no-store');
      return sendPage(reply, <ThesaurusGroupPage ctx={pageContext(request)} id={id} draft={draftOf(b)} issues={issues} />, 400);
    }
    return reply.redirect(href(pageContext(request), '/search/thesaurus', { saved: 1 }), 303);
  });

  app.post('/search/thesaurus/:id/remove', { schema: { hide: true } }, async (request, reply) => {
    await removeThesaurusGroup(app.db, auditContext(request), groupId(request));
    return reply.redirect(href(pageContext(request), '/search/thesaurus', { saved: 1 }), 303);
  });
});
