/** Recompute the hash chains of cases' histories: one case (the "history verified" mark) or all of some authorities' (CLI). */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { verifyChain, type ChainVerdict, type StoredEvent } from './domain/history.js';
import { chainRowEvent, fetchChainRows, listEvents, openChainCursor, type ChainRow } from './repository/history.js';
import { caseOwnerAuthorities } from './repository/cases.js';
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
 * never empty here). One scoped read-only transaction streams the cases and their events in order
 * through a cursor (`batch` rows per FETCH, the next FETCH on its way while a batch is hashed): one
 * snapshot, no query per case, memory flat at a batch.
 */
export async function verifyAll(db: Kysely<DB>, authorities: readonly string[], opts: { batch?: number; onFailure?: (v: CaseVerdict) => void } = {}): Promise<VerifyAllResult> {
  if (!authorities.length) throw new Error('verifyAll needs at least one authority');
  const started = performance.now();
  const batch = opts.batch ?? 20_000;
  let cases = 0;
  let events = 0;
  const failures: CaseVerdict[] = [];
  let head: ChainRow | null = null;
  let chain: StoredEvent[] = [];
  const finish = () => {
    if (!head) return;
    const verdict = verifyChain(chain, { seq: head.history_seq, head: head.history_head });
    cases++;
    events += verdict.events;
    if (!verdict.ok) {
      const v: CaseVerdict = { caseId: head.head_id, reference: head.reference, authorityId: head.authority_id, verdict };
      failures.push(v);
      opts.onFailure?.(v);
    }
  };
  await withCaseScope(db, authorities, async (trx) => {
    await openChainCursor(trx);
    let next: Promise<ChainRow[]> | null = fetchChainRows(trx, batch);
    while (next) {
      const rows: ChainRow[] = await next;
      next = rows.length === batch ? fetchChainRows(trx, batch) : null;
      next?.catch(() => undefined); // awaited on the next turn; marked handled should onFailure throw first
      for (const r of rows) {
        if (r.head_id !== head?.head_id) {
          finish();
          head = r;
          chain = [];
        }
        if (r.id !== null) chain.push(chainRowEvent(r));
      }
    }
  });
  finish();
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
