import { ELEVATED_ROLES, type RoleGrant } from './roles.js';
import type { Action } from './actions.js';

/** Who is making a request, as the policy sees it. */
export interface Actor {
  /** null for anonymous readers. */
  userId: string | null;
  name: string | null;
  email: string | null;
  /** Roles in effect (elevated roles only when the second factor is enrolled). */
  grants: readonly RoleGrant[];
  /** Elevated roles held but not in effect because the user has not enrolled a second factor. */
  suspendedGrants: readonly RoleGrant[];
  /** For API tokens: the actions the token was given; null for a browser session (no restriction). */
  scopes: ReadonlySet<Action> | null;
  via: 'web' | 'api' | 'cli' | 'system';
}

export const ANONYMOUS: Actor = Object.freeze<Actor>({ userId: null, name: null, email: null, grants: [], suspendedGrants: [], scopes: null, via: 'web' });

export interface ActorSource {
  userId: string;
  name: string;
  email: string;
  grants: readonly RoleGrant[];
  totpEnabled: boolean;
  scopes?: readonly Action[] | null;
  via?: Actor['via'];
}

/** Build the actor of a signed-in user: elevated roles take effect only with a second factor. */
export function userActor(src: ActorSource): Actor {
  const grants: RoleGrant[] = [];
  const suspended: RoleGrant[] = [];
  for (const g of src.grants) (ELEVATED_ROLES.has(g.role) && !src.totpEnabled ? suspended : grants).push(g);
  return {
    userId: src.userId,
    name: src.name,
    email: src.email,
    grants,
    suspendedGrants: suspended,
    scopes: src.scopes ? new Set(src.scopes) : null,
    via: src.via ?? 'web',
  };
}

/** The command line acts with full administrator rights (whoever runs it controls the installation). */
export const CLI_ACTOR: Actor = Object.freeze<Actor>({ userId: null, name: 'command line', email: null, grants: [{ role: 'administrator' }], suspendedGrants: [], scopes: null, via: 'cli' });

export function hasRole(actor: Actor, role: RoleGrant['role']): boolean {
  return actor.grants.some((g) => g.role === role);
}
