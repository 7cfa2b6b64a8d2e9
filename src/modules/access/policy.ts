/**
 * THE access policy of Palermo: every permission check goes through allow(actor, action, resource).
 * Rules are a declarative table of action → predicate. Modules add rules here, never elsewhere.
 *
 * Principles: deny by default; least privilege (an administrator manages accounts, not content,
 * unless also granted curator); focal points act only on their own country, authority roles only on
 * their own authority; four-eyes: nobody reviews or publishes their own change (the resource carries
 * its author, and a publish check without an author is refused); API tokens are limited to their scopes.
 */
import { ForbiddenError, UnauthorizedError } from '../../platform/http/errors.js';
import type { Actor } from './actor.js';
import { ACTIONS, type Action } from './actions.js';
import type { RoleGrant, RoleName } from './roles.js';

/** What an action is applied to: only the facts the policy needs. */
export interface Resource {
  /** Author of the change under review / to publish (four-eyes). */
  authorId?: string | null;
  /** Country the object belongs to (ISO alpha-3). */
  country?: string | null;
  /** Authority the object belongs to (directory identifier). */
  authorityId?: string | null;
  /** Owner of a personal object (API token, own account). */
  ownerId?: string | null;
  /** The person a decision is about (a practitioner request): nobody decides on their own. */
  requesterId?: string | null;
  /** A forum space: topic (open to every signed-in practitioner) or private (its member authorities only). */
  forumSpace?: 'topic' | 'private' | null;
  /** Member authorities of a private forum space or of a joint investigation team (directory ids): their officers and supervisors act on it. */
  memberAuthorityIds?: readonly string[] | null;
}

type Rule = (actor: Actor, resource: Resource) => boolean;

const signedIn: Rule = (a) => a.userId !== null;
const has = (...roles: RoleName[]): Rule => (a) => a.grants.some((g) => roles.includes(g.role));
const grants = (a: Actor, role: RoleName): RoleGrant[] => a.grants.filter((g) => g.role === role);
/** A focal point of the resource's country (the resource must name one). */
const focalPointOf: Rule = (a, r) => !!r.country && grants(a, 'focal_point').some((g) => g.country === r.country);
/** Holds one of the roles for the resource's authority (the resource must name one). */
const ofAuthority = (...roles: RoleName[]): Rule => (a, r) => !!r.authorityId && a.grants.some((g) => roles.includes(g.role) && g.authorityId === r.authorityId);
/**
 * Holds one of the roles for a member authority of the resource (a joint investigation team). Without
 * a member list the resource's authorityId stands for it, so that scopeOf finds the actor's authorities.
 */
const memberOf = (...roles: RoleName[]): Rule => (a, r) => {
  const ids = r.memberAuthorityIds ?? (r.authorityId ? [r.authorityId] : []);
  return a.grants.some((g) => roles.includes(g.role) && !!g.authorityId && ids.includes(g.authorityId));
};
/** Four-eyes: the resource names its author and it is not the actor. */
const notOwnChange: Rule = (a, r) => !!r.authorId && r.authorId !== a.userId;
/** The decision is not about the actor themself. */
const notOwnRequest: Rule = (a, r) => !r.requesterId || r.requesterId !== a.userId;
const any = (...rules: Rule[]): Rule => (a, r) => rules.some((rule) => rule(a, r));
const all = (...rules: Rule[]): Rule => (a, r) => rules.every((rule) => rule(a, r));

/** Acts (officer or supervisor) for one of the member authorities of a private forum space. */
const privateSpaceMember: Rule = (a, r) => r.forumSpace === 'private' && !!r.memberAuthorityIds?.length && memberOf('authority_officer', 'authority_supervisor')(a, r);
const topicSpace: Rule = (_a, r) => r.forumSpace === 'topic';
/** The owning authority (resource.authorityId) is still a member of the private space. */
const ownerIsMember: Rule = (_a, r) => !!r.authorityId && !!r.memberAuthorityIds?.includes(r.authorityId);

const curator = has('curator');
const admin = has('administrator');
const practitionerOrAbove = has('practitioner', 'curator', 'focal_point', 'authority_officer', 'authority_supervisor', 'administrator');

export const RULES: Record<Action, Rule> = {
  'knowledge.create': curator,
  'knowledge.edit': curator,
  'knowledge.translate': curator,
  'knowledge.review': all(curator, notOwnChange),
  'knowledge.publish': all(curator, notOwnChange),
  'knowledge.archive': curator,
  'taxonomy.edit': curator,
  // The search thesaurus (abbreviations and synonyms that expand queries): curators, audited.
  'thesaurus.edit': curator,
  // Authentic language versions of the shipped instruments (Markdown or Akoma Ntoso), uploaded on
  // /{lang}/instrument-texts: curators, audited (the command line, run on the server, needs no role).
  'reference.import_text': curator,

  'directory.read_restricted': practitionerOrAbove,
  'directory.create': focalPointOf,
  'directory.edit': any(focalPointOf, ofAuthority('authority_officer', 'authority_supervisor')),
  'directory.review': focalPointOf,
  'directory.publish': all(focalPointOf, notOwnChange),
  'directory.archive': focalPointOf,
  'directory.export_restricted': any(admin, focalPointOf),
  'directory.import': any(admin, focalPointOf),

  // Service providers of the e-evidence hub: kept by curators with four eyes; emergency contacts and
  // other practitioners-only fields read by registered practitioners.
  'providers.read_restricted': practitionerOrAbove,
  'providers.create': curator,
  'providers.edit': curator,
  'providers.review': all(curator, notOwnChange),
  'providers.publish': all(curator, notOwnChange),
  'providers.archive': curator,

  'practitioner.request': all(signedIn, (a) => !a.grants.some((g) => g.role === 'practitioner')),
  'practitioner.approve': all(any(admin, focalPointOf), notOwnRequest),

  'users.read': admin,
  'users.manage': admin,
  'roles.assign': admin,
  'audit.read': admin,
  'outbox.read': admin,
  'jobs.manage': admin,
  'backups.read': admin,
  'tokens.manage': all(signedIn, (a, r) => r.ownerId === undefined || r.ownerId === a.userId),

  // Casework: the resource's authorityId is the case's owner, or the executing authority for its
  // own track (casework.execute, and casework.read of what was forwarded to it).
  'casework.read': ofAuthority('authority_officer', 'authority_supervisor'),
  'casework.create': ofAuthority('authority_officer', 'authority_supervisor'),
  'casework.edit': ofAuthority('authority_officer', 'authority_supervisor'),
  /** Approve an outgoing request: a supervisor, never the request's author (four eyes). */
  'casework.approve': all(ofAuthority('authority_supervisor'), notOwnChange),
  /** Send an approved request, record acknowledgements and answers. */
  'casework.send': ofAuthority('authority_officer', 'authority_supervisor'),
  /** Assign cases and set deputies for absences. */
  'casework.assign': ofAuthority('authority_supervisor'),
  /** Decisions: refuse, postpone, withdraw, reopen. */
  'casework.decide': ofAuthority('authority_supervisor'),
  /** Record progress and results on a track forwarded to the actor's (executing) authority. */
  'casework.execute': ofAuthority('authority_officer', 'authority_supervisor'),
  /** Service levels, reference patterns, holidays, who looked at a case, publication of figures. */
  'casework.supervise': ofAuthority('authority_supervisor'),
  /** Figures of an authority (its officers and supervisors) or of a State (its focal point). */
  'casework.statistics': any(ofAuthority('authority_officer', 'authority_supervisor'), focalPointOf),
  'casework.import': ofAuthority('authority_supervisor'),
  'casework.export': ofAuthority('authority_supervisor'),

  // Forum (docs/FORUM.md): topic spaces are read and written by every registered practitioner; a
  // private space only by the users acting for its member authorities. Curators open topic spaces;
  // an authority's officers and supervisors open private spaces for it (resource.authorityId).
  'forum.read': any(all(topicSpace, practitionerOrAbove), privateSpaceMember),
  'forum.post': any(all(topicSpace, practitionerOrAbove), privateSpaceMember),
  'forum.create_topic': curator,
  'forum.create_private': ofAuthority('authority_officer', 'authority_supervisor'),
  /** Edit a post: its author, while still allowed to post in its space (resource.ownerId = the author). */
  'forum.edit_post': all(any(all(topicSpace, practitionerOrAbove), privateSpaceMember), (a, r) => !!r.ownerId && r.ownerId === a.userId),
  /**
   * Hide a post with a reason: in topic spaces the curators; in a private space its owner, the
   * officers and supervisors of the authority that opened it (resource.authorityId), while a member.
   */
  'forum.moderate': any(all(topicSpace, curator), all(privateSpaceMember, ofAuthority('authority_officer', 'authority_supervisor'), ownerIsMember)),
  /** Add and remove member authorities of a private space: its owner (as for forum.moderate). */
  'forum.manage_members': all(privateSpaceMember, ofAuthority('authority_officer', 'authority_supervisor'), ownerIsMember),
  // Joint investigation teams (UNTOC art. 19): only officers and supervisors of member authorities
  // see a team's workspace; a supervisor opens one for their authority (authorityId = the lead).
  'jit.create': ofAuthority('authority_supervisor'),
  'jit.read': memberOf('authority_officer', 'authority_supervisor'),
  /** Tasks and shared documents. */
  'jit.contribute': memberOf('authority_officer', 'authority_supervisor'),
  /** Members, the agreement and its extensions. */
  'jit.manage': memberOf('authority_supervisor'),
  /**
   * Link (and unlink) a casework case to a team: officers and supervisors of the authority that owns
   * the case (resource.authorityId), itself a member of the team (resource.memberAuthorityIds).
   */
  'jit.link_case': all(ofAuthority('authority_officer', 'authority_supervisor'), (_a, r) => !r.memberAuthorityIds || (!!r.authorityId && r.memberAuthorityIds.includes(r.authorityId))),

  /** Keep (read, add to, export) a judicial network's case log: its secretariat (resource authorityId = the network id). */
  'networks.log': ofAuthority('network_secretariat'),
  /** Correct an entry of its log (each correction kept in the entry's history): the network's secretariat. */
  'networks.correct': ofAuthority('network_secretariat'),
  /** Create and edit networks (names, member States, secretariat authority) and grant the secretariat role: administrators. */
  'networks.manage': admin,
  // Secure exchange between installations (docs/EXCHANGE.md): administrators keep the node's keys and
  // its trusted partners; a supervisor sends an authority's request and its decisions (result, refusal,
  // postponement, withdrawal); its officers and supervisors correspond about its cases (acknowledgement,
  // information asked and given, status enquiry and answer, partial results: exchange/domain/kinds.ts)
  // and see the messages and evidence of its cases.
  'exchange.manage': admin,
  'exchange.send': ofAuthority('authority_supervisor'),
  'exchange.correspond': ofAuthority('authority_officer', 'authority_supervisor'),
  'exchange.read': ofAuthority('authority_officer', 'authority_supervisor'),
};

/** May the actor take this action on this resource? */
export function allow(actor: Actor, action: Action, resource: Resource = {}): boolean {
  if (actor.scopes && !actor.scopes.has(action)) return false;
  const rule = RULES[action];
  return rule ? rule(actor, resource) : false;
}

export const can = allow;

/** Throw UnauthorizedError for anonymous readers, ForbiddenError for others, unless allowed. */
export function assertAllowed(actor: Actor, action: Action, resource: Resource = {}): void {
  if (allow(actor, action, resource)) return;
  if (actor.userId === null) throw new UnauthorizedError();
  throw new ForbiddenError(`You are not allowed to do this (${action})`);
}

/** Of the candidate actions, those the actor may take on the resource (for pages and API responses). */
export function allowedActions(actor: Actor, resource: Resource = {}, candidates: readonly Action[] = ACTIONS): Action[] {
  return candidates.filter((a) => allow(actor, a, resource));
}

/** A stand-in author for probing four-eyes rules: "a change by someone else". */
const SOMEONE_ELSE = '__someone_else__';

/** Where an actor may take an action, derived from the rules by probing each of the actor's grants. */
export interface ActionScope {
  /** Everywhere (no country or authority needed, e.g. an administrator importing). */
  all: boolean;
  /** Countries (ISO alpha-3) the actor may act for. */
  countries: string[];
  /** Authorities (directory ids) the actor may act for. */
  authorities: string[];
  /** Somewhere at all: all, or at least one country or authority. */
  some: boolean;
}

/**
 * For which countries and authorities may the actor take this action? For lists, filters, links and
 * work queues: the answer comes from the same rules as allow(), so they cannot disagree.
 */
export function scopeOf(actor: Actor, action: Action): ActionScope {
  const all = allow(actor, action, { authorId: SOMEONE_ELSE, ownerId: actor.userId });
  const countries = [...new Set(actor.grants.flatMap((g) => (g.country && allow(actor, action, { country: g.country, authorId: SOMEONE_ELSE }) ? [g.country] : [])))];
  const authorities = [...new Set(actor.grants.flatMap((g) => (g.authorityId && allow(actor, action, { authorityId: g.authorityId, authorId: SOMEONE_ELSE }) ? [g.authorityId] : [])))];
  return { all, countries, authorities, some: all || countries.length > 0 || authorities.length > 0 };
}

/**
 * Refuse (401 anonymous, 403 signed in) an actor who may take the action nowhere at all, before
 * anything about the object is read: whether it exists and what state it is in stay unknown to them.
 */
export function assertAllowedSomewhere(actor: Actor, action: Action): ActionScope {
  const scope = scopeOf(actor, action);
  if (scope.some) return scope;
  if (actor.userId === null) throw new UnauthorizedError();
  throw new ForbiddenError(`You are not allowed to do this (${action})`);
}

/** Actions behind the administration area (/admin): who may open it and which of its pages they see. */
export const ADMIN_AREA_ACTIONS = ['users.read', 'practitioner.approve', 'audit.read', 'outbox.read', 'jobs.manage', 'backups.read'] as const satisfies readonly Action[];

/** May the actor open the administration area (one of its actions somewhere: e.g. a focal point approving practitioners of their State)? */
export function administers(actor: Actor): boolean {
  return ADMIN_AREA_ACTIONS.some((a) => scopeOf(actor, a).some);
}

/** Actions an API token may be scoped to: the actions its owner may take at all (for some resource). */
export function grantableScopes(actor: Actor): Action[] {
  const probes: Resource[] = [{}, ...actor.grants.map((g) => ({ country: g.country, authorityId: g.authorityId, authorId: '__other__', ownerId: actor.userId }))];
  return ACTIONS.filter((a) => probes.some((r) => allow({ ...actor, scopes: null }, a, r)));
}
