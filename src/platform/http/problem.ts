import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type FieldIssue } from './errors.js';

/** RFC 9457 problem details, as every API error is returned. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  request_id: string;
  errors?: FieldIssue[];
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

interface AjvIssue {
  instancePath?: string;
  keyword?: string;
  message?: string;
  params?: Record<string, unknown>;
}

/** Turn Ajv validation output into field issues that name the field. */
export function issuesFromValidation(validation: AjvIssue[], context?: string): FieldIssue[] {
  return validation.map((v) => {
    let field = (v.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
    const missing = v.params?.missingProperty;
    const extra = v.params?.additionalProperty;
    if (typeof missing === 'string') field = field ? `${field}.${missing}` : missing;
    if (typeof extra === 'string') field = field ? `${field}.${extra}` : extra;
    if (!field) field = context ?? 'body';
    let message = v.message ?? 'is invalid';
    if (v.keyword === 'additionalProperties') message = 'is not a known field';
    if (v.keyword === 'enum' && Array.isArray(v.params?.allowedValues)) {
      message = `must be one of: ${(v.params.allowedValues as unknown[]).join(', ')}`;
    }
    return { field, message };
  });
}

/** Classify any thrown error into status, code, message and field issues; never leaks internals for 5xx. */
export function classifyError(error: unknown): { status: number; code: string; message: string; issues?: FieldIssue[] } {
  if (error instanceof AppError) {
    return { status: error.status, code: error.code, message: error.message, ...(error.issues ? { issues: error.issues } : {}) };
  }
  const fe = error as FastifyError & { validation?: AjvIssue[]; validationContext?: string };
  if (fe?.validation) {
    const issues = issuesFromValidation(fe.validation, fe.validationContext);
    return { status: 400, code: 'validation', message: issues.map((i) => `${i.field}: ${i.message}`).join('; '), issues };
  }
  const status = typeof fe?.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 600 ? fe.statusCode : 500;
  if (status >= 500) return { status, code: 'internal', message: 'An unexpected error occurred; it has been logged.' };
  // Fastify's own 4xx (bad JSON, body too large, unsupported media type...) carry safe messages;
  // a body that cannot be parsed (malformed JSON, a "__proto__" or "constructor" key) names the field "body".
  const code = (fe.code ?? (status === 429 ? 'too-many-requests' : 'bad-request')).toLowerCase().replace(/_/g, '-');
  const unparsable = status === 400 && (error instanceof SyntaxError || (fe.code ?? '').startsWith('FST_ERR_CTP_'));
  return { status, code, message: fe.message, ...(unparsable ? { issues: [{ field: 'body', message: fe.message }] } : {}) };
}

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  p: { status: number; code: string; message: string; issues?: FieldIssue[] },
): FastifyReply {
  const body: Problem = {
    type: `/problems/${p.code}`,
    title: TITLES[p.status] ?? 'Error',
    status: p.status,
    detail: p.message,
    instance: request.url,
    request_id: String(request.id),
    ...(p.issues ? { errors: p.issues } : {}),
  };
  return reply.code(p.status).type('application/problem+json; charset=utf-8').send(JSON.stringify(body));
}
