/** Recompute the hash chains of cases' histories: one case (the "history verified" mark) or all of some authorities' (CLI). */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { verifyChain, type ChainVerdict } from './domain/history.js';
import { listEvents } from './repository/history.js';
import { caseHeads, caseOwnerAuthorities } from './repository/cases.js';
import { withCaseScope } from './repository/scope.js';
import type { Actor } from '../access/index.js';
import { authoritiesFor, caseOr404 } from './service-context.js';

export interface CaseVerdict {
  caseId: string;
  reference: string | null;
  authorityId: string;
  verdict: ChainVerdict;
}

export interface VerifyAllResult {
  cases: number;
  events: number;
  failures: CaseVerdict[];
  ms: number;
}

/**
 * Verify every case of the given authorities (the command line names them; an officer's scope is
 * never empty here). Cases are read in pages of `batch` so memory stays flat.
 */
export async function verifyAll(db: Kysely<DB>, authorities: readonly string[], opts: { batch?: number; onFailure?: (v: CaseVerdict) => void } = {}): Promise<VerifyAllResult> {
  if (!authorities.length) throw new Error('verifyAll needs at least one authority');
  const started = performance.now();
  const batch = opts.batch ?? 200;
  let after: string | null = null;
  let cases = 0;
  let events = 0;
  const failures: CaseVerdict[] = [];
  for (;;) {
    const page = await withCaseScope(db, authorities, async (trx) => {
      const heads = await caseHeads(trx, after, batch);
      const out: CaseVerdict[] = [];
      for (const h of heads) {
        const verdict = verifyChain(await listEvents(trx, h.id), { seq: h.history_seq, head: h.history_head });
        out.push({ caseId: h.id, reference: h.reference, authorityId: h.authority_id, verdict });
      }
      return out;
    });
    for (const v of page) {
      cases++;
      events += v.verdict.events;
      if (!v.verdict.ok) {
        failures.push(v);
        opts.onFailure?.(v);
      }
    }
    if (page.length < batch) break;
    after = page[page.length - 1]!.caseId;
  }
  return { cases, events, failures, ms: performance.now() - started };
}

/** One line naming a broken case and its first failing event (the CLI's and the restore's report). */
export function describeFailure(f: CaseVerdict): string {
  const p = f.verdict.problem;
  return `case ${f.caseId}${f.reference ? ` (${f.reference})` : ''} of ${f.authorityId}: ${p?.kind} at event seq ${p?.seq} (id ${p?.eventId})`;
}

/**
 * After `palermo restore` (PalermoModule.verifyRestore): recompute the history chain of every case of
 * every authority; one line per broken case, naming it and the first failing event.
 */
export async function verifyRestoredHistories(db: Kysely<DB>): Promise<string[]> {
  const authorities = await caseOwnerAuthorities(db);
  if (!authorities.length) return [];
  const r = await verifyAll(db, authorities);
  return r.failures.map((f) => `history of ${describeFailure(f)}`);
}

/** Recompute one case's chain for a reader of the case (403 without casework rights, 404 when not visible). */
export async function verifyHistory(db: Kysely<DB>, actor: Actor, caseId: string): Promise<ChainVerdict> {
  const authorities = authoritiesFor(actor, 'casework.read');
  return withCaseScope(db, authorities, async (trx) => {
    const row = await caseOr404(trx, caseId);
    return verifyChain(await listEvents(trx, row.id), { seq: row.history_seq, head: row.history_head });
  });
}
