/**
 * Support for the accounts HTTP and browser tests: a cookie-keeping client that behaves like a browser
 * without JavaScript (reads the CSRF field from forms), an SMTP-free way to read mail (the outbox), and
 * helpers to create users in a given state through the real services.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../src/platform/db/schema.js';
import type { TestServer } from '../helpers/server.js';
import { CLI_ACTOR } from '../../src/modules/access/actor.js';
import { createAdministrator } from '../../src/modules/accounts/admin.js';
import { hashPassword } from '../../src/modules/accounts/domain/passwords.js';
import { totpCode } from '../../src/modules/accounts/domain/totp.js';
import { decrypt } from '../../src/modules/accounts/domain/crypto.js';
import { accountsEnv } from '../../src/modules/accounts/env.js';
import type { RoleName } from '../../src/modules/access/roles.js';

export const PASSWORD = 'Vienna convention on treaties 1969';

export class Client {
  readonly jar = new Map<string, string>();
  constructor(readonly server: TestServer) {}

  private cookieHeader(): string {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(res: Response): Response {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      if (!value || /expires=Thu, 01 Jan 1970/i.test(c) || /max-age=0/i.test(c)) this.jar.delete(name);
      else this.jar.set(name, value);
    }
    return res;
  }

  async get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    return this.keep(await this.server.get(path, { headers: { cookie: this.cookieHeader(), ...headers } }));
  }

  /** GET a page and return its HTML and the CSRF token of its first form. */
  async page(path: string): Promise<{ res: Response; html: string; csrf: string }> {
    const res = await this.get(path);
    const html = await res.text();
    return { res, html, csrf: csrfOf(html) };
  }

  /** POST a form (application/x-www-form-urlencoded), like a browser on this site would (or another unsafe method). */
  async post(path: string, form: Record<string, string | string[]>, headers: Record<string, string> = {}, method = 'POST'): Promise<Response> {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(form)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
    return this.keep(
      await this.server.get(path, {
        method,
        body: body.toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: this.cookieHeader(), origin: this.server.url, ...headers },
      }),
    );
  }

  /** GET the form page for its CSRF token, then POST the form with it. */
  async submit(formPage: string, action: string, form: Record<string, string | string[]>): Promise<Response> {
    const { csrf } = await this.page(formPage);
    return this.post(action, { ...form, _csrf: csrf });
  }

  sessionCookie(): string | undefined {
    return this.jar.get('palermo_session');
  }
}

/** POST a multipart form as a browser would (fields in the order given; [name, blob, filename] for a file). */
export async function upload(c: Client, path: string, parts: ([string, string] | [string, Blob, string])[]): Promise<Response> {
  const form = new FormData();
  for (const p of parts) {
    if (p.length === 3) form.append(p[0], p[1], p[2]);
    else form.append(p[0], p[1]);
  }
  const cookie = [...c.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  return c.server.get(path, { method: 'POST', body: form, headers: { cookie, origin: c.server.url } });
}

export function csrfOf(html: string): string {
  return /name="_csrf" value="([^"]*)"/.exec(html)?.[1] ?? '';
}

/** The newest mail in the outbox to an address. */
export async function lastMail(db: Kysely<DB>, to: string) {
  return db.selectFrom('outbox').selectAll().where('to_address', '=', to).orderBy('id', 'desc').executeTakeFirst();
}

export function linkIn(body: string | null | undefined, path: string): string {
  const m = new RegExp(`https?://[^\\s]+(/[a-z]{2}${path.replace(/\//g, '\\/')}\\?token=[A-Za-z0-9_-]+)`).exec(body ?? '');
  if (!m) throw new Error(`no ${path} link in mail:\n${body}`);
  return m[1]!;
}

let seq = 0;
export function uniqueEmail(prefix = 'user'): string {
  return `${prefix}.${process.pid}.${Date.now().toString(36)}.${seq++}@example.org`;
}

/** A verified user with a password, optional roles and optional TOTP (returns its base32 secret). */
export async function makeUser(
  server: TestServer,
  opts: { email?: string; name?: string; roles?: { role: RoleName; country?: string; authority_id?: string }[]; totp?: boolean; lang?: 'en' | 'fr' | 'es' | 'ru' | 'ar' | 'zh' } = {},
): Promise<{ id: string; email: string; secret: string | null }> {
  const db = server.runtime.db;
  const email = opts.email ?? uniqueEmail();
  const { encrypt } = await import('../../src/modules/accounts/domain/crypto.js');
  const { newTotpSecret } = await import('../../src/modules/accounts/domain/totp.js');
  const env = await accountsEnv(db, server.runtime.config);
  const secret = opts.totp ? newTotpSecret() : null;
  const row = await db
    .insertInto('users')
    .values({
      email,
      email_normalized: email.toLowerCase(),
      display_name: opts.name ?? 'Test User',
      lang: opts.lang ?? 'en',
      password_hash: await hashPassword(PASSWORD),
      email_verified_at: new Date(),
      totp_secret: secret ? encrypt(env.keys.encryption, secret) : null,
      totp_enabled_at: secret ? new Date() : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const r of opts.roles ?? []) {
    await db.insertInto('user_roles').values({ user_id: row.id, role: r.role, country: r.country ?? null, authority_id: r.authority_id ?? null, granted_by: null }).execute();
  }
  return { id: row.id, email, secret };
}

/** Sign a client in through the real forms (password, then TOTP when the user has one). */
export async function signInAs(client: Client, user: { email: string; secret: string | null }, password = PASSWORD): Promise<Response> {
  let res = await client.submit('/en/sign-in', '/en/sign-in', { email: user.email, password });
  if (res.status !== 303) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  if (res.headers.get('location')?.includes('/sign-in/second-factor')) {
    if (!user.secret) throw new Error('second factor asked but no secret');
    const { csrf } = await client.page('/en/sign-in/second-factor');
    res = await client.post('/en/sign-in/second-factor', { _csrf: csrf, code: totpCode(user.secret) });
    if (res.status !== 303) throw new Error(`second factor failed: ${res.status} ${await res.text()}`);
  }
  return res;
}

/** One signed-in client per user, under the same keys (the users signed in one after the other). */
export async function signInAll<K extends string>(server: TestServer, users: Record<K, { email: string; secret: string | null }>): Promise<Record<K, Client>> {
  const clients = {} as Record<K, Client>;
  for (const [k, u] of Object.entries(users) as [K, { email: string; secret: string | null }][]) {
    clients[k] = new Client(server);
    await signInAs(clients[k], u);
  }
  return clients;
}

export { createAdministrator, CLI_ACTOR, totpCode, decrypt };
