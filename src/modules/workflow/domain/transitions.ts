/**
 * The editorial workflow as a declarative transition table (knowledge entries, taxonomies and
 * directory entries all use it). Each transition names the permission it needs; four-eyes rules
 * are explicit. Pure: permissions are checked through the `allowed` callback given by the caller.
 */

export type RevisionState = 'draft' | 'in_review' | 'published' | 'archived' | 'discarded' | 'superseded';

export type TransitionName = 'submit' | 'withdraw' | 'return' | 'publish' | 'archive' | 'restore' | 'discard';

/** The verb of the policy action a transition needs; the domain prefixes it ("knowledge.publish"). */
export type WorkflowVerb = 'edit' | 'review' | 'publish' | 'archive';

export interface Transition {
  name: TransitionName;
  from: readonly RevisionState[];
  to: RevisionState;
  verb: WorkflowVerb;
  /** The person doing it must not be an author of the revision. */
  fourEyes: boolean;
  /** A comment (reason) is required. */
  requiresComment: boolean;
}

export const TRANSITIONS: readonly Transition[] = [
  { name: 'submit', from: ['draft'], to: 'in_review', verb: 'edit', fourEyes: false, requiresComment: false },
  { name: 'withdraw', from: ['in_review'], to: 'draft', verb: 'edit', fourEyes: false, requiresComment: false },
  { name: 'return', from: ['in_review'], to: 'draft', verb: 'review', fourEyes: true, requiresComment: true },
  { name: 'publish', from: ['in_review'], to: 'published', verb: 'publish', fourEyes: true, requiresComment: false },
  { name: 'archive', from: ['published'], to: 'archived', verb: 'archive', fourEyes: false, requiresComment: true },
  // Restoring undoes an archiving: the content was reviewed when first published.
  { name: 'restore', from: ['archived'], to: 'published', verb: 'archive', fourEyes: false, requiresComment: false },
  { name: 'discard', from: ['draft'], to: 'discarded', verb: 'edit', fourEyes: false, requiresComment: false },
];

export interface TransitionSubject {
  state: RevisionState;
  /** Everyone who wrote content in this revision (the author and later editors). */
  authorIds: readonly string[];
}

export type TransitionCheck = { ok: true; transition: Transition } | { ok: false; reason: 'unknown' | 'state' | 'permission' | 'four_eyes' | 'comment' };

/**
 * May this actor apply this transition now? `allowed(verb)` answers the policy question for the
 * subject (e.g. allow(actor, 'knowledge.publish', entry)).
 */
export function canTransition(
  actorId: string | undefined,
  subject: TransitionSubject,
  name: TransitionName,
  allowed: (verb: WorkflowVerb) => boolean,
  comment?: string,
): TransitionCheck {
  const transition = TRANSITIONS.find((t) => t.name === name);
  if (!transition) return { ok: false, reason: 'unknown' };
  // Permission first: someone who may not take this step learns nothing of the revision's state.
  if (!actorId || !allowed(transition.verb)) return { ok: false, reason: 'permission' };
  if (!transition.from.includes(subject.state)) return { ok: false, reason: 'state' };
  if (transition.fourEyes && subject.authorIds.includes(actorId)) return { ok: false, reason: 'four_eyes' };
  if (transition.requiresComment && comment !== undefined && !comment.trim()) return { ok: false, reason: 'comment' };
  return { ok: true, transition };
}

/** The transitions this actor may apply now, for buttons in the interface and `actions` in API responses. */
export function availableTransitions(
  actorId: string | undefined,
  subject: TransitionSubject,
  allowed: (verb: WorkflowVerb) => boolean,
): TransitionName[] {
  return TRANSITIONS.filter((t) => canTransition(actorId, subject, t.name, allowed).ok).map((t) => t.name);
}
