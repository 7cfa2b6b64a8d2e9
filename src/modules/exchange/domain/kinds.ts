/**
 * The kinds of exchange message after the request (docs/EXCHANGE.md "Message kinds"), as a table: which
 * side sends each (the requested State, which received the request, or the requesting State, which sent
 * it), who may send it (policy action), what it must carry, and which lifecycle transition of casework
 * (casework/domain/transitions.ts) it applies on the sender's own case and on the receiver's case. Pure.
 */

/** The side of a case: `requesting` sent the request (an outgoing case), `requested` received it (an incoming case). */
export type Side = 'requesting' | 'requested';

export const ANSWER_KINDS = ['acknowledgement', 'information_request', 'additional_information', 'status_enquiry', 'status_answer', 'partial_result', 'result', 'refusal', 'postponement', 'withdrawal'] as const;
export type AnswerKind = (typeof ANSWER_KINDS)[number];

/** A casework transition and the message fields that fill its required fields. */
export interface KindTransition {
  name: string;
  /** On the sender's case: true = the transition must be possible now (409 otherwise, nothing sent); false = applied when the lifecycle allows it. */
  strict?: boolean;
}

export interface KindRule {
  kind: AnswerKind;
  /** Who sends it. */
  from: Side;
  /** The policy action the sender needs on the case's authority. */
  action: 'exchange.send' | 'exchange.correspond';
  /** Required content: text (the reasons, the question), grounds (refusal, UNTOC art. 18(21)), until (postponement, 18(25)). */
  needs: readonly ('text' | 'grounds' | 'until')[];
  /** It may carry documents. */
  documents: boolean;
  /** The kind it answers (its in_reply_to is the latest such message received); otherwise it refers to the request. */
  answers?: AnswerKind;
  /** The transition on the sender's own case, applied with the sender's permissions in the sending transaction. */
  senderTransition?: KindTransition;
  /** The transition on the receiver's case, applied by the exchange in the receiving transaction when the lifecycle allows it. */
  receiverTransition?: string;
}

export const KIND_RULES: readonly KindRule[] = [
  { kind: 'acknowledgement', from: 'requested', action: 'exchange.correspond', needs: [], documents: false, receiverTransition: 'acknowledge' },
  // 18(16): the requested State asks for what it needs; the requesting State answers with it.
  { kind: 'information_request', from: 'requested', action: 'exchange.correspond', needs: ['text'], documents: true, senderTransition: { name: 'request_information', strict: true }, receiverTransition: 'information_requested' },
  { kind: 'additional_information', from: 'requesting', action: 'exchange.correspond', needs: ['text'], documents: true, answers: 'information_request', senderTransition: { name: 'information_provided' }, receiverTransition: 'information_received' },
  // 18(24): the requested State answers reasonable requests on progress.
  { kind: 'status_enquiry', from: 'requesting', action: 'exchange.correspond', needs: ['text'], documents: false },
  { kind: 'status_answer', from: 'requested', action: 'exchange.correspond', needs: ['text'], documents: false, answers: 'status_enquiry' },
  { kind: 'partial_result', from: 'requested', action: 'exchange.correspond', needs: [], documents: true, receiverTransition: 'partly_executed' },
  { kind: 'result', from: 'requested', action: 'exchange.send', needs: [], documents: true, senderTransition: { name: 'send_results' }, receiverTransition: 'executed' },
  // 18(21)-(23): refusal with its grounds and reasons; 18(25): postponement, with its reason and until when.
  { kind: 'refusal', from: 'requested', action: 'exchange.send', needs: ['text', 'grounds'], documents: true, senderTransition: { name: 'refuse', strict: true }, receiverTransition: 'refused' },
  { kind: 'postponement', from: 'requested', action: 'exchange.send', needs: ['text', 'until'], documents: false, senderTransition: { name: 'postpone', strict: true } },
  { kind: 'withdrawal', from: 'requesting', action: 'exchange.send', needs: ['text'], documents: false, senderTransition: { name: 'withdraw', strict: true }, receiverTransition: 'withdraw' },
];

export const isAnswerKind = (k: unknown): k is AnswerKind => typeof k === 'string' && (ANSWER_KINDS as readonly string[]).includes(k);

export function kindRule(kind: AnswerKind): KindRule {
  return KIND_RULES.find((r) => r.kind === kind)!;
}

/** The kinds a side may send. */
export function kindsFrom(side: Side): AnswerKind[] {
  return KIND_RULES.filter((r) => r.from === side).map((r) => r.kind);
}

/** The fields of a casework transition filled from a message: the text is the comment, the date is the day it is applied. */
export function transitionInput(m: { text?: string; grounds?: readonly string[]; until?: string }, today: string): { comment?: string; grounds?: string[]; until?: string; date: string; outcome: string } {
  return { ...(m.text ? { comment: m.text.slice(0, 5000) } : {}), ...(m.grounds ? { grounds: [...m.grounds] } : {}), ...(m.until ? { until: m.until } : {}), date: today, outcome: 'executed' };
}
