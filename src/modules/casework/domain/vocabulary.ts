/**
 * The fixed vocabularies of casework: kinds of request, states, roles of persons, channels,
 * legal bases, grounds for refusal. The migration's CHECK constraints list the same values
 * (migrations/0055_casework.sql); the unit test beside this file keeps the two in step.
 * Measures and offences are not listed here: they are the reference taxonomies `measure` and `crime`.
 */

export const DIRECTIONS = ['incoming', 'outgoing'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** Kinds of request (UNTOC arts. 13, 16-19, 21; 18(4) spontaneous information; e-evidence measures are MLA measures). */
export const CASE_KINDS = [
  'mla',
  'extradition',
  'provisional_arrest',
  'transfer_sentenced',
  'transfer_proceedings',
  'confiscation',
  'joint_investigation',
  'videoconference',
  'service_documents',
  'spontaneous_information',
  'other',
] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

/** States of an incoming request (received by our authority). */
export const INCOMING_STATES = [
  'received',
  'formal_check',
  'returned_for_completion',
  'registered',
  'assessment',
  'consultation',
  'additional_info_requested',
  'postponed',
  'forwarded',
  'results_review',
  'results_sent',
  'refused',
  'withdrawn',
  'lapsed',
  'closed',
] as const;

/** States of an outgoing request (sent by our authority). */
export const OUTGOING_STATES = [
  'draft',
  'awaiting_approval',
  'approved',
  'sent',
  'acknowledged',
  'additional_info_requested',
  'in_execution',
  'partly_executed',
  'executed',
  'refused',
  'withdrawn',
  'lapsed',
  'closed',
] as const;

export const CASE_STATES = [...new Set<string>([...INCOMING_STATES, ...OUTGOING_STATES])] as readonly string[] as readonly CaseState[];
export type CaseState = (typeof INCOMING_STATES)[number] | (typeof OUTGOING_STATES)[number];

/** The track of one executing authority to which an incoming request was forwarded. */
export const EXECUTION_STATES = ['forwarded', 'acknowledged', 'in_execution', 'partly_executed', 'executed', 'unable_to_execute', 'withdrawn'] as const;
export type ExecutionState = (typeof EXECUTION_STATES)[number];

/** How a finished request ended (for statistics); null while open. */
export const OUTCOMES = ['executed', 'partly_executed', 'refused', 'withdrawn', 'lapsed', 'returned'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Kinds of body an executing authority is (directory functions are richer; this is what casework needs). */
export const EXECUTING_BODY_KINDS = ['prosecution', 'court', 'police', 'financial_intelligence_unit', 'customs', 'ministry', 'other'] as const;
export type ExecutingBodyKind = (typeof EXECUTING_BODY_KINDS)[number];

export const PERSON_ROLES = ['suspect', 'accused', 'sentenced_person', 'witness', 'victim', 'other'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

export const URGENCIES = ['normal', 'urgent', 'very_urgent'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const CHANNELS = ['central_authorities', 'diplomatic', 'interpol', 'direct_judicial', 'electronic', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Legal bases; a treaty names its instrument (reference instruments or a knowledge treaty id) and article. */
export const LEGAL_BASIS_TYPES = ['untoc', 'untoc_protocol', 'uncac', 'treaty', 'reciprocity', 'domestic_law', 'other'] as const;
export type LegalBasisType = (typeof LEGAL_BASIS_TYPES)[number];

/** Grounds for refusal (UNTOC 18(21); 18(22): fiscal matters alone are no ground). */
export const REFUSAL_GROUNDS = [
  'not_in_conformity', // 18(21)(a)
  'sovereignty_security_public_order', // 18(21)(b)
  'domestic_law_prohibits', // 18(21)(c)
  'contrary_to_legal_system', // 18(21)(d)
  'dual_criminality', // 18(9)
  'bank_secrecy_not_a_ground', // never valid (18(8)): kept so that an attempt is recorded and refused
  'ne_bis_in_idem',
  'political_offence',
  'discrimination',
  'death_penalty',
  'statute_of_limitations',
  'other',
] as const;
export type RefusalGround = (typeof REFUSAL_GROUNDS)[number];

export const DOCUMENT_KINDS = ['request', 'translation', 'supporting', 'result', 'correspondence', 'other'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const LINK_KINDS = ['supplementary', 'follows_preservation', 'same_matter', 'counterpart'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

export const DEADLINE_KINDS = ['partner', 'statutory', 'service_level', 'custom'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/** What the case history records. */
export const EVENT_TYPES = [
  'created',
  'edited',
  'transition',
  'assigned',
  'person_added',
  'person_edited',
  'person_removed',
  'legal_basis_set',
  'link_added',
  'link_removed',
  'deadline_set',
  'deadline_met',
  'document_added',
  'execution_forwarded',
  'execution_transition',
  'execution_edited',
  'status_enquiry',
  'chased',
  'imported',
  /** A step of the secure exchange with a partner node (message sent or received, signed evidence; migration 0072). */
  'exchange',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];
