/**
 * The editor's JSON API under /api/v1/editor (curators; session or a token with the knowledge.* scopes):
 * save drafts, apply transitions, history, diff, revert and the needs-attention lists. Responses list
 * the `actions` (workflow transitions) the caller may take on each revision.
 */
import { Type } from 'typebox';
import type { App, RoutePlugin } from '../../platform/http/app.js';
import { DEFAULT_LANG } from '../../platform/i18n/languages.js';
import { ProblemSchema } from '../../platform/http/problem-schema.js';
import { auditContext } from '../audit/index.js';
import type { TransitionName, HistoryItem, RevisionRow } from '../workflow/index.js';
import { EDITORIAL_TYPES, type EditorialType } from './domain/parts.js';
import { editorialHistory, needsAttention, revertEditorial, revisionView, saveEditorialDraft, subjectView, transitionEditorial, TRANSITION_NAMES } from './service.js';

const TypeParam = Type.Enum(EDITORIAL_TYPES as unknown as EditorialType[], { description: 'entry (legislation extract, case, treaty, strategy), law, or taxonomy_term (id "taxonomy:code")' });
const Params = Type.Object({ type: TypeParam, id: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false });
const RevParams = Type.Object({ type: TypeParam, id: Type.String({ minLength: 1, maxLength: 200 }), revision: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });
const Part = Type.String({ pattern: '^(\\*|[a-z]{2,3}(-[A-Za-z0-9]{2,8})*)$', maxLength: 35, description: '"*" (language-neutral fields and tags) or a BCP 47 language tag (that language version)' });
const Actions = Type.Array(Type.Enum(TRANSITION_NAMES as unknown as TransitionName[]), { description: 'Transitions the caller may apply to this revision now' });

const RevisionOut = Type.Object({
  id: Type.Integer(),
  subject_type: Type.String(),
  subject_id: Type.String(),
  part: Type.String(),
  number: Type.Integer(),
  state: Type.String(),
  document: Type.Unknown({ description: 'Content of the part in this revision' }),
  author_id: Type.Union([Type.String(), Type.Null()]),
  note: Type.Union([Type.String(), Type.Null()]),
  updated_at: Type.String({ format: 'date-time' }),
  actions: Actions,
});

const Change = Type.Object({
  path: Type.String(),
  kind: Type.Enum(['added', 'removed', 'changed']),
  before: Type.Optional(Type.Unknown()),
  after: Type.Optional(Type.Unknown()),
  text: Type.Optional(Type.Array(Type.Object({ op: Type.Enum(['equal', 'insert', 'delete']), text: Type.String() }))),
});

const problems = {
  400: { ...ProblemSchema, description: 'Invalid input (errors names each field)' },
  401: { ...ProblemSchema, description: 'Sign in or send a token' },
  403: { ...ProblemSchema, description: 'Not allowed (e.g. publishing your own change)' },
  404: { ...ProblemSchema, description: 'No such subject or revision' },
  409: { ...ProblemSchema, description: 'Not possible in the current state' },
};

function revisionOut(rev: RevisionRow, actions: readonly TransitionName[]) {
  return {
    id: rev.id,
    subject_type: rev.subject_type,
    subject_id: rev.subject_id,
    part: rev.part,
    number: rev.number,
    state: rev.state,
    document: rev.document,
    author_id: rev.author_id,
    note: rev.note,
    updated_at: new Date(rev.updated_at).toISOString(),
    actions: [...actions],
  };
}

function historyOut(items: HistoryItem[]) {
  return items.map((i) => ({ ...revisionOut(i.revision, i.actions), changes: i.changes, events: i.events.map((e) => ({ event: e.event, from_state: e.from_state, to_state: e.to_state, actor_name: e.actor_name, comment: e.comment, at: new Date(e.at).toISOString() })) }));
}

export const editorialApi: RoutePlugin = async (app: App) => {
  const tags = ['editor'];

  app.get('/api/v1/editor/needs-attention', { schema: { tags, summary: 'What needs attention: changes in review, entries missing a UN language, entries not reviewed for 12 months', response: { 200: Type.Unknown(), ...problems } } }, async (request) => {
    const n = await needsAttention(app.db, request.actor, DEFAULT_LANG);
    const list = (l: typeof n.inReview) => ({ total: l.total, items: l.items.map((i) => ({ ...i, date: i.date.toISOString() })) });
    return { in_review: list(n.inReview), untranslated: list(n.untranslated), not_reviewed: list(n.notReviewed) };
  });

  app.get('/api/v1/editor/:type/:id', { schema: { tags, summary: 'A subject: each part with its live and open revision and the caller’s actions', params: Params, response: { 200: Type.Unknown(), ...problems } } }, async (request) => {
    const { type, id } = request.params as { type: EditorialType; id: string };
    const v = await subjectView(app.db, auditContext(request), type, id);
    return { type: v.type, id: v.id, record_type: v.recordType, live: v.live, meta: v.meta, parts: v.parts.map((p) => ({ part: p.part, live: p.live, open: p.open, actions: p.actions, title: p.title ?? null, machine_translated: p.machineTranslated })) };
  });

  app.put(
    '/api/v1/editor/:type/:id/parts/:part',
    {
      schema: {
        tags,
        summary: 'Save a draft of a part (creates the subject when it is new)',
        description: 'The document is the canonical shape of the part: for "*" the record without `texts`; for a language the text fields (title, summary, body…, machine_translated, translated_from); for a taxonomy term `{labels, descriptions}`. Issues name the fields of the part.',
        params: Type.Object({ type: TypeParam, id: Type.String({ minLength: 1, maxLength: 200 }), part: Part }, { additionalProperties: false }),
        body: Type.Object({ document: Type.Unknown(), note: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false }),
        response: { 200: RevisionOut, ...problems },
      },
    },
    async (request) => {
      const { type, id, part } = request.params as { type: EditorialType; id: string; part: string };
      const body = request.body as { document: unknown; note?: string };
      const rev = await saveEditorialDraft(app.db, auditContext(request), type, id, part, body.document ?? null, body.note ?? null);
      const item = (await editorialHistory(app.db, auditContext(request), type, id, part)).find((i) => i.revision.id === rev.id);
      return revisionOut(rev, item?.actions ?? []);
    },
  );

  app.post(
    '/api/v1/editor/:type/:id/revisions/:revision/transition',
    {
      schema: {
        tags,
        summary: 'Apply a workflow transition: submit, withdraw, return, publish, archive, restore, discard',
        description: 'Four eyes: nobody returns or publishes a revision they edited. `comment` is required to return or archive. `reviewed: true` on publish removes the machine-translation mark.',
        params: RevParams,
        body: Type.Object({ transition: Type.Enum(TRANSITION_NAMES as unknown as TransitionName[]), comment: Type.Optional(Type.String({ maxLength: 4000 })), reviewed: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
        response: { 200: RevisionOut, ...problems },
      },
    },
    async (request) => {
      const { type, id, revision } = request.params as { type: EditorialType; id: string; revision: number };
      const body = request.body as { transition: TransitionName; comment?: string; reviewed?: boolean };
      const rev = await transitionEditorial(app.db, auditContext(request), type, revision, body.transition, { ...(body.comment !== undefined ? { comment: body.comment } : {}), reviewed: body.reviewed ?? false }, id);
      const item = (await editorialHistory(app.db, auditContext(request), type, id, rev.part)).find((i) => i.revision.id === rev.id);
      return revisionOut(rev, item?.actions ?? []);
    },
  );

  app.post('/api/v1/editor/:type/:id/revisions/:revision/revert', { schema: { tags, summary: 'Start a draft from an earlier revision', params: RevParams, response: { 200: RevisionOut, ...problems } } }, async (request) => {
    const { type, id, revision } = request.params as { type: EditorialType; id: string; revision: number };
    const rev = await revertEditorial(app.db, auditContext(request), type, revision, id);
    const item = (await editorialHistory(app.db, auditContext(request), type, id, rev.part)).find((i) => i.revision.id === rev.id);
    return revisionOut(rev, item?.actions ?? []);
  });

  app.get(
    '/api/v1/editor/:type/:id/history',
    { schema: { tags, summary: 'Every revision, newest first, with readable changes, events and the caller’s actions', params: Params, querystring: Type.Object({ part: Type.Optional(Part) }, { additionalProperties: false }), response: { 200: Type.Unknown(), ...problems } } },
    async (request) => {
      const { type, id } = request.params as { type: EditorialType; id: string };
      const { part } = request.query as { part?: string };
      return { items: historyOut(await editorialHistory(app.db, auditContext(request), type, id, part)) };
    },
  );

  app.get(
    '/api/v1/editor/:type/:id/revisions/:revision/diff',
    {
      schema: {
        tags,
        summary: 'Changes of a revision from its base, or from another revision of the same part (?from=)',
        params: RevParams,
        querystring: Type.Object({ from: Type.Optional(Type.Integer({ minimum: 1 })) }, { additionalProperties: false }),
        response: { 200: Type.Object({ revision: RevisionOut, from: Type.Union([Type.Integer(), Type.Null()]), changes: Type.Array(Change) }), ...problems },
      },
    },
    async (request) => {
      const { type, id, revision } = request.params as { type: EditorialType; id: string; revision: number };
      const { from } = request.query as { from?: number };
      const v = await revisionView(app.db, auditContext(request), type, id, revision, from);
      return { revision: revisionOut(v.item.revision, v.item.actions), from: v.against?.id ?? null, changes: v.changes };
    },
  );
};
