import { AsyncLocalStorage } from 'node:async_hooks';

// Counting the DynamoDB requests each GraphQL operation makes (tests assert "one GetItem", the benchmark prints
// figures). The server runs every operation inside `withGraphqlOperation`, so a request reported by the DynamoDB data
// source can be attributed to the operation that caused it, even when operations overlap.

export interface DynamoDbRequestOrigin {
  /** The operation name of the GraphQL request, or its root fields when it has no name ("{ me listMessages }"). */
  graphqlOperation: string | null;
  /** `<Type>.<field>` of the resolver that sent the request. */
  field: string | null;
  /** The SDK input the data source sent (ConsistentRead, TransactItems, …), for what a request costs. */
  input?: unknown;
}

const scope = new AsyncLocalStorage<{ graphqlOperation: string }>();

export function withGraphqlOperation<T>(graphqlOperation: string, run: () => T): T {
  return scope.run({ graphqlOperation }, run);
}

export function currentGraphqlOperation(): string | null {
  return scope.getStore()?.graphqlOperation ?? null;
}

export interface RequestCounts {
  total: number;
  /** By DynamoDB API name: GetItem, Query, TransactWriteItems, ... */
  byApi: Record<string, number>;
  /** Item reads sent with ConsistentRead (they cost twice an eventual read); a BatchGetItem counts each key. */
  consistentReads: number;
  /** Items inside the TransactWriteItems requests (each is billed as a transactional write). */
  transactItems: number;
}

function emptyCounts(): RequestCounts {
  return { total: 0, byApi: {}, consistentReads: 0, transactItems: 0 };
}

function add(counts: RequestCounts, api: string, input: unknown): void {
  counts.total += 1;
  counts.byApi[api] = (counts.byApi[api] ?? 0) + 1;
  const sent = (input ?? {}) as {
    ConsistentRead?: boolean;
    TransactItems?: unknown[];
    RequestItems?: Record<string, { Keys?: unknown[]; ConsistentRead?: boolean }>;
  };
  if (sent.ConsistentRead === true) counts.consistentReads += 1;
  // A BatchGetItem says ConsistentRead per table: each of its keys is a strongly consistent read.
  if (api === 'BatchGetItem') {
    for (const table of Object.values(sent.RequestItems ?? {})) if (table.ConsistentRead === true) counts.consistentReads += table.Keys?.length ?? 0;
  }
  if (Array.isArray(sent.TransactItems)) counts.transactItems += sent.TransactItems.length;
}

/** Pass `counter.onDynamoDbRequest` as `ApiServerOptions.onDynamoDbRequest`. */
export class DynamoDbRequestCounter {
  private all = emptyCounts();
  private perOperation = new Map<string, RequestCounts>();

  readonly onDynamoDbRequest = (api: string, origin?: DynamoDbRequestOrigin): void => {
    add(this.all, api, origin?.input);
    const operation = origin?.graphqlOperation;
    if (!operation) return;
    let counts = this.perOperation.get(operation);
    if (!counts) {
      counts = emptyCounts();
      this.perOperation.set(operation, counts);
    }
    add(counts, api, origin?.input);
  };

  /** Everything counted since the last reset. */
  totals(): RequestCounts {
    return structuredClone(this.all);
  }

  /** What one GraphQL operation (by name) caused since the last reset. */
  forOperation(graphqlOperation: string): RequestCounts {
    return structuredClone(this.perOperation.get(graphqlOperation) ?? emptyCounts());
  }

  reset(): void {
    this.all = emptyCounts();
    this.perOperation.clear();
  }

  /** Resets, runs `work`, and returns what it caused (for sequential use). */
  async measure<T>(work: () => Promise<T>): Promise<{ result: T; counts: RequestCounts }> {
    this.reset();
    const result = await work();
    return { result, counts: this.totals() };
  }
}
