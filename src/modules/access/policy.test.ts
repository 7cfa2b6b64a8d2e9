import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ForbiddenError, UnauthorizedError } from '../../platform/http/errors.js';
import { ANONYMOUS, userActor, type Actor } from './actor.js';
import { ACTIONS, type Action } from './actions.js';
import { administers, allow, allowedActions, assertAllowed, assertAllowedSomewhere, grantableScopes, scopeOf, type Resource } from './policy.js';
import type { RoleGrant } from './roles.js';

const SELF = 'u-self';
const OTHER = 'u-other';
const actorWith = (grants: RoleGrant[], totpEnabled = true): Actor => userActor({ userId: SELF, name: 'Self', email: 'self@example.org', grants, totpEnabled });

const ROLES: Record<string, Actor> = {
  anonymous: ANONYMOUS,
  registered: actorWith([]),
  practitioner: actorWith([{ role: 'practitioner' }]),
  curator: actorWith([{ role: 'curator' }]),
  focal_point: actorWith([{ role: 'focal_point', country: 'FRA' }]),
  authority_officer: actorWith([{ role: 'authority_officer', authorityId: 'fra-moj' }]),
  authority_supervisor: actorWith([{ role: 'authority_supervisor', authorityId: 'fra-moj' }]),
  administrator: actorWith([{ role: 'administrator' }]),
  network_secretariat: actorWith([{ role: 'network_secretariat', authorityId: 'fra-moj' }]),
  curator_without_second_factor: actorWith([{ role: 'curator' }], false),
};

/** A resource in the actor's own scope, authored by someone else, owned by the actor. */
const OWN_SCOPE: Resource = { country: 'FRA', authorityId: 'fra-moj', authorId: OTHER, ownerId: SELF };

const EXPECTED: Record<string, Action[]> = {
  anonymous: [],
  registered: ['practitioner.request', 'tokens.manage'],
  practitioner: ['directory.read_restricted', 'providers.read_restricted', 'tokens.manage'],
  curator: [
    'knowledge.create', 'knowledge.edit', 'knowledge.review', 'knowledge.publish', 'knowledge.archive', 'knowledge.translate',
    'taxonomy.edit', 'thesaurus.edit', 'reference.import_text', 'directory.read_restricted', 'practitioner.request', 'tokens.manage',
    'providers.read_restricted', 'providers.create', 'providers.edit', 'providers.review', 'providers.publish', 'providers.archive',
    'forum.create_topic',
  ],
  focal_point: [
    'directory.read_restricted', 'providers.read_restricted', 'directory.create', 'directory.edit', 'directory.review', 'directory.publish', 'directory.archive',
    'directory.export_restricted', 'directory.import', 'practitioner.request', 'practitioner.approve', 'tokens.manage', 'casework.statistics',
  ],
  authority_officer: [
    'directory.read_restricted', 'providers.read_restricted', 'directory.edit', 'practitioner.request', 'tokens.manage',
    'casework.read', 'casework.create', 'casework.edit', 'casework.send', 'casework.execute', 'casework.statistics', 'exchange.read', 'exchange.correspond',
    'forum.create_private',
    'jit.read', 'jit.contribute', 'jit.link_case',
  ],
  authority_supervisor: [
    'directory.read_restricted', 'providers.read_restricted', 'directory.edit', 'practitioner.request', 'tokens.manage',
    'casework.read', 'casework.create', 'casework.edit', 'casework.approve', 'casework.send', 'casework.assign', 'casework.decide',
    'casework.execute', 'casework.supervise', 'casework.statistics', 'casework.import', 'casework.export', 'exchange.send', 'exchange.read', 'exchange.correspond',
    'forum.create_private',
    'jit.create', 'jit.read', 'jit.contribute', 'jit.manage', 'jit.link_case',
  ],
  administrator: [
    'directory.read_restricted', 'providers.read_restricted', 'directory.export_restricted', 'directory.import', 'practitioner.request', 'practitioner.approve',
    'users.read', 'users.manage', 'roles.assign', 'audit.read', 'outbox.read', 'jobs.manage', 'backups.read', 'tokens.manage', 'exchange.manage', 'networks.manage',
  ],
  network_secretariat: ['practitioner.request', 'tokens.manage', 'networks.log', 'networks.correct'],
  // Elevated roles do not take effect before the second factor is enrolled: a registered user.
  curator_without_second_factor: ['practitioner.request', 'tokens.manage'],
};

describe('access policy: roles × actions', () => {
  for (const [role, actor] of Object.entries(ROLES)) {
    it(`${role} may do exactly what it should`, () => {
      const expected = new Set(EXPECTED[role]);
      for (const action of ACTIONS) {
        assert.equal(allow(actor, action, OWN_SCOPE), expected.has(action), `${role} → ${action}`);
      }
      assert.deepEqual(allowedActions(actor, OWN_SCOPE).sort(), [...expected].sort());
    });
  }

  it('confines focal points to their country', () => {
    const fp = ROLES.focal_point!;
    for (const action of ['directory.create', 'directory.edit', 'directory.review', 'directory.publish', 'directory.archive', 'directory.import', 'practitioner.approve'] as const) {
      assert.equal(allow(fp, action, { ...OWN_SCOPE, country: 'ITA' }), false, action);
      assert.equal(allow(fp, action, { authorId: OTHER }), false, `${action} without a country`);
    }
  });

  it('confines authority roles to their authority', () => {
    for (const role of ['authority_officer', 'authority_supervisor']) {
      const a = ROLES[role]!;
      for (const action of ['casework.read', 'casework.create', 'casework.edit', 'casework.send', 'casework.execute', 'casework.statistics', 'directory.edit', 'exchange.read', 'exchange.correspond'] as const) {
        assert.equal(allow(a, action, { ...OWN_SCOPE, authorityId: 'ita-moj' }), false, `${role} ${action}`);
      }
    }
  });

  it('never lets anyone publish or review their own change (four-eyes)', () => {
    const everyone = actorWith([
      { role: 'curator' }, { role: 'focal_point', country: 'FRA' }, { role: 'authority_supervisor', authorityId: 'fra-moj' }, { role: 'administrator' },
    ]);
    for (const action of ['knowledge.review', 'knowledge.publish', 'directory.publish', 'providers.review', 'providers.publish', 'casework.approve'] as const) {
      assert.equal(allow(everyone, action, { ...OWN_SCOPE, authorId: SELF }), false, `${action} own change`);
      assert.equal(allow(everyone, action, { country: 'FRA', authorityId: 'fra-moj' }), false, `${action} without author`);
      assert.equal(allow(everyone, action, OWN_SCOPE), true, `${action} someone else's change`);
    }
  });

  it('restricts API tokens to their scopes', () => {
    const base = actorWith([{ role: 'administrator' }]);
    const token: Actor = { ...base, scopes: new Set<Action>(['audit.read']), via: 'api' };
    assert.equal(allow(token, 'audit.read'), true);
    assert.equal(allow(token, 'users.manage'), false);
    const scoped = grantableScopes(base);
    assert.ok(scoped.includes('audit.read') && scoped.includes('roles.assign'));
    assert.ok(!scoped.includes('knowledge.publish'));
  });

  it('lets only the owner manage a token', () => {
    assert.equal(allow(ROLES.registered!, 'tokens.manage', { ownerId: OTHER }), false);
    assert.equal(allow(ROLES.administrator!, 'tokens.manage', { ownerId: OTHER }), false);
  });

  it('throws 401 for anonymous and 403 for signed-in actors', () => {
    assert.throws(() => assertAllowed(ANONYMOUS, 'audit.read'), UnauthorizedError);
    assert.throws(() => assertAllowed(ROLES.curator!, 'audit.read'), ForbiddenError);
    assert.doesNotThrow(() => assertAllowed(ROLES.administrator!, 'audit.read'));
  });

  it('says where an actor may act (scopeOf), from the same rules', () => {
    const multi = actorWith([{ role: 'focal_point', country: 'FRA' }, { role: 'focal_point', country: 'ITA' }, { role: 'authority_officer', authorityId: 'deu-moj' }]);
    assert.deepEqual(scopeOf(multi, 'directory.create'), { all: false, countries: ['FRA', 'ITA'], authorities: [], some: true });
    assert.deepEqual(scopeOf(multi, 'directory.edit'), { all: false, countries: ['FRA', 'ITA'], authorities: ['deu-moj'], some: true });
    assert.deepEqual(scopeOf(ROLES.administrator!, 'directory.import'), { all: true, countries: [], authorities: [], some: true });
    assert.equal(scopeOf(ROLES.administrator!, 'directory.edit').some, false, 'administrators do not edit content');
    assert.equal(scopeOf(ROLES.practitioner!, 'directory.export_restricted').some, false);
    assert.equal(scopeOf(ROLES.focal_point!, 'directory.export_restricted').some, true);
    assert.equal(scopeOf(ROLES.curator_without_second_factor!, 'knowledge.edit').some, false);
    // Every country or authority in a scope is one where allow() says yes, for every role and action.
    for (const actor of Object.values(ROLES)) {
      for (const action of ACTIONS) {
        const s = scopeOf(actor, action);
        for (const country of s.countries) assert.ok(allow(actor, action, { country, authorId: OTHER }), `${action} ${country}`);
        for (const authorityId of s.authorities) assert.ok(allow(actor, action, { authorityId, authorId: OTHER }), `${action} ${authorityId}`);
        assert.equal(s.some, s.all || s.countries.length > 0 || s.authorities.length > 0);
      }
    }
  });

  it('refuses an actor who may act nowhere before anything is looked up (assertAllowedSomewhere)', () => {
    assert.throws(() => assertAllowedSomewhere(ANONYMOUS, 'directory.edit'), UnauthorizedError);
    for (const role of ['registered', 'practitioner', 'curator', 'administrator']) assert.throws(() => assertAllowedSomewhere(ROLES[role]!, 'directory.edit'), ForbiddenError, role);
    assert.deepEqual(assertAllowedSomewhere(ROLES.authority_officer!, 'directory.edit').authorities, ['fra-moj']);
  });

  it('opens the administration area to administrators and to focal points (practitioner approvals)', () => {
    const expected: Record<string, boolean> = { administrator: true, focal_point: true };
    for (const [role, actor] of Object.entries(ROLES)) assert.equal(administers(actor), expected[role] ?? false, role);
  });

  it('lets only officers and supervisors of member authorities into a joint investigation team', () => {
    const team: Resource = { memberAuthorityIds: ['ita-pg', 'fra-moj'] };
    const outside: Resource = { memberAuthorityIds: ['ita-pg', 'deu-bka'] };
    for (const role of ['authority_officer', 'authority_supervisor']) {
      const a = ROLES[role]!;
      assert.equal(allow(a, 'jit.read', team), true, role);
      assert.equal(allow(a, 'jit.contribute', team), true, role);
      assert.equal(allow(a, 'jit.read', outside), false, role);
      assert.equal(allow(a, 'jit.contribute', outside), false, role);
      assert.equal(allow(a, 'jit.read', { memberAuthorityIds: [] }), false, role);
    }
    assert.equal(allow(ROLES.authority_supervisor!, 'jit.manage', team), true);
    assert.equal(allow(ROLES.authority_officer!, 'jit.manage', team), false);
    assert.equal(allow(ROLES.authority_supervisor!, 'jit.manage', outside), false);
    for (const role of ['administrator', 'curator', 'focal_point', 'practitioner']) assert.equal(allow(ROLES[role]!, 'jit.read', team), false, role);
    assert.deepEqual(scopeOf(ROLES.authority_officer!, 'jit.read').authorities, ['fra-moj']);
  });

  it('lets an authority link only its own cases to a team it is a member of', () => {
    const team = ['ita-pg', 'fra-moj'];
    for (const role of ['authority_officer', 'authority_supervisor']) {
      const a = ROLES[role]!;
      assert.equal(allow(a, 'jit.link_case', { authorityId: 'fra-moj', memberAuthorityIds: team }), true, role);
      assert.equal(allow(a, 'jit.link_case', { authorityId: 'ita-pg', memberAuthorityIds: team }), false, `${role}: another member's case`);
      assert.equal(allow(a, 'jit.link_case', { authorityId: 'fra-moj', memberAuthorityIds: ['ita-pg', 'deu-bka'] }), false, `${role}: not a member`);
      assert.equal(allow(a, 'jit.link_case', { memberAuthorityIds: team }), false, `${role}: no owning authority`);
    }
    for (const role of ['administrator', 'curator', 'focal_point', 'practitioner', 'network_secretariat']) assert.equal(allow(ROLES[role]!, 'jit.link_case', { authorityId: 'fra-moj', memberAuthorityIds: team }), false, role);
  });

  it('lets a network secretariat keep only its own network\'s log', () => {
    const sec = actorWith([{ role: 'network_secretariat', authorityId: 'wacap' }]);
    assert.equal(allow(sec, 'networks.log', { authorityId: 'wacap' }), true);
    assert.equal(allow(sec, 'networks.log', { authorityId: 'casc' }), false);
    assert.equal(allow(sec, 'networks.correct', { authorityId: 'wacap' }), true);
    assert.equal(allow(sec, 'networks.correct', { authorityId: 'casc' }), false);
    assert.equal(allow(sec, 'casework.read', { authorityId: 'wacap' }), false, 'not an authority officer');
    assert.equal(allow(sec, 'jit.read', { memberAuthorityIds: ['wacap'] }), false);
    for (const role of ['authority_supervisor', 'administrator', 'focal_point']) for (const action of ['networks.log', 'networks.correct'] as const) assert.equal(allow(ROLES[role]!, action, { authorityId: 'fra-moj', country: 'FRA' }), false, role);
    assert.equal(allow(sec, 'networks.manage', { authorityId: 'wacap' }), false, 'a secretariat does not administer its network');
    assert.equal(allow(ROLES.administrator!, 'networks.manage'), true);
    assert.deepEqual(scopeOf(sec, 'networks.log').authorities, ['wacap']);
  });

  it('never lets anyone decide on their own practitioner request', () => {
    for (const role of ['administrator', 'focal_point']) {
      assert.equal(allow(ROLES[role]!, 'practitioner.approve', { country: 'FRA', requesterId: SELF }), false, role);
      assert.equal(allow(ROLES[role]!, 'practitioner.approve', { country: 'FRA', requesterId: OTHER }), true, role);
    }
  });
});

describe('access policy: forum spaces', () => {
  const TOPIC: Resource = { forumSpace: 'topic' };
  const MEMBER: Resource = { forumSpace: 'private', memberAuthorityIds: ['ita-moj', 'fra-moj'] };
  const NOT_MEMBER: Resource = { forumSpace: 'private', memberAuthorityIds: ['ita-moj', 'deu-bfj'] };
  // role → [read/post a topic space, a private space of its authority, a private space of others]
  const ROWS: Record<string, [boolean, boolean, boolean]> = {
    anonymous: [false, false, false],
    registered: [false, false, false],
    practitioner: [true, false, false],
    curator: [true, false, false],
    focal_point: [true, false, false],
    authority_officer: [true, true, false],
    authority_supervisor: [true, true, false],
    administrator: [true, false, false],
    curator_without_second_factor: [false, false, false],
  };
  for (const [role, [topic, member, other]] of Object.entries(ROWS)) {
    it(`${role}: topic ${topic}, own private ${member}, others' private ${other}`, () => {
      const actor = ROLES[role]!;
      for (const action of ['forum.read', 'forum.post'] as const) {
        assert.equal(allow(actor, action, TOPIC), topic, `${action} topic`);
        assert.equal(allow(actor, action, MEMBER), member, `${action} member`);
        assert.equal(allow(actor, action, NOT_MEMBER), other, `${action} not member`);
      }
    });
  }

  it('denies a private space without members, and a space whose kind is not given', () => {
    const officer = ROLES.authority_officer!;
    assert.equal(allow(officer, 'forum.read', { forumSpace: 'private', memberAuthorityIds: [] }), false);
    assert.equal(allow(officer, 'forum.read', { memberAuthorityIds: ['fra-moj'] }), false);
    assert.equal(allow(ROLES.practitioner!, 'forum.read', {}), false);
  });

  // role → [edit own post in a topic space, edit own post in its private space, edit another's post,
  //         moderate a topic space, moderate/manage members of a private space its authority owns,
  //         of one another member owns]
  const OWNED: Resource = { ...MEMBER, authorityId: 'fra-moj' };
  const OWNED_BY_OTHER: Resource = { ...MEMBER, authorityId: 'ita-moj' };
  const EDIT_ROWS: Record<string, [boolean, boolean, boolean, boolean, boolean, boolean]> = {
    anonymous: [false, false, false, false, false, false],
    registered: [false, false, false, false, false, false],
    practitioner: [true, false, false, false, false, false],
    curator: [true, false, false, true, false, false],
    focal_point: [true, false, false, false, false, false],
    authority_officer: [true, true, false, false, true, false],
    authority_supervisor: [true, true, false, false, true, false],
    administrator: [true, false, false, false, false, false],
    network_secretariat: [false, false, false, false, false, false],
    curator_without_second_factor: [false, false, false, false, false, false],
  };
  for (const [role, [ownTopic, ownPrivate, others, modTopic, modOwned, modOther]] of Object.entries(EDIT_ROWS)) {
    it(`${role}: edit own ${ownTopic}/${ownPrivate}, others' ${others}, moderate topic ${modTopic}, own private ${modOwned}, others' ${modOther}`, () => {
      const actor = ROLES[role]!;
      assert.equal(allow(actor, 'forum.edit_post', { ...TOPIC, ownerId: SELF }), ownTopic);
      assert.equal(allow(actor, 'forum.edit_post', { ...MEMBER, ownerId: SELF }), ownPrivate);
      assert.equal(allow(actor, 'forum.edit_post', { ...TOPIC, ownerId: OTHER }) || allow(actor, 'forum.edit_post', { ...MEMBER, ownerId: OTHER }) || allow(actor, 'forum.edit_post', { ...NOT_MEMBER, ownerId: SELF }), others);
      assert.equal(allow(actor, 'forum.moderate', TOPIC), modTopic);
      assert.equal(allow(actor, 'forum.moderate', OWNED), modOwned);
      assert.equal(allow(actor, 'forum.manage_members', OWNED), modOwned);
      assert.equal(allow(actor, 'forum.moderate', OWNED_BY_OTHER) || allow(actor, 'forum.manage_members', OWNED_BY_OTHER), modOther);
      assert.equal(allow(actor, 'forum.manage_members', TOPIC), false, 'a topic space has no members');
    });
  }

  it('refuses moderation when the owning authority is no longer a member, and editing a post without an author', () => {
    const officer = ROLES.authority_officer!;
    assert.equal(allow(officer, 'forum.moderate', { forumSpace: 'private', memberAuthorityIds: ['fra-moj', 'deu-bfj'], authorityId: 'ita-moj' }), false);
    assert.equal(allow(officer, 'forum.manage_members', { forumSpace: 'private', memberAuthorityIds: ['ita-moj'], authorityId: 'fra-moj' }), false);
    assert.equal(allow(officer, 'forum.edit_post', { ...TOPIC }), false);
  });

  it('lets officers open private spaces only for their own authority', () => {
    assert.equal(allow(ROLES.authority_officer!, 'forum.create_private', { authorityId: 'fra-moj' }), true);
    assert.equal(allow(ROLES.authority_officer!, 'forum.create_private', { authorityId: 'ita-moj' }), false);
    assert.equal(allow(ROLES.authority_officer!, 'forum.create_private', {}), false);
  });
});
