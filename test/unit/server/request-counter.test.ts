import { describe, expect, it } from 'vitest';
import { DynamoDbRequestCounter } from '../../../local/server/request-counter.ts';

// The counts the benchmark prices (bench/cost/bill.ts): strongly consistent reads cost twice an eventual one.
const origin = (input: unknown) => ({ graphqlOperation: 'Op', field: 'Mutation.op', input });

describe('DynamoDbRequestCounter', () => {
  it('given a consistent GetItem and an eventual one, when they are counted, then one strong read is counted', () => {
    const counter = new DynamoDbRequestCounter();

    counter.onDynamoDbRequest('GetItem', origin({ ConsistentRead: true }));
    counter.onDynamoDbRequest('GetItem', origin({ ConsistentRead: false }));

    expect(counter.totals()).toMatchObject({ total: 2, consistentReads: 1 });
  });

  it('given a BatchGetItem reading two keys consistently and one eventually, when it is counted, then each consistent key is a strong read', () => {
    const counter = new DynamoDbRequestCounter();

    counter.onDynamoDbRequest(
      'BatchGetItem',
      origin({ RequestItems: { strong: { Keys: [{}, {}], ConsistentRead: true }, eventual: { Keys: [{}], ConsistentRead: false } } }),
    );

    expect(counter.forOperation('Op')).toMatchObject({ total: 1, byApi: { BatchGetItem: 1 }, consistentReads: 2 });
  });
});
