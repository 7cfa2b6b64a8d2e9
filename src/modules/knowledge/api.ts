/**
 * The entity API: one canonical document per URL, as the JSONL export writes it (published
 * language versions only), plus the path of its page.
 */
import { Type, type TObject, type TSchema } from 'typebox';
import type { App, RoutePlugin } from '../../platform/http/app.js';
import { NotFoundError } from '../../platform/http/errors.js';
import { DEFAULT_LANG } from '../../platform/i18n/languages.js';
import { CaseSchema, EntryIdSchema, LawSchema, LegislationSchema, StrategySchema, TreatySchema } from './domain/schemas.js';
import { ENTRY_PATH, entryPath, lawPath } from './domain/entry-types.js';
import { getLawDocument, getPublicEntry } from './queries.js';
import type { EntryType } from './tables.js';
import { ProblemSchema } from '../../platform/http/problem-schema.js';

export { ProblemSchema };

const UrlField = Type.String({
  description: `Path of the entry's page with the ${DEFAULT_LANG} interface; replace /${DEFAULT_LANG}/ by /ar/, /zh/, /fr/, /es/ or /ru/ for another language`,
});

/** A canonical document schema with the page path added. */
function withUrl<T extends TObject>(schema: T, extra: Record<string, TSchema> = {}) {
  return Type.Object({ ...schema.properties, ...extra, url: UrlField }, { additionalProperties: false });
}

const IdParams = Type.Object({ id: { ...EntryIdSchema, description: 'Identifier of the entry (a-z, 0-9, dot, underscore, hyphen; at most 128 characters)' } });

const ENTRY_ROUTES: { type: EntryType; schema: TObject; noun: string; description: string }[] = [
  {
    type: 'legislation',
    schema: LegislationSchema,
    noun: 'legislation extract',
    description: 'An article-level extract of a national law: its language versions, the law it belongs to (law_id; see /api/v1/laws/{id}), and its tags (instrument articles, crime types, forms of cooperation, cross-cutting issues).',
  },
  {
    type: 'case',
    schema: CaseSchema,
    noun: 'case',
    description: 'A court decision: court, case number, ECLI, decision date, whether UNTOC was the legal basis for cooperation, cooperating States, sources, and the summary, facts, decision and commentary in each published language.',
  },
  {
    type: 'treaty',
    schema: TreatySchema,
    noun: 'treaty',
    description: 'A treaty with its metadata (adoption, entry into force, depositary, parent instrument), its articles (provisions, with their text in each language held) and the status of each State (parties: signature, consent to be bound, entry into force, reservations and declarations).',
  },
  {
    type: 'strategy',
    schema: StrategySchema,
    noun: 'strategy',
    description: 'A national strategy or action plan: period, adopting body, source and its language versions.',
  },
];

function responses(ok: TSchema) {
  return {
    200: ok,
    400: { ...ProblemSchema, description: 'The id is malformed (errors names the field "id")' },
    404: { ...ProblemSchema, description: 'No public entry of this type has this id' },
  };
}

export const knowledgeApi: RoutePlugin = async (app: App) => {
  for (const route of ENTRY_ROUTES) {
    const segment = ENTRY_PATH[route.type];
    app.get(
      `/api/v1/${segment}/:id`,
      {
        schema: {
          tags: ['knowledge'],
          summary: `Get a ${route.noun}`,
          description: `${route.description} Only published language versions are returned; an entry without one is not found. The document has the shape of the bulk export (JSONL), plus "url".`,
          params: IdParams,
          response: responses(withUrl(route.schema)),
        },
      },
      async (request) => {
        const { id } = request.params;
        const { doc, other } = await getPublicEntry(app.db, id, route.type);
        if (!doc) {
          const hint = other ? ` (it is ${other === 'law' ? 'a law: /api/v1/laws/' : `a ${other} entry: /api/v1/${ENTRY_PATH[other]}/`}${id})` : '';
          throw new NotFoundError(`No ${route.noun} with id "${id}"${hint}`);
        }
        return { ...doc, url: `/${DEFAULT_LANG}${entryPath(route.type, id)}` };
      },
    );
  }

  app.get(
    '/api/v1/laws/:id',
    {
      schema: {
        tags: ['knowledge'],
        summary: 'Get a law',
        description:
          'A national law: citation, dates, source, its title (and full text, when held) in each language, its attachment (id, file name, media type, size; download from /files/{id}/{filename}), and the ids of its published extracts in the order of the law (see /api/v1/legislation/{id}).',
        params: IdParams,
        response: responses(
          withUrl(LawSchema, { extracts: Type.Array(EntryIdSchema, { description: 'Ids of the published legislation extracts of this law, in order' }) }),
        ),
      },
    },
    async (request) => {
      const { id } = request.params;
      const law = await getLawDocument(app.db, id);
      if (!law) throw new NotFoundError(`No law with id "${id}"`);
      return { ...law, url: `/${DEFAULT_LANG}${lawPath(id)}` };
    },
  );
};
