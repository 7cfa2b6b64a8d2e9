/** Support for the directory HTTP and browser tests: publish authorities straight to the live table. */
import type { Kysely } from 'kysely';
import type { DB } from '../../src/platform/db/schema.js';
import { checkAuthority } from '../../src/modules/directory/domain/checks.js';
import type { AuthorityDocument } from '../../src/modules/directory/domain/schema.js';
import { loadDirectoryRefs, writeLive } from '../../src/modules/directory/live.js';

/** Publish documents as an import would (checked first), verified today unless told otherwise. */
export async function publishAuthorities(db: Kysely<DB>, docs: AuthorityDocument[], verifiedOn: string | null = new Date().toISOString().slice(0, 10)): Promise<void> {
  const refs = await loadDirectoryRefs(db);
  for (const d of docs) {
    const c = checkAuthority(d, refs);
    if (!c.ok) throw new Error(`bad test authority ${d.id}: ${JSON.stringify(c.issues)}`);
    await writeLive(db, c.doc, { origin: 'import', demo: !!d.demo, verified: { on: verifiedOn, by: verifiedOn ? 'Test Verifier' : null, userId: null } });
  }
}

/** Every marker string, to assert that none appears in a response. */
export function assertNoSecret(text: string, secrets: Record<string, string>, where: string): void {
  for (const [k, v] of Object.entries(secrets)) {
    if (text.includes(v)) throw new Error(`${where}: restricted ${k} "${v}" leaked`);
  }
}
