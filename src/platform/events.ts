/**
 * In-process, in-transaction change events between modules. A module that owns data announces
 * what changed with `publishChanges(trx, topic, payload)` inside the transaction of the change; the
 * modules that keep data derived from it subscribe with `onChange(topic, handler)` when they are
 * wired at start-up (PalermoModule.subscribe, called by openRuntime before anything is written).
 * Handlers run at once, in the publisher's transaction, one after the other: what they write commits
 * or rolls back with the change, and an error in a handler rolls the change back.
 *
 * Topics are typed values declared by the publishing module and exported from its index.ts, so a
 * subscriber depends on the publisher, never the other way round.
 */
import type { Kysely } from 'kysely';
import type { DB } from './db/schema.js';

/** A kind of change, with the type of what its announcements carry. */
export interface Topic<Payload> {
  readonly name: string;
  /** Type only: never set. */
  readonly payload?: Payload;
}

export type ChangeHandler<Payload> = (trx: Kysely<DB>, payload: Payload) => Promise<void>;

export function defineTopic<Payload>(name: string): Topic<Payload> {
  return { name };
}

const handlers = new Map<string, ChangeHandler<never>[]>();

/** Subscribe to a topic. Subscribing the same handler again does nothing (several runtimes may open in one process). */
export function onChange<Payload>(topic: Topic<Payload>, handler: ChangeHandler<Payload>): void {
  const list = handlers.get(topic.name) ?? [];
  if (!list.includes(handler as ChangeHandler<never>)) list.push(handler as ChangeHandler<never>);
  handlers.set(topic.name, list);
}

/** Remove a subscription (tests). */
export function offChange<Payload>(topic: Topic<Payload>, handler: ChangeHandler<Payload>): void {
  handlers.set(
    topic.name,
    (handlers.get(topic.name) ?? []).filter((h) => h !== handler),
  );
}

/** Number of subscribers of a topic. */
export function subscriberCount(topic: Topic<unknown>): number {
  return handlers.get(topic.name)?.length ?? 0;
}

/**
 * Announce a change to the subscribers of its topic, in the caller's transaction (required: derived
 * data is written in the same transaction as the change that makes it stale).
 */
export async function publishChanges<Payload>(trx: Kysely<DB>, topic: Topic<Payload>, payload: Payload): Promise<void> {
  if (!trx.isTransaction) throw new Error(`publishChanges(${topic.name}) must be called inside the transaction of the change`);
  for (const handler of handlers.get(topic.name) ?? []) await (handler as ChangeHandler<Payload>)(trx, payload);
}
