import { indexNames, type IndexName } from '../resolvers/lib/keys.ts';

/** What a GSI copies from the item besides the table's and the index's own keys. */
export type IndexProjection = { type: 'ALL' } | { type: 'KEYS_ONLY' } | { type: 'INCLUDE'; nonKeyAttributes: readonly string[] };

/**
 * Each index's projection, decided from what the Queries on it return (docs/data-model.md "Index projections"). Every
 * index serves a page of whole Applicants (gsi1 by owner, gsi2 by status, gsi3 by assignee, gsi4 all, gsi5 by assignee
 * and status) besides whole Tasks, Payments, audit events, threads or profiles; an Applicant alone has 20 stored
 * fields, INCLUDE's limit per index. KEYS_ONLY would need a BatchGetItem of every page. So every one projects ALL.
 */
const projections: Record<IndexName, IndexProjection> = {
  gsi1: { type: 'ALL' },
  gsi2: { type: 'ALL' },
  gsi3: { type: 'ALL' },
  gsi4: { type: 'ALL' },
  gsi5: { type: 'ALL' },
};

/**
 * The single table's key schema (docs/data-model.md). The CDK stack and the local runtime both build the table from
 * this, so DynamoDB Local has exactly the keys, indexes and projections AWS has.
 */
export const tableDefinition = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** Keys are strings. */
  globalSecondaryIndexes: indexNames.map((name) => ({ name, partitionKey: `${name}pk`, sortKey: `${name}sk`, projection: projections[name] })),
  timeToLiveAttribute: 'expiresAt',
} as const;
