// `npm run bench`: starts an in-memory local stack, runs each operation of bench/operations.ts N times as a demo
// user, and prints per operation the DynamoDB requests it made (against the design's budget) and its latency through
// the local runtime. Latency here is the local runtime's, not AppSync's: it is for spotting regressions, not for SLAs.
// Usage: npm run bench [-- --iterations 50]
import { print } from 'graphql';
import { CognitoIdentityProviderClient, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { startLocalStack } from '../local/stack.ts';
import { DynamoDbRequestCounter } from '../local/server/request-counter.ts';
import { CreateApplicantDocument } from '../schema/generated/client/graphql.ts';
import { applicantInput, benchOperations, type Persona } from './operations.ts';
import { formatCounts, quantile } from './stats.ts';

const iterationsFlag = process.argv.indexOf('--iterations');
const iterations = iterationsFlag > 0 ? Number(process.argv[iterationsFlag + 1]) : 30;

const counter = new DynamoDbRequestCounter();
const stack = await startLocalStack({ inMemory: true, ports: { http: 0, https: 0, dynamodb: 0, cognito: 0, s3: 0, ses: 0, stripe: 0 }, onDynamoDbRequest: counter.onDynamoDbRequest });

try {
  const cognito = new CognitoIdentityProviderClient({ region: stack.region, endpoint: stack.urls.cognito, credentials: stack.credentials });
  const demo: Record<Persona, string> = { applicant: 'amina', staff: 'priya', admin: 'admin' };
  const tokens = {} as Record<Persona, string>;
  for (const persona of Object.keys(demo) as Persona[]) {
    const user = stack.demoUsers.find((u) => u.key === demo[persona]);
    if (!user) throw new Error(`No demo user ${demo[persona]}`);
    const { AuthenticationResult } = await cognito.send(
      new InitiateAuthCommand({
        ClientId: stack.userPoolClientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: user.email, PASSWORD: user.password },
      }),
    );
    tokens[persona] = AuthenticationResult?.IdToken ?? '';
  }

  const call = async (persona: Persona, query: string, variables: Record<string, unknown>) => {
    const response = await fetch(stack.urls.graphql, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: tokens[persona] },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
    if (body.errors?.length) throw new Error(`${query.split('(')[0]}: ${JSON.stringify(body.errors)}`);
    return body.data ?? {};
  };

  const created = await call('applicant', print(CreateApplicantDocument), { input: applicantInput });
  const applicantId = (created.createApplicant as { id: string }).id;

  console.log(`Scholarvalley API benchmark: ${iterations} calls per operation through the local runtime and DynamoDB Local\n`);
  console.log(['operation'.padEnd(38), 'DynamoDB requests per call'.padEnd(36), 'budget'.padEnd(30), 'p50 ms', ' p95 ms'].join(' '));
  let overBudget = 0;
  let scans = 0;
  for (const operation of benchOperations) {
    const query = print(operation.document);
    const variables = operation.variables({ applicantId });
    const durations: number[] = [];
    counter.reset();
    for (let i = 0; i < iterations; i += 1) {
      const started = performance.now();
      await call(operation.persona, query, variables);
      durations.push(performance.now() - started);
    }
    const { byApi } = counter.totals();
    scans += byApi.Scan ?? 0;
    const perCall = Object.fromEntries(Object.entries(byApi).map(([api, n]) => [api, n / iterations]));
    const within = Object.entries(perCall).every(([api, n]) => n <= (operation.budget[api] ?? 0));
    if (!within) overBudget += 1;
    durations.sort((a, b) => a - b);
    console.log(
      [
        operation.name.padEnd(38),
        formatCounts(perCall).padEnd(36),
        `${formatCounts(operation.budget)}${within ? '' : '  OVER'}`.padEnd(30),
        quantile(durations, 0.5).toFixed(1).padStart(6),
        quantile(durations, 0.95).toFixed(1).padStart(7),
      ].join(' '),
    );
  }
  console.log(`\n${benchOperations.length - overBudget} of ${benchOperations.length} operations within their DynamoDB request budget; Scan requests: ${scans}.`);
} finally {
  await stack.stop();
}
