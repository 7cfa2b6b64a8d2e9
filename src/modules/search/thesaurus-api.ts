/** /api/v1/search/thesaurus: the curators' thesaurus over the API (thesaurus.edit; bearer tokens). */
import { Type } from 'typebox';
import type { RoutePlugin } from '../../platform/http/app.js';
import { ProblemSchema } from '../../platform/http/problem-schema.js';
import { LANGS } from '../../platform/i18n/languages.js';
import { auditContext } from '../audit/index.js';
import { MAX_GROUP_TERMS, MAX_NOTE, MAX_THESAURUS_TERM } from './domain/thesaurus.js';
import { addThesaurusGroup, editThesaurusGroup, getThesaurusGroup, listThesaurus, removeThesaurusGroup } from './thesaurus.js';

const Group = Type.Object({
  id: Type.Integer(),
  lang: Type.Enum([...LANGS], { description: 'Language of the terms' }),
  terms: Type.Array(Type.String(), { description: 'Equivalent terms (abbreviations, synonyms, phrases)' }),
  note: Type.Union([Type.String(), Type.Null()], { description: 'Curators\u2019 note' }),
});

/** Checked by the service (400 naming the field); the schema only bounds sizes. */
const GroupBody = Type.Object(
  {
    lang: Type.String({ maxLength: 10, description: `One of ${LANGS.join(', ')}` }),
    terms: Type.Array(Type.String({ maxLength: MAX_THESAURUS_TERM * 2 }), { maxItems: MAX_GROUP_TERMS * 2, description: `2 to ${MAX_GROUP_TERMS} different terms of at most ${MAX_THESAURUS_TERM} characters` }),
    note: Type.Optional(Type.Union([Type.String({ maxLength: MAX_NOTE * 2 }), Type.Null()])),
  },
  { additionalProperties: false },
);

const Params = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2 ** 31 - 1 }) });
const security = [{ bearerAuth: [] }];
const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema };
const tags = ['search'];

export const thesaurusApi: RoutePlugin = async (app) => {
  app.get(
    '/api/v1/search/thesaurus',
    { schema: { tags, summary: 'List the search thesaurus', description: 'Curators only (thesaurus.edit). Every group of equivalent terms, by language.', security, response: { 200: Type.Object({ groups: Type.Array(Group) }), ...errors } } },
    async (request) => ({ groups: await listThesaurus(app.db, request.actor) }),
  );
  app.post(
    '/api/v1/search/thesaurus',
    {
      schema: {
        tags,
        summary: 'Add a thesaurus group',
        description: 'Curators only (thesaurus.edit); audited (thesaurus.add). A query term equal to one of the terms then also matches the others, on every node from its next search.',
        security,
        body: GroupBody,
        response: { 201: Group, ...errors },
      },
    },
    async (request, reply) => {
      const id = await addThesaurusGroup(app.db, auditContext(request), request.body);
      return reply.code(201).send(await getThesaurusGroup(app.db, request.actor, id));
    },
  );
  app.put(
    '/api/v1/search/thesaurus/:id',
    { schema: { tags, summary: 'Change a thesaurus group', description: 'Curators only (thesaurus.edit); audited (thesaurus.edit).', security, params: Params, body: GroupBody, response: { 200: Group, ...errors, 404: ProblemSchema } } },
    async (request) => {
      await editThesaurusGroup(app.db, auditContext(request), request.params.id, request.body);
      return getThesaurusGroup(app.db, request.actor, request.params.id);
    },
  );
  app.delete(
    '/api/v1/search/thesaurus/:id',
    { schema: { tags, summary: 'Remove a thesaurus group', description: 'Curators only (thesaurus.edit); audited (thesaurus.remove).', security, params: Params, response: { 204: Type.Null(), ...errors, 404: ProblemSchema } } },
    async (request, reply) => {
      await removeThesaurusGroup(app.db, auditContext(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
};
