// Table items of the demo data, in the shapes of docs/data-model.md, keyed with resolvers/lib/keys.ts.
import { ulid } from 'ulid';
import { applicantName, bundleName } from '../../resolvers/lib/applicants.ts';
import { applicantStatusCounter } from '../../resolvers/lib/counters.ts';
import { applicantKey, assigneePrefix, assigneeStatusKeys, counterShardKey, gsi, messageKey, reviewKey, taskKey, teamSortKey, threadKey, userKey } from '../../resolvers/lib/keys.ts';
import { applicantStatuses } from '../../resolvers/lib/pipeline.ts';
import { openTaskStatuses, taskIndexKeys, type TaskStatus } from '../../resolvers/lib/tasks.ts';
import type { DemoApplicant, DemoReview, DemoTask } from './demo-scenario.ts';
import type { DemoUserKey, SeededUser } from './demo-users.ts';

export type TableItem = Record<string, unknown> & { pk: string; sk: string };

const hour = 60 * 60 * 1000;
const day = 24 * hour;
/** The inbox preview length of resolvers/lib/messages.ts. */
const previewLength = 140;

export class DemoClock {
  constructor(readonly now = Date.now()) {}
  at(msAgo: number): { iso: string; ms: number } {
    const ms = this.now - msAgo;
    return { iso: new Date(ms).toISOString(), ms };
  }
  daysAgo(days: number) {
    return this.at(days * day);
  }
  hoursAgo(hours: number) {
    return this.at(hours * hour);
  }
}

export type UsersByKey = Record<DemoUserKey, SeededUser>;

const roleOf = (user: Pick<SeededUser, 'group'>) => user.group.toUpperCase() as 'APPLICANT' | 'STAFF' | 'ADMIN';

/** The profile the post-confirmation trigger (applicants) or inviteStaff (staff, admins) writes in AWS. */
export function profileItem(
  user: Pick<SeededUser, 'sub' | 'email' | 'fullName' | 'group'>,
  createdAt: string,
): TableItem {
  const team = user.group !== 'applicant';
  return {
    ...userKey(user.sub),
    type: 'USER',
    id: user.sub,
    email: user.email,
    fullName: user.fullName,
    role: roleOf(user),
    active: true,
    notificationPreferences: { optedOut: [] },
    createdAt,
    updatedAt: createdAt,
    version: 1,
    ...(team ? { gsi4pk: gsi.team, gsi4sk: teamSortKey(user.fullName, user.sub) } : {}),
  };
}

export interface SeededApplicant {
  ref: string;
  id: string;
  ownerId: string;
  status: DemoApplicant['status'];
  unreadByStaff: number;
}

const isTeam = (user: SeededUser) => user.group !== 'applicant';

/** An applicant, its thread and its messages; unread counts follow "each side has read up to its own last message". */
export function applicantItems(
  a: DemoApplicant,
  users: UsersByKey,
  clock: DemoClock,
): { items: TableItem[]; seeded: SeededApplicant } {
  const created = clock.daysAgo(a.createdDaysAgo);
  const id = ulid(created.ms);
  const owner = users[a.owner];
  const changed = clock.daysAgo(a.statusChangedDaysAgo);
  // As createApplicant stores it: optional fields left empty are not stored at all.
  const optional = {
    ...(a.latestEducation ? { latestEducation: a.latestEducation } : {}),
    ...(a.annualBudgetUsd !== undefined ? { annualBudgetUsd: a.annualBudgetUsd } : {}),
    ...(a.incomeSource ? { incomeSource: a.incomeSource } : {}),
    ...(a.assignedTo ? { assignedStaffId: users[a.assignedTo].sub } : {}),
  };
  const applicant: TableItem = {
    ...applicantKey(id),
    type: 'APPLICANT',
    id,
    ownerId: owner.sub,
    firstName: a.firstName,
    lastName: a.lastName,
    countryOfResidence: a.countryOfResidence,
    studyDestination: a.studyDestination,
    levelOfStudy: a.levelOfStudy,
    serviceInterest: a.serviceInterest,
    ...optional,
    status: a.status,
    statusChangedAt: changed.iso,
    statusChangedBy: users[a.statusChangedBy].sub,
    bundle: { name: bundleName, status: a.bundleStatus, updatedAt: changed.iso },
    createdAt: created.iso,
    updatedAt: changed.iso,
    version: 1,
    gsi1pk: gsi.owner(owner.sub),
    gsi1sk: applicantKey(id).pk,
    gsi2pk: gsi.applicantStatus(a.status),
    gsi2sk: id,
    gsi4pk: gsi.allApplicants,
    gsi4sk: id,
    ...(a.assignedTo
      ? {
          gsi3pk: gsi.assignee(users[a.assignedTo].sub),
          gsi3sk: `${assigneePrefix.applicant}${id}`,
          ...assigneeStatusKeys('applicant', id, users[a.assignedTo].sub, a.status),
        }
      : {}),
  };

  const messages = a.messages.map((m) => {
    const at = clock.hoursAgo(m.hoursAgo);
    const sender = users[m.from];
    const messageId = ulid(at.ms);
    return {
      ...messageKey(id, messageId),
      type: 'MESSAGE',
      id: messageId,
      applicantId: id,
      ownerId: owner.sub,
      senderId: sender.sub,
      senderSide: isTeam(sender) ? 'STAFF' : 'APPLICANT',
      senderName: sender.fullName,
      recipientId: null,
      body: m.body,
      createdAt: at.iso,
    } satisfies TableItem;
  });
  const unreadBy = (side: 'STAFF' | 'APPLICANT') => {
    const lastOwn = messages.map((m) => m.senderSide).lastIndexOf(side);
    return messages.slice(lastOwn + 1).filter((m) => m.senderSide !== side).length;
  };
  const last = messages.at(-1);
  const unreadByStaff = unreadBy('STAFF');
  const thread: TableItem = {
    ...threadKey(id),
    type: 'THREAD',
    applicantId: id,
    ownerId: owner.sub,
    applicantName: applicantName(a),
    unreadByStaff,
    unreadByApplicant: unreadBy('APPLICANT'),
    lastMessageAt: last?.createdAt ?? null,
    lastMessagePreview: last ? last.body.substring(0, previewLength) : null,
    lastSenderSide: last?.senderSide ?? null,
    createdAt: created.iso,
    updatedAt: last?.createdAt ?? created.iso,
    version: 1 + messages.length,
    ...(unreadByStaff > 0 && last ? { gsi2pk: gsi.unreadInbox, gsi2sk: `${last.createdAt}#${id}` } : {}),
  };
  return {
    items: [applicant, thread, ...messages],
    seeded: { ref: a.ref, id, ownerId: owner.sub, status: a.status, unreadByStaff },
  };
}

export function taskItem(
  t: DemoTask,
  users: UsersByKey,
  applicants: Map<string, SeededApplicant>,
  clock: DemoClock,
): TableItem {
  const created = clock.daysAgo(t.createdDaysAgo);
  const id = ulid(created.ms);
  const assigneeId = users[t.assignee].sub;
  const applicant = t.applicant ? applicants.get(t.applicant) : undefined;
  if (t.applicant && !applicant) throw new Error(`Demo task "${t.title}" names unknown applicant ${t.applicant}`);
  return {
    ...taskKey(id),
    type: 'TASK',
    id,
    ...(applicant ? { applicantId: applicant.id } : {}),
    assigneeId,
    title: t.title,
    ...(t.description ? { description: t.description } : {}),
    status: t.status,
    ...(t.dueInDays === undefined ? {} : { dueAt: clock.daysAgo(-t.dueInDays).iso }),
    createdBy: users[t.createdBy].sub,
    createdAt: created.iso,
    updatedAt: created.iso,
    version: 1,
    ...taskIndexKeys({ id, applicantId: applicant?.id, assigneeId, status: t.status }),
  };
}

export function reviewItem(
  r: DemoReview,
  users: UsersByKey,
  applicants: Map<string, SeededApplicant>,
  clock: DemoClock,
): TableItem {
  const applicant = applicants.get(r.applicant);
  if (!applicant) throw new Error(`Demo review names unknown applicant ${r.applicant}`);
  const at = clock.daysAgo(r.daysAgo);
  const id = ulid(at.ms);
  return {
    ...reviewKey(applicant.id, id),
    type: 'REVIEW',
    id,
    applicantId: applicant.id,
    ownerId: applicant.ownerId,
    reviewerId: users[r.reviewer].sub,
    positive: r.positive,
    feedback: r.feedback,
    scholarshipLikelihoodPercent: r.scholarshipLikelihoodPercent,
    createdAt: at.iso,
  };
}

/**
 * The dashboard counters, counted from exactly what is seeded, as one shard (docs/data-model.md, "Dashboard counters"):
 * a figure is the sum over the shards, so the seeded totals may sit in any one of them.
 */
export function countersItem(
  applicants: SeededApplicant[],
  tasks: TableItem[],
  paymentsRevenueCents: number,
  updatedAt: string,
): TableItem {
  const byStatus = Object.fromEntries(
    applicantStatuses.map((s) => [applicantStatusCounter(s), applicants.filter((a) => a.status === s).length]),
  );
  return {
    ...counterShardKey(0),
    type: 'COUNTERS',
    ...byStatus,
    pendingTasks: tasks.filter((t) => openTaskStatuses.includes(t.status as TaskStatus)).length,
    revenueCents: paymentsRevenueCents,
    updatedAt,
  };
}
