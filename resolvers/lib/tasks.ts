// Task rules: the status moves (docs/pipeline.md, "Tasks"), the pending counter and the index keys of a task item.
// Plain data and pure functions, so resolvers bundle it and tests import it as it is.
import { assigneePrefix, assigneeStatusKeys, gsi } from './keys.ts';

export type TaskStatus = 'PENDING' | 'IN_PROGRESS' | 'COMPLETED' | 'CANCELLED';

export const taskLimits = { title: 200, description: 5000 } as const;

/** Statuses counted in the dashboard's `pendingTasks`. */
export const openTaskStatuses: TaskStatus[] = ['PENDING', 'IN_PROGRESS'];

/** Moves anyone allowed to change a task's status may make (its assignee, staff, admins). */
const moves: Record<TaskStatus, TaskStatus[]> = {
  PENDING: ['IN_PROGRESS', 'COMPLETED', 'CANCELLED'],
  IN_PROGRESS: ['PENDING', 'COMPLETED', 'CANCELLED'],
  COMPLETED: [],
  CANCELLED: [],
};

/** Only staff and admins reopen a finished task, and only to PENDING. */
const teamReopens: Record<TaskStatus, TaskStatus[]> = {
  PENDING: [],
  IN_PROGRESS: [],
  COMPLETED: ['PENDING'],
  CANCELLED: ['PENDING'],
};

export function allowedTaskMoves(from: TaskStatus, team: boolean): TaskStatus[] {
  return team ? [...moves[from], ...teamReopens[from]] : moves[from];
}

/** How `pendingTasks` moves when a task goes from one status to another: +1 entering the open set, −1 leaving it. */
export function pendingTasksDelta(from: TaskStatus | null, to: TaskStatus): number {
  const wasOpen = from !== null && openTaskStatuses.includes(from);
  const isOpen = openTaskStatuses.includes(to);
  if (wasOpen === isOpen) return 0;
  return isOpen ? 1 : -1;
}

/** gsi2 (by status), gsi3 (by assignee) and gsi5 (by assignee and status) of a task; the sparse gsi1 (by applicant) only when it is on one. */
export function taskIndexKeys(task: { id: string; applicantId?: string | null; assigneeId: string; status: string }) {
  return {
    ...(task.applicantId ? { gsi1pk: gsi.applicantTasks(task.applicantId), gsi1sk: task.id } : {}),
    gsi2pk: gsi.taskStatus(task.status),
    gsi2sk: task.id,
    gsi3pk: gsi.assignee(task.assigneeId),
    gsi3sk: `${assigneePrefix.task}${task.id}`,
    ...assigneeStatusKeys('task', task.id, task.assigneeId, task.status),
  };
}
