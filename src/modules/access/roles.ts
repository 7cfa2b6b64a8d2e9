/** Roles of Palermo. "public" (anonymous) and "registered" (signed in) are not granted: they follow from the session. */
export const ROLE_NAMES = ['practitioner', 'curator', 'focal_point', 'authority_officer', 'authority_supervisor', 'administrator', 'network_secretariat'] as const;
export type RoleName = (typeof ROLE_NAMES)[number];

/** Roles above registered practitioner: they require a second factor before they take effect. */
export const ELEVATED_ROLES: ReadonlySet<RoleName> = new Set(['curator', 'focal_point', 'authority_officer', 'authority_supervisor', 'administrator', 'network_secretariat']);

/**
 * Which scope a role needs: focal points act for one country, authority roles for one authority, a
 * network secretariat for one network (its id held as the grant's authorityId: the secretariat acts
 * as the network's authority).
 */
export function roleScope(role: RoleName): 'country' | 'authority' | null {
  if (role === 'focal_point') return 'country';
  if (role === 'authority_officer' || role === 'authority_supervisor' || role === 'network_secretariat') return 'authority';
  return null;
}

export function isRoleName(value: unknown): value is RoleName {
  return typeof value === 'string' && (ROLE_NAMES as readonly string[]).includes(value);
}

/** One role held by a user, with its scope. */
export interface RoleGrant {
  role: RoleName;
  /** ISO alpha-3 of a focal point's country. */
  country?: string | null;
  /** Directory identifier of an officer's or supervisor's authority; a network secretariat's network id. */
  authorityId?: string | null;
}
