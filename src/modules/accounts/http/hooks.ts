/**
 * Request hooks for the whole application (a global plugin): who is asking (session cookie or API
 * token → request.actor), the page frame's viewer, and CSRF protection of every state-changing request.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { globalPlugin, type App } from '../../../platform/http/app.js';
import { ForbiddenError, UnauthorizedError } from '../../../platform/http/errors.js';
import { ANONYMOUS, type Actor, administers, allowedActions, scopeOf } from '../../access/index.js';
import { authenticateToken } from '../api-tokens.js';
import { hmacHex, randomToken, safeEqual } from '../domain/crypto.js';
import { accountsEnv, type AccountsEnv } from '../env.js';
import { resolveSession, type ClientInfo, type ResolvedSession } from '../sessions.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is asking: anonymous, a signed-in user, or an API token's owner restricted to its scopes. */
    actor: Actor;
    /** The browser session, when the request carries a live session cookie. */
    session: ResolvedSession | null;
  }
  interface FastifyContextConfig {
    /** The route reads its multipart body as a stream and checks the token field itself (assertFormToken), before the file. */
    csrfInMultipart?: boolean;
  }
}

export function cookieNames(env: AccountsEnv) {
  return env.secureCookies ? { session: '__Host-palermo_session', pre: '__Host-palermo_pre' } : { session: 'palermo_session', pre: 'palermo_pre' };
}

function cookieOptions(env: AccountsEnv) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: env.secureCookies };
}

export function setSessionCookie(reply: FastifyReply, env: AccountsEnv, id: string): void {
  reply.setCookie(cookieNames(env).session, id, cookieOptions(env));
}

export function clearSessionCookie(reply: FastifyReply, env: AccountsEnv): void {
  reply.clearCookie(cookieNames(env).session, cookieOptions(env));
}

export function clientInfo(request: FastifyRequest): ClientInfo {
  const ua = request.headers['user-agent'];
  return { ip: request.ip ?? null, userAgent: typeof ua === 'string' ? ua.slice(0, 300) : null };
}

export { auditContext } from '../../audit/index.js';

export function envOf(app: App): Promise<AccountsEnv> {
  return accountsEnv(app.db, app.config);
}

/** Requests whose response contains a CSRF token. */
const personal = new WeakSet<FastifyRequest>();
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const SKIP = /^\/(assets\/|healthz$|readyz$)/;

function bearerOf(request: FastifyRequest): string | null {
  const h = request.headers.authorization;
  if (typeof h !== 'string') return null;
  const m = /^Bearer\s+(\S+)$/i.exec(h);
  return m ? m[1]! : null;
}

function sameOrigin(request: FastifyRequest, env: AccountsEnv): boolean {
  // Browsers say where a request comes from (Fetch Metadata); only this origin, or the user, may post.
  const site = request.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') return false;
  const origin = request.headers.origin;
  const referer = request.headers.referer;
  let seen: string | null = null;
  // "null" (sandboxed frames, some privacy settings) says nothing: fall back to the Referer.
  if (typeof origin === 'string' && origin !== 'null') seen = origin;
  else if (typeof referer === 'string') {
    try {
      seen = new URL(referer).origin;
    } catch {
      return false;
    }
  }
  if (seen === null) return true; // Neither header (non-browser client): the token alone decides.
  const allowed = new Set([new URL(env.config.publicUrl).origin, `${request.protocol}://${request.host}`]);
  return allowed.has(seen);
}

export const accountsHooks = globalPlugin(async (app: App) => {
  app.decorateRequest('actor', null as unknown as Actor);
  app.decorateRequest('session', null);
  app.decorateRequest('viewer', null);
  app.decorateRequest('csrfToken', null);

  app.addHook('onRequest', async (request, reply) => {
    request.actor = ANONYMOUS;
    if (SKIP.test(request.url)) return;
    const env = await envOf(app);
    const names = cookieNames(env);
    const isApi = request.url.startsWith('/api/');
    const bearer = isApi ? bearerOf(request) : null;
    if (bearer) {
      const actor = await authenticateToken(app.db, env, bearer);
      if (!actor) {
        reply.header('www-authenticate', 'Bearer error="invalid_token"');
        throw new UnauthorizedError('The API token is invalid, expired or revoked');
      }
      request.actor = actor;
      return;
    }
    const raw = request.cookies[names.session];
    if (raw) {
      const session = await resolveSession(app.db, env, raw);
      if (!session) clearSessionCookie(reply, env);
      request.session = session;
      if (session?.actor) {
        const actor = session.actor;
        request.actor = actor;
        request.viewer = {
          id: actor.userId!,
          name: actor.name ?? '',
          admin: administers(actor),
          editor: allowedActions(actor, {}, ['knowledge.edit']).length > 0,
          casework: scopeOf(actor, 'casework.read').some,
          // Every member of a private space may also read the topic spaces: one probe suffices.
          forum: allowedActions(actor, { forumSpace: 'topic' }, ['forum.read']).length > 0,
        };
      }
    }
    request.csrfToken = () => {
      personal.add(request);
      if (request.session) return request.session.csrfToken;
      let pre = request.cookies[names.pre];
      if (!pre || !/^[A-Za-z0-9_-]{43}$/.test(pre)) {
        pre = randomToken(32);
        request.cookies[names.pre] = pre;
        reply.setCookie(names.pre, pre, cookieOptions(env));
      }
      return hmacHex(env.keys.csrf, pre);
    };
  });

  // Pages for a signed-in person, or carrying a form token, must not be stored by any cache.
  app.addHook('onSend', async (request, reply) => {
    if ((request.session || personal.has(request)) && !/no-store/.test(String(reply.getHeader('cache-control') ?? ''))) reply.header('cache-control', 'no-store');
  });

  app.addHook('preValidation', async (request) => {
    if (!UNSAFE.has(request.method) || SKIP.test(request.url)) return;
    const env = await envOf(app);
    if (request.url.startsWith('/api/')) {
      // Tokens are not sent by browsers on their own: no CSRF risk. Cookie sessions need the same
      // origin as pages, and the header.
      if (bearerOf(request) || !request.session) return;
      if (!sameOrigin(request, env)) throw new ForbiddenError('Cross-site request refused (Origin/Referer/Sec-Fetch-Site)');
      const given = request.headers['x-csrf-token'];
      if (typeof given !== 'string' || !safeEqual(given, request.session.csrfToken)) throw new ForbiddenError('CSRF token missing or invalid (X-CSRF-Token)');
      return;
    }
    if (!sameOrigin(request, env)) throw new ForbiddenError('Cross-site request refused (Origin/Referer)');
    if (request.routeOptions.config.csrfInMultipart && /^multipart\/form-data/i.test(request.headers['content-type'] ?? '')) return;
    const body = request.body as Record<string, unknown> | undefined;
    await assertFormToken(app, request, (body && typeof body === 'object' ? body._csrf : undefined) ?? request.headers['x-csrf-token']);
  });
});

/** The CSRF token of a form: the session's token, or before sign-in the pre-session token; 403 otherwise. */
export async function assertFormToken(app: App, request: FastifyRequest, given: unknown): Promise<void> {
  const env = await envOf(app);
  let expected: string | null = null;
  if (request.session) expected = request.session.csrfToken;
  else {
    const pre = request.cookies[cookieNames(env).pre];
    if (pre) expected = hmacHex(env.keys.csrf, pre);
  }
  if (typeof given !== 'string' || !expected || !safeEqual(given, expected)) {
    throw new ForbiddenError('The form has expired or did not come from this site (CSRF token missing or invalid). Reload the page and try again.');
  }
}
