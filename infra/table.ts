import { indexNames } from '../resolvers/lib/keys.ts';

/**
 * The single table's key schema (docs/data-model.md). The CDK stack and the local runtime both build the table from
 * this, so DynamoDB Local has exactly the keys and indexes AWS has.
 */
export const tableDefinition = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** Every GSI projects ALL; keys are strings. */
  globalSecondaryIndexes: indexNames.map((name) => ({ name, partitionKey: `${name}pk`, sortKey: `${name}sk` })),
  timeToLiveAttribute: 'expiresAt',
} as const;
