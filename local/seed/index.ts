// Demo data for the local stack: users in the local Cognito (with their profiles) and applicants in several pipeline
// states with messages, tasks and reviews.
import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ensureCognitoUser } from './cognito-users.ts';
import { demoApplicants, demoReviews, demoTasks } from './demo-scenario.ts';
import { demoPassword, demoUsers, type DemoUserKey, type SeededUser } from './demo-users.ts';
import {
  applicantItems,
  countersItem,
  DemoClock,
  profileItem,
  reviewItem,
  taskItem,
  type SeededApplicant,
  type TableItem,
  type UsersByKey,
} from './items.ts';
import { putItems } from './write-items.ts';

export interface SeedTarget {
  dynamodb: DynamoDBClient;
  tableName: string;
  cognito: CognitoIdentityProviderClient;
  userPoolId: string;
}

/** The demo users in the local Cognito (created or put right), each with its profile item when `writeProfiles`. */
export async function seedDemoUsers(
  target: SeedTarget,
  { writeProfiles }: { writeProfiles: boolean },
): Promise<SeededUser[]> {
  const users: SeededUser[] = [];
  // One at a time: cognito-local keeps a pool in one JSON file and concurrent writes to it would race.
  for (const user of demoUsers) {
    const sub = await ensureCognitoUser(target.cognito, target.userPoolId, { ...user, password: demoPassword });
    users.push({ ...user, sub });
  }
  if (writeProfiles) {
    const clock = new DemoClock();
    await putItems(
      target.dynamodb,
      target.tableName,
      users.map((u) => profileItem(u, clock.daysAgo(180).iso)),
    );
  }
  return users;
}

/**
 * The applicant data, written straight to the table with the items' documented shapes. This is the boundary to
 * switch to the real GraphQL mutations (createApplicant, sendMessage, createTask, postReview, ...) once their
 * resolvers exist: the scenario stays, only this function changes.
 */
export async function seedApplicantDataDirectly(
  target: Pick<SeedTarget, 'dynamodb' | 'tableName'>, users: SeededUser[]): Promise<SeededApplicant[]> {
  const byKey = Object.fromEntries(users.map((u) => [u.key, u])) as UsersByKey;
  const clock = new DemoClock();
  const items: TableItem[] = [];
  const applicants = new Map<string, SeededApplicant>();
  for (const demo of demoApplicants) {
    const built = applicantItems(demo, byKey, clock);
    items.push(...built.items);
    applicants.set(demo.ref, built.seeded);
  }
  const tasks = demoTasks.map((t) => taskItem(t, byKey, applicants, clock));
  const reviews = demoReviews.map((r) => reviewItem(r, byKey, applicants, clock));
  const counters = countersItem([...applicants.values()], tasks, 0, new Date(clock.now).toISOString());
  await putItems(target.dynamodb, target.tableName, [...items, ...tasks, ...reviews, counters]);
  return [...applicants.values()];
}

export interface SeedResult {
  users: SeededUser[];
  applicants: SeededApplicant[];
}

/** Everything: users and profiles, then the applicant data. Call it on a new (empty) table only. */
export async function seedDemoData(target: SeedTarget): Promise<SeedResult> {
  const users = await seedDemoUsers(target, { writeProfiles: true });
  const applicants = await seedApplicantDataDirectly(target, users);
  return { users, applicants };
}

export { demoPassword, demoUsers, type DemoUserKey, type SeededUser };
