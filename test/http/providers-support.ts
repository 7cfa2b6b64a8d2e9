/** Support for the providers HTTP and browser tests: publish providers straight to the live table, API tokens for curators and practitioners. */
import type { Kysely } from 'kysely';
import type { DB } from '../../src/platform/db/schema.js';
import { checkProvider } from '../../src/modules/providers/domain/checks.js';
import type { ProviderDocument } from '../../src/modules/providers/domain/schema.js';
import { countryCodes, writeLiveProvider } from '../../src/modules/providers/live.js';
import { createApiToken } from '../../src/modules/accounts/api-tokens.js';
import { accountsEnv } from '../../src/modules/accounts/env.js';
import { userActor } from '../../src/modules/access/actor.js';
import type { Action } from '../../src/modules/access/actions.js';
import type { RoleGrant } from '../../src/modules/access/roles.js';
import type { TestServer } from '../helpers/server.js';

/** Publish documents as a curator's publication would (checked first), verified today. */
export async function publishProviders(db: Kysely<DB>, docs: ProviderDocument[]): Promise<void> {
  const countries = await countryCodes(db);
  for (const d of docs) {
    const c = checkProvider(d, countries);
    if (!c.ok) throw new Error(`bad test provider ${d.id}: ${JSON.stringify(c.issues)}`);
    await writeLiveProvider(db, c.doc, { demo: !!d.demo, verifiedOn: new Date().toISOString().slice(0, 10) });
  }
}

/** A bearer token of a user, with the given scopes. */
export async function tokenOf(server: TestServer, user: { id: string; email: string }, grants: RoleGrant[], scopes: Action[]): Promise<string> {
  const env = await accountsEnv(server.runtime.db, server.runtime.config);
  const actor = userActor({ userId: user.id, name: user.email, email: user.email, grants, totpEnabled: true });
  return (await createApiToken(server.runtime.db, env, { actor }, { name: 'test', scopes, expires_in_days: '5' })).token;
}
