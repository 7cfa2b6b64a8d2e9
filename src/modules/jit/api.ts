/**
 * The JSON API of joint investigation team workspaces, /api/v1/jit. Every route checks membership
 * before anything about a team is read (403 problem+json; 401 without a session or token); input is
 * checked by the services, which name each bad field (400).
 */
import { Type } from 'typebox';
import type { App } from '../../platform/http/app.js';
import { ProblemSchema } from '../../platform/http/problem-schema.js';
import { auditContext } from '../audit/index.js';
import { downloadDocument, evidenceLog, viewDocument } from './documents-service.js';
import { attachmentDisposition } from './domain/files.js';
import { linkCase, unlinkCase } from './links-service.js';
import { AgreementInput, CaseLinkInput, MemberInput, TaskInput, TaskStatusInput, TeamInput } from './domain/inputs.js';
import { EVIDENCE_ACTIONS } from './domain/vocabulary.js';
import type { DocumentRow, EvidenceRow } from './repository.js';
import { addMember, addTask, createTeam, getWorkspace, listTeams, moveTask, recordAgreement, setJitMail } from './service.js';
import { shareUpload } from './upload.js';

const tags = ['jit'];
const security = [{ bearerAuth: [] }];
const problems = {
  400: { ...ProblemSchema, description: 'Invalid input (errors names each field)' },
  401: { ...ProblemSchema, description: 'Sign in or send a token' },
  403: { ...ProblemSchema, description: 'Not a member of the team (the same answer whether or not it exists), or not allowed' },
  409: { ...ProblemSchema, description: 'The workspace is closed (after its end date), or the change conflicts' },
};
const TeamId = Type.Object({ id: Type.String({ description: 'Identifier of the team' }) });
const DocId = Type.Object({ docId: Type.String({ description: 'Identifier of the document' }) });
const Created = Type.Object({ id: Type.String() });

const DocumentOut = Type.Object({
  id: Type.String(),
  team_id: Type.String(),
  title: Type.String(),
  filename: Type.String(),
  byte_size: Type.Integer(),
  sha256: Type.String({ description: 'SHA-256 of the content, hex' }),
  uploaded_by: Type.Union([Type.String(), Type.Null()]),
  authority_id: Type.String({ description: 'Member authority the uploader acted for' }),
  uploaded_at: Type.String({ format: 'date-time' }),
  version: Type.Integer({ description: '1 for a first upload; each new version adds one' }),
  previous_id: Type.Union([Type.String(), Type.Null()], { description: 'The version this one replaces' }),
  replaced_by: Type.Union([Type.String(), Type.Null()], { description: 'The version that replaced this one; null for a current version' }),
  content_url: Type.String(),
});
const EvidenceOut = Type.Object({
  document_id: Type.String(),
  action: Type.Enum([...EVIDENCE_ACTIONS]),
  sha256: Type.String(),
  user: Type.Union([Type.String(), Type.Null()]),
  authority_id: Type.Union([Type.String(), Type.Null()]),
  at: Type.String({ format: 'date-time' }),
});

const contentPath = (id: string) => `/api/v1/jit/documents/${id}/content`;
const docOut = (d: DocumentRow) => ({ id: d.id, team_id: d.team_id, title: d.title, filename: d.filename, byte_size: d.byte_size, sha256: d.sha256, uploaded_by: d.uploaded_by_name, authority_id: d.authority_id, uploaded_at: d.uploaded_at.toISOString(), version: d.version, previous_id: d.previous_id, replaced_by: d.replaced_by, content_url: contentPath(d.id) });
const evidenceOut = (e: EvidenceRow) => ({ document_id: e.document_id, action: e.action, sha256: e.sha256, user: e.user_name, authority_id: e.authority_id, at: e.at.toISOString() });
const objectBody = (b: unknown): Record<string, unknown> => (b && typeof b === 'object' && !Array.isArray(b) ? { ...(b as Record<string, unknown>) } : {});

export async function jitApi(app: App): Promise<void> {
  const personal = { onSend: async (_req: unknown, reply: { header(k: string, v: string): unknown }) => void reply.header('cache-control', 'private, no-store') };

  app.get('/api/v1/jit/teams', { schema: { tags, security, operationId: 'listJitTeams', summary: "Teams of the caller's authorities", response: { 200: Type.Object({ teams: Type.Array(Type.Object({ id: Type.String(), title: Type.String(), lead_authority_id: Type.String(), starts_on: Type.String({ format: 'date' }), ends_on: Type.String({ format: 'date' }), closed: Type.Boolean(), members: Type.Integer() })) }), ...problems } }, ...personal }, async (request) => {
    const { teams } = await listTeams(app.db, request.actor);
    return { teams: teams.map((t) => ({ id: t.id, title: t.title, lead_authority_id: t.leadAuthorityId, starts_on: t.startsOn, ends_on: t.endsOn, closed: t.closed, members: t.members })) };
  });

  app.post('/api/v1/jit/teams', { schema: { tags, security, operationId: 'createJitTeam', summary: 'Open a team workspace (a supervisor, for their authority as lead)', body: TeamInput, response: { 201: Created, ...problems } }, attachValidation: true }, async (request, reply) => {
    const id = await createTeam(app.db, auditContext(request), objectBody(request.body));
    return reply.code(201).header('location', `/api/v1/jit/teams/${id}`).send({ id });
  });

  app.get('/api/v1/jit/teams/:id', { schema: { tags, security, operationId: 'getJitTeam', summary: 'A team workspace: members, agreement and extensions, tasks, documents, evidence log', params: TeamId, response: { 200: Type.Unknown({ description: '{ team, closed, members, agreements, tasks, documents, evidence }' }), ...problems } }, ...personal }, async (request) => {
    const ws = await getWorkspace(app.db, request.actor, (request.params as { id: string }).id);
    return {
      team: { id: ws.team.id, title: ws.team.title, purpose: ws.team.purpose, lead_authority_id: ws.team.lead_authority_id, starts_on: ws.team.starts_on, ends_on: ws.team.ends_on },
      closed: ws.closed,
      may_manage: ws.mayManage,
      may_contribute: ws.mayContribute,
      members: ws.members.map((m) => ({ authority_id: m.authority_id, country: m.country, name: m.name })),
      agreements: ws.agreements.map((a) => ({ id: a.id, kind: a.kind, title: a.title, signed_on: a.signed_on, ends_on: a.ends_on, document_id: a.document_id })),
      tasks: ws.tasks.map((t) => ({ id: t.id, title: t.title, assignee_authority_id: t.assignee_authority_id, due_on: t.due_on, status: t.status })),
      documents: ws.documents.map(docOut),
      evidence: ws.evidence.map(evidenceOut),
      // Another member's case shows only its authority, unless casework lets the reader see it.
      case_links: ws.caseLinks.map((l) => ({ id: l.id, authority_id: l.authorityId, linked_at: l.linkedAt.toISOString(), case: l.case ? { id: l.case.id, reference: l.case.reference, title: l.case.title, direction: l.case.direction, kind: l.case.kind, state: l.case.state, note: l.note, linked_by: l.linkedByName } : null })),
    };
  });

  app.post('/api/v1/jit/teams/:id/cases', { schema: { tags, security, operationId: 'linkJitCase', summary: "Link a case of your authority's casework (by its reference or id) to the team; other members see only that it is a case of your authority unless casework shows it to them", params: TeamId, body: CaseLinkInput, response: { 201: Created, ...problems } }, attachValidation: true }, async (request, reply) => {
    const id = await linkCase(app.db, auditContext(request), (request.params as { id: string }).id, objectBody(request.body));
    return reply.code(201).send({ id });
  });

  app.delete('/api/v1/jit/teams/:id/cases/:linkId', { schema: { tags, security, operationId: 'unlinkJitCase', summary: 'Unlink a case (the authority that linked it)', params: Type.Object({ id: Type.String(), linkId: Type.String() }), response: { 204: Type.Null(), ...problems } } }, async (request, reply) => {
    const { id, linkId } = request.params as { id: string; linkId: string };
    await unlinkCase(app.db, auditContext(request), id, linkId);
    return reply.code(204).send(null);
  });

  app.post('/api/v1/jit/teams/:id/members', { schema: { tags, security, operationId: 'addJitMember', summary: 'Add a member authority (a supervisor of a member)', params: TeamId, body: MemberInput, response: { 201: Type.Object({ authority_id: Type.String() }), ...problems } }, attachValidation: true }, async (request, reply) => {
    const body = objectBody(request.body);
    await addMember(app.db, auditContext(request), (request.params as { id: string }).id, body);
    return reply.code(201).send({ authority_id: String(body.authority_id) });
  });

  app.post('/api/v1/jit/teams/:id/agreements', { schema: { tags, security, operationId: 'recordJitAgreement', summary: 'Record the agreement (once) or an extension (moves the end date later)', params: TeamId, body: AgreementInput, response: { 201: Created, ...problems } }, attachValidation: true }, async (request, reply) => {
    const id = await recordAgreement(app.db, auditContext(request), (request.params as { id: string }).id, objectBody(request.body));
    return reply.code(201).send({ id });
  });

  app.post('/api/v1/jit/teams/:id/tasks', { schema: { tags, security, operationId: 'addJitTask', summary: 'Add a task for a member authority', params: TeamId, body: TaskInput, response: { 201: Created, ...problems } }, attachValidation: true }, async (request, reply) => {
    const id = await addTask(app.db, auditContext(request), (request.params as { id: string }).id, objectBody(request.body), {}, app.config);
    return reply.code(201).send({ id });
  });

  app.patch('/api/v1/jit/teams/:id/tasks/:taskId', { schema: { tags, security, operationId: 'moveJitTask', summary: "Change a task's status (open, in_progress, done, cancelled)", params: Type.Object({ id: Type.String(), taskId: Type.String() }), body: TaskStatusInput, response: { 200: TaskStatusInput, ...problems } }, attachValidation: true }, async (request) => {
    const { id, taskId } = request.params as { id: string; taskId: string };
    return { status: await moveTask(app.db, auditContext(request), id, taskId, objectBody(request.body)) };
  });

  app.post(
    '/api/v1/jit/teams/:id/documents',
    { schema: { tags, security, operationId: 'uploadJitDocument', summary: 'Share a document, or a new version of one: multipart/form-data with `title` (optional for a new version) and `replaces` (the id of the version replaced: the old versions and their evidence log stay; 409 when it was already replaced), then the part `file` (at most 20 MB: 413; its type is found from its content: 415), streamed to a temporary file; logged as uploaded with its SHA-256', params: TeamId, response: { 201: DocumentOut, 413: { ...ProblemSchema, description: 'The file is over the limit' }, 415: { ...ProblemSchema, description: 'The content is not an accepted type' }, ...problems } } },
    async (request, reply) => {
      const doc = await shareUpload(app, request, (request.params as { id: string }).id, false);
      return reply.code(201).header('location', contentPath(doc.id)).send(docOut(doc));
    },
  );

  app.put('/api/v1/jit/mail', { schema: { tags, security, operationId: 'setJitMail', summary: 'Workspace e-mails (new documents, versions, tasks: a link only) on or off for the caller', body: Type.Object({ on: Type.Boolean() }, { additionalProperties: false }), response: { 200: Type.Object({ on: Type.Boolean() }), ...problems } } }, async (request) => {
    const { on } = request.body as { on: boolean };
    await setJitMail(app.db, request.actor, on);
    return { on };
  });

  app.get('/api/v1/jit/teams/:id/evidence-log', { schema: { tags, security, operationId: 'getJitEvidenceLog', summary: "The team's evidence log, newest first", params: TeamId, response: { 200: Type.Object({ entries: Type.Array(EvidenceOut) }), ...problems } }, ...personal }, async (request) => ({
    entries: (await evidenceLog(app.db, request.actor, (request.params as { id: string }).id)).map(evidenceOut),
  }));

  app.get('/api/v1/jit/documents/:docId', { schema: { tags, security, operationId: 'getJitDocument', summary: "A shared document's details and its evidence log (this read is logged as a view)", params: DocId, response: { 200: Type.Object({ document: DocumentOut, evidence: Type.Array(EvidenceOut) }), ...problems } }, ...personal }, async (request) => {
    const v = await viewDocument(app.db, request.actor, (request.params as { docId: string }).docId);
    return { document: docOut(v.document), evidence: v.evidence.map(evidenceOut) };
  });

  app.get('/api/v1/jit/documents/:docId/content', { exposeHeadRoute: false, schema: { tags, security, operationId: 'downloadJitDocument', summary: 'Download a shared document (logged as a download, also after the end date)', params: DocId, response: problems } }, async (request, reply) => {
    const { document, content } = await downloadDocument(app.db, request.actor, (request.params as { docId: string }).docId);
    return reply
      .type('application/octet-stream')
      .header('content-disposition', attachmentDisposition(document.filename))
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .header('x-content-sha256', document.sha256)
      .send(content as never);
  });
}
