/**
 * Every action Palermo checks. Later modules add RULES for the actions they use (in policy.ts);
 * the names are fixed here so that API token scopes and role tables refer to one list.
 */
export const ACTIONS = [
  'knowledge.create',
  'knowledge.edit',
  'knowledge.review',
  'knowledge.publish',
  'knowledge.archive',
  'knowledge.translate',
  'taxonomy.edit',
  'directory.read_restricted',
  'directory.create',
  'directory.edit',
  'directory.review',
  'directory.publish',
  'directory.archive',
  'directory.export_restricted',
  'directory.import',
  'providers.read_restricted',
  'providers.create',
  'providers.edit',
  'providers.review',
  'providers.publish',
  'providers.archive',
  'practitioner.request',
  'practitioner.approve',
  'users.read',
  'users.manage',
  'roles.assign',
  'audit.read',
  'outbox.read',
  'jobs.manage',
  'backups.read',
  'tokens.manage',
  'casework.read',
  'casework.create',
  'casework.edit',
  'casework.approve',
  'casework.send',
  'casework.assign',
  'casework.decide',
  'casework.execute',
  'casework.supervise',
  'casework.statistics',
  'casework.import',
  'casework.export',
  'exchange.manage',
  'exchange.send',
  'exchange.read',
] as const;
export type Action = (typeof ACTIONS)[number];

export function isAction(value: unknown): value is Action {
  return typeof value === 'string' && (ACTIONS as readonly string[]).includes(value);
}
