/**
 * The public entry of the access module: the only file other modules import (scripts/check-deps.mjs).
 * Everything else in src/modules/access/ is internal.
 */
export { ACTIONS, isAction } from './actions.js';
export type { Action } from './actions.js';
export { ANONYMOUS, CLI_ACTOR, userActor } from './actor.js';
export type { Actor } from './actor.js';
export { administers, allow, allowedActions, assertAllowed, assertAllowedSomewhere, grantableScopes, scopeOf } from './policy.js';
export type { ActionScope, Resource } from './policy.js';
export { ROLE_NAMES, isRoleName, roleScope } from './roles.js';
export type { RoleGrant, RoleName } from './roles.js';
