/**
 * Schemas (TypeBox) of every form and query the directory's pages accept. Services check a body with
 * parseForm before reading it: a missing, repeated, over-long or unknown field is a 400 naming it,
 * never a 500. The authority form is a flat map of dotted names ("contacts.0.email"); its content is
 * then checked as a document by the workflow adapter, whose issues name the same paths.
 */
import { Type, type Static, type TSchema } from 'typebox';
import { ValidationError } from '../../platform/http/errors.js';
import { validator } from '../../platform/validation.js';

const Csrf = Type.Optional(Type.String({ maxLength: 200 }));
const Text = (maxLength: number) => Type.String({ maxLength });
const RevisionNumber = Type.String({ pattern: '^[1-9][0-9]{0,9}$', description: 'a revision number' });

/** Transitions offered on an authority's page (archiving and restoring have their own forms). */
export const FORM_TRANSITIONS = ['submit', 'withdraw', 'return', 'publish', 'discard'] as const;

export const TransitionForm = Type.Object(
  {
    _csrf: Csrf,
    transition: Type.Enum(FORM_TRANSITIONS),
    revision: RevisionNumber,
    comment: Type.Optional(Text(4000)),
    reviewed: Type.Optional(Type.Literal('1')),
  },
  { additionalProperties: false },
);

export const RevertForm = Type.Object({ _csrf: Csrf, revision: RevisionNumber }, { additionalProperties: false });

export const ArchiveForm = Type.Object({ _csrf: Csrf, comment: Type.Optional(Text(4000)) }, { additionalProperties: false });

export const VerifyForm = Type.Object({ _csrf: Csrf }, { additionalProperties: false });

/** Field names of the authority form: dotted paths of letters, digits, "_", "-" and ".". */
const FIELD_NAME = '^[A-Za-z0-9_][A-Za-z0-9_.-]{0,119}$';
const FormValue = Type.Union([Text(20_000), Type.Array(Text(20_000), { maxItems: 60 })]);

/** The authority form (new and edit), and the query that adds language columns to it. */
export const AuthorityForm = Type.Record(Type.String({ pattern: FIELD_NAME }), FormValue, { additionalProperties: false, maxProperties: 4000 });

export const FormLanguagesQuery = Type.Object({ langs: Type.Optional(Text(400)), add_lang: Type.Optional(Text(40)) }, { additionalProperties: false });

export const AuthorityPageQuery = Type.Object({ done: Type.Optional(Text(40)) }, { additionalProperties: false });

/** The lookup's query; `on`: the day the legal basis is told for (YYYY-MM-DD, empty for today). */
export const LookupForm = Type.Object(
  {
    state: Type.Optional(Text(40)),
    request: Type.Optional(Text(200)),
    from: Type.Optional(Text(40)),
    on: Type.Optional(Text(40)),
  },
  { additionalProperties: false },
);

/** The lookup's `on`, checked on its own so that the form is shown again with the error beside the field. */
export const LookupDate = Type.Object({ on: Type.Union([Type.Literal(''), Type.String({ format: 'date', maxLength: 10 })], { description: 'a date YYYY-MM-DD' }) });

const compiled = new WeakMap<TSchema, (value: unknown) => ReturnType<ReturnType<typeof validator>>>();

/** Check a form body or query against its schema; ValidationError (400) names each bad field. */
export function parseForm<S extends TSchema>(schema: S, body: unknown): Static<S> {
  let check = compiled.get(schema);
  if (!check) {
    check = validator(schema);
    compiled.set(schema, check);
  }
  const r = check(body ?? {});
  if (!r.ok) throw new ValidationError(r.issues);
  return r.value as Static<S>;
}
