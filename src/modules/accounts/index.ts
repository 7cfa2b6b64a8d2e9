/**
 * The public entry of the accounts module: the only file other modules import (scripts/check-deps.mjs).
 * Its routes and commands are plugged in by src/modules/index.ts; other modules use the form token
 * check (multipart forms are parsed by their route, after the global hook) and read users only
 * through people.ts (display names, practitioner grants per year), never the accounts tables.
 */
export { assertFormToken } from './http/hooks.js';
export { practitionerGrantYears, queueMailToMembers, queueMailToUser, userDisplayNames, usersOfAuthority } from './people.js';
export type { AuthorityUser } from './people.js';
export { mailAdministrators, type AdministratorAlert } from './mail.js';
export { disableDemoSignIns, provisionDemoSignIns } from './demo-users.js';
export type { DemoSignIn, DemoUserSpec } from './demo-users.js';
/** Roles scoped to an authority or network, managed from other modules' administration pages (network secretariats). */
export { grantScopedRole, revokeScopedRole, roleHolders } from './scoped-roles.js';
export type { RoleHolder } from './scoped-roles.js';
