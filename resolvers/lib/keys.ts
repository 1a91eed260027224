// The only place key strings are spelled (docs/data-model.md). Written in the APPSYNC_JS subset:
// resolvers bundle it, and Lambdas and the seed import it as plain TypeScript.

export type Key = { pk: string; sk: string };

/** The ids this API issues: ULIDs as util.autoUlid() makes them, 26 Crockford base-32 characters. */
export const ulidPattern = '^[0-9A-HJKMNP-TV-Z]{26}$';

export const userKey = (sub: string): Key => ({ pk: `USER#${sub}`, sk: 'PROFILE' });
export const applicantKey = (id: string): Key => ({ pk: `APPLICANT#${id}`, sk: 'APPLICANT' });
export const threadKey = (applicantId: string): Key => ({ pk: `APPLICANT#${applicantId}`, sk: 'THREAD' });
export const messageKey = (applicantId: string, id: string): Key => ({ pk: `APPLICANT#${applicantId}`, sk: `MESSAGE#${id}` });
export const documentKey = (applicantId: string, id: string): Key => ({ pk: `APPLICANT#${applicantId}`, sk: `DOCUMENT#${id}` });
export const reviewKey = (applicantId: string, id: string): Key => ({ pk: `APPLICANT#${applicantId}`, sk: `REVIEW#${id}` });
export const eligibilityKey = (applicantId: string, id: string): Key => ({
  pk: `APPLICANT#${applicantId}`,
  sk: `ELIGIBILITY#${id}`,
});
export const paymentKey = (applicantId: string, id: string): Key => ({ pk: `APPLICANT#${applicantId}`, sk: `PAYMENT#${id}` });
export const stripeEventKey = (eventId: string): Key => ({ pk: `STRIPE_EVENT#${eventId}`, sk: 'STRIPE_EVENT' });
export const taskKey = (id: string): Key => ({ pk: `TASK#${id}`, sk: 'TASK' });
export const mlConsentKey = (sub: string, applicantId: string, consentVersion: string): Key => ({
  pk: `USER#${sub}`,
  sk: `ML_CONSENT#${applicantId}#${consentVersion}`,
});
export const auditKey = (resourceType: string, resourceId: string, id: string): Key => ({
  pk: `AUDIT#${resourceType}#${resourceId}`,
  sk: id,
});
/** The dashboard counters' partition; each shard is one item in it (lib/counters.ts). */
export const countersPartition = 'COUNTERS';
export const counterShardPrefix = 'DASHBOARD#';
export const counterShardKey = (shard: number): Key => ({ pk: countersPartition, sk: `${counterShardPrefix}${shard}` });

/** Sort-key prefixes of the items under an applicant. */
export const applicantChildPrefix = {
  message: 'MESSAGE#',
  document: 'DOCUMENT#',
  review: 'REVIEW#',
  eligibility: 'ELIGIBILITY#',
  payment: 'PAYMENT#',
} as const;

/** Partition values of the GSIs. */
export const gsi = {
  owner: (ownerId: string) => `OWNER#${ownerId}`,
  applicantStatus: (status: string) => `APPLICANT_STATUS#${status}`,
  assignee: (userId: string) => `ASSIGNEE#${userId}`,
  assigneeStatus: (userId: string, status: string) => `ASSIGNEE_STATUS#${userId}#${status}`,
  allApplicants: 'APPLICANTS',
  allPayments: 'PAYMENTS',
  payer: (userId: string) => `PAYER#${userId}`,
  team: 'TEAM',
  unreadInbox: 'INBOX#UNREAD',
  applicantTasks: (applicantId: string) => `APPLICANT_TASKS#${applicantId}`,
  taskStatus: (status: string) => `TASK_STATUS#${status}`,
  actor: (actorId: string) => `ACTOR#${actorId}`,
  auditDay: (day: string) => `AUDIT_DAY#${day}`,
} as const;

/** The gsi4 sort key of a team member's profile in the TEAM partition: by name, then sub (names are not unique). */
export const teamSortKey = (fullName: string, sub: string): string => `${fullName}#${sub}`;

/** Sort-key prefixes inside the shared assignee partitions of gsi3 and gsi5. */
export const assigneePrefix = { applicant: 'APPLICANT#', task: 'TASK#' } as const;

/**
 * gsi5 (by assignee and status) of an applicant or task: set while it has an assignee, removed (null) otherwise, so
 * "this staff member's applicants in this status" is a key condition and a page is never cut short by a filter.
 */
export function assigneeStatusKeys(kind: keyof typeof assigneePrefix, id: string, assigneeId: string | null | undefined, status: string) {
  return assigneeId
    ? { gsi5pk: gsi.assigneeStatus(assigneeId, status), gsi5sk: `${assigneePrefix[kind]}${id}` }
    : { gsi5pk: null, gsi5sk: null };
}

export const indexNames = ['gsi1', 'gsi2', 'gsi3', 'gsi4', 'gsi5'] as const;
export type IndexName = (typeof indexNames)[number];

/**
 * Where a presigned POST puts a file: one key per upload attempt, naming the type the uploader declared. The policy
 * signs the exact key, so the key itself is a trusted record of the attempt. Only this prefix notifies the
 * upload-landed Lambda, and only this prefix is ever deleted by it.
 */
export const uploadStagingPrefix = 'uploads/';
export const uploadStagingKey = (applicantId: string, documentId: string, uploadId: string, contentType: string): string =>
  `${uploadStagingPrefix}${applicantId}/${documentId}/${uploadId}/${contentType}`;

/** Every document file lives under this prefix; the upload-landed Lambda never reacts to it. */
export const documentFilesPrefix = 'applicants/';

/**
 * A checked file's key, one per landing (landingId is new each time a file is accepted), so a later landing can never
 * overwrite the file a document records in `objectKey`.
 */
export const documentFileKey = (applicantId: string, documentId: string, landingId: string): string =>
  `${documentFilesPrefix}${applicantId}/documents/${documentId}/${landingId}`;

/** The file key of a document whose item records no `objectKey` (files copied over from the legacy system). */
export const documentObjectKey = (applicantId: string, documentId: string): string =>
  `${documentFilesPrefix}${applicantId}/documents/${documentId}`;

// Legacy migration (docs/migration.md). No resolver reads these: they hold old password hashes and the list of items
// a migrated user's data is claimed from, for the Cognito sign-in triggers only.
export const legacyCredentialKey = (email: string): Key => ({ pk: `LEGACY_CREDENTIAL#${email}`, sk: 'LEGACY_CREDENTIAL' });
export const legacyClaimKey = (legacyUserId: string, itemKey: Key): Key => ({
  pk: `LEGACY_CLAIM#${legacyUserId}`,
  sk: `${itemKey.pk}|${itemKey.sk}`,
});
export const legacyClaimedKey = (legacyUserId: string): Key => ({ pk: `LEGACY_USER#${legacyUserId}`, sk: 'CLAIMED' });
/** What the migration last added to the counter shards, so a rerun adds only the difference (migration/counters.ts). */
export const migratedCountersKey = (): Key => ({ pk: countersPartition, sk: 'MIGRATED' });
