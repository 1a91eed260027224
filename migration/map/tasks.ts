// task → the task item, with its index keys from resolvers/lib/tasks.ts.
import { taskKey } from '../../resolvers/lib/keys.ts';
import { taskIndexKeys, type TaskStatus } from '../../resolvers/lib/tasks.ts';
import { iso, legacyUlid } from '../ids.ts';
import type { Row } from '../legacy-rows.ts';
import { text, type MapContext, type MappedUser, type TableItem } from './context.ts';

const statuses: Record<string, TaskStatus> = {
  pending: 'PENDING',
  in_progress: 'IN_PROGRESS',
  completed: 'COMPLETED',
  done: 'COMPLETED',
  cancelled: 'CANCELLED',
  canceled: 'CANCELLED',
};

/** Tasks nobody was given go to the first active admin; also the creator of every migrated task (none was recorded). */
const fallbackAdmins = new WeakMap<MapContext, MappedUser | undefined>();
export function fallbackAdmin(ctx: MapContext): MappedUser | undefined {
  if (!fallbackAdmins.has(ctx)) {
    fallbackAdmins.set(ctx, [...ctx.users.values()].filter((u) => u.role === 'ADMIN' && u.active).sort((a, b) => a.oldId - b.oldId)[0]);
  }
  return fallbackAdmins.get(ctx);
}

export function mapTask(ctx: MapContext, row: Row): TableItem | null {
  const admin = fallbackAdmin(ctx);
  let assignee = row.assignee_id === null ? undefined : ctx.users.get(Number(row.assignee_id));
  if (!assignee) {
    ctx.report.dirty('task', row.id, 'taskNoAssignee');
    assignee = admin;
  } else if (assignee.role === 'APPLICANT') ctx.report.dirty('task', row.id, 'taskClientAssignee');
  if (!assignee) {
    ctx.report.skip('task', row.id, 'taskNoAssignee', 'no active admin to take it');
    return null;
  }
  const applicant = row.applicant_id === null ? undefined : ctx.applicants.get(Number(row.applicant_id));
  if (!applicant) ctx.report.dirty('task', row.id, 'taskNoApplicant');
  let status = statuses[String(row.status)];
  if (!status) {
    ctx.report.dirty('task', row.id, 'taskStatusUnknown', String(row.status));
    status = 'PENDING';
  }
  const id = legacyUlid('task', row.id, row.created_at);
  const description = text(row.description);
  return {
    ...taskKey(id),
    type: 'TASK',
    id,
    ...(applicant ? { applicantId: applicant.id } : {}),
    assigneeId: assignee.id,
    title: text(row.title) ?? '(untitled)',
    ...(description ? { description } : {}),
    status,
    ...(row.due_at ? { dueAt: iso(row.due_at as Date) } : {}),
    createdBy: (admin ?? assignee).id,
    createdAt: iso(row.created_at),
    updatedAt: iso((row.updated_at as Date | null) ?? row.created_at),
    version: 1,
    ...taskIndexKeys({ id, applicantId: applicant?.id, assigneeId: assignee.id, status }),
  };
}
