/** The words of joint investigation team workspaces (UNTOC art. 19). */
export const AGREEMENT_KINDS = ['agreement', 'extension'] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];

export const TASK_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const EVIDENCE_ACTIONS = ['upload', 'view', 'download'] as const;
export type EvidenceAction = (typeof EVIDENCE_ACTIONS)[number];
