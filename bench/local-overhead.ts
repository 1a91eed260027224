// `npm run bench:local`: what the local runtime adds to a read. Starts an in-memory local stack (as bench/run.ts
// does), signs in the demo applicant, then times, one call after another, with warm-up calls first (not measured):
//   - a raw GetItem of the applicant's profile on DynamoDB Local (the floor: the SDK and DynamoDB Local alone);
//   - `query Me { me { ... } }` through the local server over HTTP, which makes that same GetItem;
// and prints the median and p95 of each and their ratio. Figures are for spotting regressions, not SLAs.
// Usage: npm run bench:local [-- --iterations 1000 --warmup 200]
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { marshall } from '@aws-sdk/util-dynamodb';
import { decodeJwt } from 'jose';
import { startLocalStack } from '../local/stack.ts';
import { userKey } from '../resolvers/lib/keys.ts';
import { idTokenOf } from './sign-in.ts';
import { quantile } from './stats.ts';

function flag(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : undefined;
}
const iterations = Number(flag('iterations') ?? 1000);
const warmup = Number(flag('warmup') ?? 200);

async function timed(label: string, call: () => Promise<void>): Promise<{ label: string; median: number; p95: number }> {
  for (let i = 0; i < warmup; i += 1) await call();
  const durations: number[] = [];
  for (let i = 0; i < iterations; i += 1) {
    const start = performance.now();
    await call();
    durations.push(performance.now() - start);
  }
  durations.sort((a, b) => a - b);
  return { label, median: quantile(durations, 0.5), p95: quantile(durations, 0.95) };
}

const stack = await startLocalStack({ inMemory: true, ports: { http: 0, https: 0, dynamodb: 0, cognito: 0, s3: 0, ses: 0, stripe: 0 } });
try {
  const user = stack.demoUsers.find((u) => u.key === 'amina');
  if (!user) throw new Error('No demo user amina');
  const cognito = new CognitoIdentityProviderClient({ region: stack.region, endpoint: stack.urls.cognito, credentials: stack.credentials });
  const token = await idTokenOf(cognito, stack, user.email, user.password);
  const { sub = '' } = decodeJwt(token);

  const dynamodb = new DynamoDBClient({ region: stack.region, endpoint: stack.urls.dynamodb, credentials: stack.credentials });
  const getItem = new GetItemCommand({ TableName: stack.tableName, Key: marshall(userKey(sub)) });
  const body = JSON.stringify({ query: 'query Me { me { id email fullName role active version } }' });
  const headers = { 'content-type': 'application/json', authorization: token };

  const raw = await timed('raw GetItem on DynamoDB Local', async () => {
    const { Item } = await dynamodb.send(getItem);
    if (!Item) throw new Error('The profile item is missing');
  });
  const graphql = await timed('GraphQL get (query Me) via the local server', async () => {
    const response = await fetch(stack.urls.graphql, { method: 'POST', headers, body });
    const result = (await response.json()) as { data?: { me?: unknown }; errors?: unknown[] };
    if (result.errors?.length || !result.data?.me) throw new Error(`query Me failed: ${JSON.stringify(result)}`);
  });

  console.log(`${iterations} calls each after ${warmup} warm-up calls; milliseconds`);
  for (const { label, median, p95 } of [raw, graphql]) {
    console.log(`${label.padEnd(46)} median ${median.toFixed(2).padStart(7)}   p95 ${p95.toFixed(2).padStart(7)}`);
  }
  console.log(`${'ratio GraphQL / raw'.padEnd(46)} median ${(graphql.median / raw.median).toFixed(2).padStart(6)}×   p95 ${(graphql.p95 / raw.p95).toFixed(2).padStart(6)}×`);
  dynamodb.destroy();
  cognito.destroy();
} finally {
  await stack.stop();
}
