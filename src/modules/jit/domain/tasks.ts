/**
 * The life of a team task as a declarative transition table (as workflow/domain/transitions.ts):
 * any member may move a task along it while the workspace is open. Pure.
 */
import type { TaskStatus } from './vocabulary.js';

export const TASK_TRANSITIONS: Readonly<Record<TaskStatus, readonly TaskStatus[]>> = {
  open: ['in_progress', 'done', 'cancelled'],
  in_progress: ['open', 'done', 'cancelled'],
  done: ['in_progress'],
  cancelled: ['open'],
};

/** May a task go from one status to the other? */
export function canMoveTask(from: TaskStatus, to: TaskStatus): boolean {
  return TASK_TRANSITIONS[from].includes(to);
}
