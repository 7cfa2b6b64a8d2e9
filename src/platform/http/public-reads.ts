/**
 * Public reads of the API (GET/HEAD under /api/ without credentials): readable from any origin
 * (CORS: Access-Control-Allow-Origin *, GET and HEAD only, never with credentials), and cacheable:
 * a weak ETag computed from the body, Cache-Control public for five minutes (unless the route set
 * its own), and 304 Not Modified when If-None-Match names the current ETag. Requests that carry
 * credentials (a session cookie, a bearer token) get none of this: what they read may be private.
 */
import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export const PUBLIC_MAX_AGE_SECONDS = 300;
const CORS_HEADERS = { 'access-control-allow-origin': '*', 'access-control-allow-methods': 'GET, HEAD', 'access-control-allow-headers': 'accept, accept-language, if-none-match', 'access-control-expose-headers': 'etag, content-disposition, x-request-id' };

function isPublicRead(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  if (!request.url.startsWith('/api/')) return false;
  return !request.headers.authorization && !request.headers.cookie;
}

/** W/"<first 32 hex digits of the SHA-256 of the body>". */
export function etagOf(body: string | Buffer): string {
  return `W/"${crypto.createHash('sha256').update(body).digest('hex').slice(0, 32)}"`;
}

function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  return header.split(',').some((t) => t.trim() === '*' || bare(t) === bare(etag));
}

export function registerPublicReads(app: FastifyInstance): void {
  // Preflight of a cross-origin read: allowed for GET and HEAD only.
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.method !== 'OPTIONS' || !request.url.startsWith('/api/') || !request.headers.origin) return;
    const wanted = String(request.headers['access-control-request-method'] ?? '').toUpperCase();
    if (wanted !== 'GET' && wanted !== 'HEAD') return reply.code(403).type('text/plain').send('cross-origin requests may only read (GET, HEAD)\n');
    return reply.code(204).headers({ ...CORS_HEADERS, 'access-control-max-age': '86400' }).send();
  });
  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (!isPublicRead(request)) return payload;
    reply.headers(CORS_HEADERS);
    if (reply.statusCode !== 200) return payload;
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', `public, max-age=${PUBLIC_MAX_AGE_SECONDS}`);
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    const etag = etagOf(payload);
    reply.header('etag', etag);
    reply.header('cross-origin-resource-policy', 'cross-origin');
    if (matches(request.headers['if-none-match'], etag)) {
      reply.code(304);
      reply.removeHeader('content-length');
      reply.removeHeader('content-type');
      return '';
    }
    return payload;
  });
}
