// `npm run bench:conflicts`: what the sharded dashboard counters buy under concurrent writes. Against an in-memory
// local stack, with DynamoDB's transaction conflicts switched on (local/appsync/dynamodb-transact-ops.ts: a
// TransactWriteItems touching an item another one still holds is cancelled with TransactionConflict, as AWS does),
// N applicants each create an applicant at the same moment, round after round; every createApplicant moves the DRAFT
// counter in its own transaction. A cancelled call is resent as the API tells clients to (jittered backoff).
// Two designs are measured with the same resolver bundles:
// - "1 counters item": the conflict simulation holds all 16 counter shards as one item, as the single counters item
//   the shards replaced was held (modelled: the resolvers still write their applicant's shard);
// - "16 shards": the design as deployed.
// It prints per design the conflict rate (cancelled attempts / attempts), retries, calls that gave up, throughput and
// latency. Figures are the local runtime's, for comparing the two designs, not AWS's.
// Usage: npm run bench:conflicts [-- --writers 16 --rounds 10 --hold-ms 20 --max-attempts 8]
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { print } from 'graphql';
import type { TransactionConflictOptions } from '../local/appsync/dynamodb-transact-ops.ts';
import { startApiServer, type ApiServer } from '../local/server/index.ts';
import { ensureCognitoUser } from '../local/seed/cognito-users.ts';
import { profileItem } from '../local/seed/items.ts';
import { putItems } from '../local/seed/write-items.ts';
import { startLocalStack } from '../local/stack.ts';
import { secondApiOptions } from '../local/stack/second-api.ts';
import type { LocalStackInfo } from '../local/stack/types.ts';
import { countersPartition, counterShardPrefix } from '../resolvers/lib/keys.ts';
import { CreateApplicantDocument } from '../schema/generated/client/graphql.ts';
import { idTokenOf } from './sign-in.ts';
import { quantile } from './stats.ts';

function flag(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at > 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
  return value;
}
const writers = flag('writers', 16);
const rounds = flag('rounds', 10);
const holdMs = flag('hold-ms', 20);
const maxAttempts = flag('max-attempts', 8);

/** Every counter shard held as one item: the single counters item of the old design. */
function asOneCountersItem(itemId: string): string {
  const [table, key] = JSON.parse(itemId) as [string, { pk?: string; sk?: string }];
  const isShard = key.pk === countersPartition && typeof key.sk === 'string' && key.sk.startsWith(counterShardPrefix);
  return isShard ? JSON.stringify([table, { pk: countersPartition, sk: 'DASHBOARD' }]) : itemId;
}

const designs: Array<{ name: string; conflicts: TransactionConflictOptions }> = [
  { name: '1 counters item', conflicts: { holdMs, heldAs: asOneCountersItem } },
  { name: '16 shards', conflicts: { holdMs } },
];

/** `writers` applicants, each with a profile item (every write checks its caller's profile), signed in. */
async function signedInApplicants(stack: LocalStackInfo): Promise<string[]> {
  const cognito = new CognitoIdentityProviderClient({ region: stack.region, endpoint: stack.urls.cognito, credentials: stack.credentials });
  const dynamodb = new DynamoDBClient({ region: stack.region, endpoint: stack.urls.dynamodb, credentials: stack.credentials });
  const tokens: string[] = [];
  for (let i = 0; i < writers; i += 1) {
    const spec = { email: `bench-writer-${i}@bench.example.com`, fullName: `Bench Writer ${i}`, password: `Bench-${i}-Passw0rd!`, group: 'applicant' as const };
    const sub = await ensureCognitoUser(cognito, stack.userPoolId, spec);
    await putItems(dynamodb, stack.tableName, [profileItem({ ...spec, sub }, new Date().toISOString())]);
    tokens.push(await idTokenOf(cognito, stack, spec.email, spec.password));
  }
  dynamodb.destroy();
  return tokens;
}

async function apiWith(stack: LocalStackInfo, dynamodb: DynamoDBClient, conflicts: TransactionConflictOptions): Promise<ApiServer> {
  return startApiServer({
    ...secondApiOptions(stack),
    dynamodb,
    transactionConflicts: conflicts,
  });
}

interface CallOutcome {
  attempts: number;
  conflicts: number;
  succeeded: boolean;
  ms: number;
}

const query = print(CreateApplicantDocument);
const input = { firstName: 'Bench', lastName: 'Writer', countryOfResidence: 'Brazil', studyDestination: 'USA', levelOfStudy: 'GRADUATE', serviceInterest: 'DOCUMENT_REVIEW' };

/** One createApplicant, resent after each TransactionConflict with full-jitter backoff, up to maxAttempts. */
async function createApplicant(url: string, token: string): Promise<CallOutcome> {
  const started = performance.now();
  let conflicts = 0;
  for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: token }, body: JSON.stringify({ query, variables: { input } }) });
    const body = (await response.json()) as { errors?: Array<{ errorType?: string; message?: string }> };
    const errors = body.errors ?? [];
    if (errors.length === 0) return { attempts: attempt, conflicts, succeeded: true, ms: performance.now() - started };
    if (errors.some((e) => e.errorType !== 'TransactionConflict')) throw new Error(`createApplicant failed: ${JSON.stringify(errors)}`);
    conflicts += 1;
    await new Promise((resolve) => setTimeout(resolve, Math.random() * holdMs * 2 ** attempt));
  }
  return { attempts: maxAttempts, conflicts, succeeded: false, ms: performance.now() - started };
}

async function measure(url: string, tokens: string[]) {
  const outcomes: CallOutcome[] = [];
  const started = performance.now();
  for (let round = 0; round < rounds; round += 1) {
    outcomes.push(...(await Promise.all(tokens.map((token) => createApplicant(url, token)))));
  }
  const seconds = (performance.now() - started) / 1000;
  const attempts = outcomes.reduce((sum, o) => sum + o.attempts, 0);
  const conflicts = outcomes.reduce((sum, o) => sum + o.conflicts, 0);
  const succeeded = outcomes.filter((o) => o.succeeded).length;
  const latencies = outcomes.map((o) => o.ms).sort((a, b) => a - b);
  return {
    calls: outcomes.length,
    attempts,
    conflictRate: conflicts / attempts,
    retries: attempts - outcomes.length,
    gaveUp: outcomes.length - succeeded,
    throughput: succeeded / seconds,
    p50: quantile(latencies, 0.5),
    p95: quantile(latencies, 0.95),
  };
}

const stack = await startLocalStack({ inMemory: true, ports: { http: 0, https: 0, dynamodb: 0, cognito: 0, s3: 0, ses: 0, stripe: 0 } });
const dynamodb = new DynamoDBClient({ region: stack.region, endpoint: stack.urls.dynamodb, credentials: stack.credentials, maxAttempts: 1 });
try {
  const tokens = await signedInApplicants(stack);
  console.log(
    `Transaction conflicts: ${writers} applicants each creating an applicant at once, ${rounds} rounds; conflicts simulated with items held ` +
      `${holdMs} ms; a cancelled call is resent up to ${maxAttempts} attempts\n`,
  );
  console.log(['design'.padEnd(18), 'calls', 'attempts', 'conflict rate', 'retries', 'gave up', 'calls/s', ' p50 ms', ' p95 ms'].join('  '));
  for (const design of designs) {
    const api = await apiWith(stack, dynamodb, design.conflicts);
    try {
      const m = await measure(api.httpUrl, tokens);
      console.log(
        [
          design.name.padEnd(18),
          String(m.calls).padStart(5),
          String(m.attempts).padStart(8),
          `${(m.conflictRate * 100).toFixed(1)} %`.padStart(13),
          String(m.retries).padStart(7),
          String(m.gaveUp).padStart(7),
          m.throughput.toFixed(1).padStart(7),
          m.p50.toFixed(0).padStart(7),
          m.p95.toFixed(0).padStart(7),
        ].join('  '),
      );
    } finally {
      await api.close();
    }
  }
} finally {
  dynamodb.destroy();
  await stack.stop();
}
