/**
 * Demo sign-ins for casework: a demo officer and a demo supervisor of the demo central authority,
 * and an officer of its executing authority, each with a new random password and TOTP secret at every
 * `palermo seed --demo` (printed once by the command; never fixed). Disabled with the demo removal.
 */
import type { Kysely } from 'kysely';
import type { Config } from '../../config.js';
import type { DB } from '../../platform/db/schema.js';
import { disableDemoSignIns, provisionDemoSignIns, type DemoSignIn } from '../accounts/index.js';
import type { DemoAuthorities } from '../casework/index.js';

export const DEMO_EMAILS = { officer: 'casework-officer@demo.example', supervisor: 'casework-supervisor@demo.example', executing: 'executing-officer@demo.example' } as const;

export async function demoSignIns(db: Kysely<DB>, config: Config, a: DemoAuthorities): Promise<(DemoSignIn & { label: string })[]> {
  const executing = a.executors.find((x) => x.id);
  const specs = [
    { label: 'officer', email: DEMO_EMAILS.officer, name: 'Demo Officer', roles: [{ role: 'authority_officer' as const, authorityId: a.authorityId }] },
    { label: 'supervisor', email: DEMO_EMAILS.supervisor, name: 'Demo Supervisor', roles: [{ role: 'authority_supervisor' as const, authorityId: a.authorityId }] },
    ...(executing ? [{ label: `officer of ${executing.name}`, email: DEMO_EMAILS.executing, name: 'Demo Executing Officer', roles: [{ role: 'authority_officer' as const, authorityId: executing.id! }] }] : []),
  ];
  const created = await provisionDemoSignIns(db, config, specs);
  return created.map((c, i) => ({ ...c, label: specs[i]!.label }));
}

export function removeDemoSignIns(db: Kysely<DB>): Promise<number> {
  return disableDemoSignIns(db, Object.values(DEMO_EMAILS));
}
