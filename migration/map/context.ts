// What the mappers share: the old rows by id, the new ids already decided, and the report.
import type { LegacyData, Row } from '../legacy-rows.ts';
import type { MigrationReport } from '../report.ts';

export type TableItem = Record<string, unknown> & { pk: string; sk: string };

export type NewRole = 'APPLICANT' | 'STAFF' | 'ADMIN';

export interface MappedUser {
  oldId: number;
  /** The legacy user id, or the Cognito sub once the user has claimed their data. */
  id: string;
  role: NewRole;
  active: boolean;
  email: string;
  fullName: string;
  /** The user signed in since an earlier run, and their data now carries their Cognito sub. */
  claimed: boolean;
}

export interface MappedApplicant {
  oldId: number;
  id: string;
  ownerId: string;
  status: string;
  serviceInterest: string;
  levelOfStudy: string;
}

/** A document's file: where it is in the old bucket and what the landed-file check said of it. */
export interface FileVerdict {
  state: 'ok' | 'missing' | 'rejected';
  sizeBytes?: number;
  reason?: string;
}

export interface MapContext {
  data: LegacyData;
  report: MigrationReport;
  users: Map<number, MappedUser>;
  applicants: Map<number, MappedApplicant>;
  /** The old applicant id of each bundle. */
  bundleApplicant: Map<number, number>;
  /** The new ids of migrated documents and payments, by old id (audit entries name them). */
  documentIds: Map<number, { applicantId: string; id: string }>;
  paymentIds: Map<number, string>;
  /** The check of each document's old object, by document id (absent: files were not inspected). */
  files: Map<number, FileVerdict>;
  /** Ids claimed since an earlier run: legacy user id → Cognito sub. */
  claimed: Map<string, string>;
  /** When "now" is for decisions that depend on age (abandoned checkouts): the newest row read. */
  now: Date;
}

export const text = (value: unknown): string | null => {
  if (value === null || value === undefined) return null;
  const s = String(value).trim();
  return s === '' ? null : s;
};

/** The first applicant (lowest old id) of a user, for rows that name no applicant. */
export function firstApplicantOf(ctx: MapContext, oldUserId: number | null): MappedApplicant | undefined {
  if (oldUserId === null) return undefined;
  const user = ctx.users.get(oldUserId);
  if (!user) return undefined;
  return [...ctx.applicants.values()].filter((a) => a.ownerId === user.id).sort((a, b) => a.oldId - b.oldId)[0];
}

export const rowsOf = (ctx: MapContext, table: keyof LegacyData): Row[] => ctx.data[table];
