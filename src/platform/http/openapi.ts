/**
 * The published OpenAPI document, finished from what @fastify/swagger generates: an operationId on
 * every operation (derived from method and path when a route gives none), every error response
 * (4xx, 5xx and a default) declared as application/problem+json through the shared component
 * schema Problem, and the component schemas reused by $ref. Pure.
 */
import { FieldIssueSchema, ProblemSchema } from './problem-schema.js';

type Json = Record<string, unknown>;
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const PROBLEM_REF = { $ref: '#/components/schemas/Problem' };
const PROBLEM_CONTENT = { 'application/problem+json': { schema: PROBLEM_REF } };

const plain = (schema: unknown): Json => JSON.parse(JSON.stringify(schema)) as Json;

/** "get" + "/api/v1/cases/{id}/akn" → "getV1CasesByIdAkn": stable, unique per method and path. */
export function operationIdOf(method: string, path: string): string {
  const words = path
    .replace(/^\/api\//, '/')
    .split('/')
    .filter(Boolean)
    .map((seg) => {
      const param = /^\{(.+)\}$/.exec(seg);
      const word = (param ? `by-${param[1]}` : seg).replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : ''));
      return word.charAt(0).toUpperCase() + word.slice(1);
    });
  return `${method.toLowerCase()}${words.join('')}`;
}

function errorResponse(description: string): Json {
  return { description, content: PROBLEM_CONTENT };
}

/** The finished document (a copy; the input is not changed). */
export function finishOpenApi(generated: unknown, named: Record<string, unknown> = {}): Json {
  const doc = plain(generated);
  const components = ((doc.components ??= {}) as Json);
  const schemas = ((components.schemas ??= {}) as Json);
  schemas.FieldIssue = plain(FieldIssueSchema);
  schemas.Problem = { ...plain(ProblemSchema), properties: { ...(plain(ProblemSchema).properties as Json), errors: { type: 'array', description: 'One item per invalid field', items: { $ref: '#/components/schemas/FieldIssue' } } } };
  // Named schemas (the record types…): every identical inline copy becomes a $ref.
  const byShape = new Map<string, string>();
  for (const [name, schema] of Object.entries(named)) {
    schemas[name] = plain(schema);
    byShape.set(JSON.stringify(plain(schema)), name);
  }
  const reuse = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(reuse);
    if (!node || typeof node !== 'object') return node;
    const name = byShape.get(JSON.stringify(node));
    if (name) return { $ref: `#/components/schemas/${name}` };
    return Object.fromEntries(Object.entries(node as Json).map(([k, v]) => [k, reuse(v)]));
  };

  for (const [path, item] of Object.entries((doc.paths ?? {}) as Record<string, Json>)) {
    for (const method of METHODS) {
      const op = item[method] as Json | undefined;
      if (!op) continue;
      op.operationId ??= operationIdOf(method, path);
      const responses = ((op.responses ??= {}) as Record<string, Json>);
      for (const [status, response] of Object.entries(responses)) {
        if (/^[45]/.test(status) || status === 'default') responses[status] = errorResponse(String(response.description ?? 'Error'));
        else responses[status] = reuse(response) as Json;
      }
      responses['4XX'] ??= errorResponse('Bad request (the invalid fields are named in errors), not authorised, forbidden, not found, conflict or too many requests');
      responses['5XX'] ??= errorResponse('Server error or service unavailable');
      if (op.requestBody) op.requestBody = reuse(op.requestBody);
    }
  }
  return doc;
}
