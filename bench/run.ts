// `npm run bench`: starts an in-memory local stack, makes the fixtures, then runs every operation of
// bench/operations.ts: warm-up calls first (not measured), then N measured calls, each after its own unmeasured setup.
// It prints per operation the DynamoDB requests one call made (against the design's budget), the items a list page
// returned, the index write units its transactions caused (bench/index-writes.ts), and the latency through the local
// runtime, then the size of each item type's index entries; it writes the requests per operation to
// build/measured-requests.json (with the strongly consistent reads, transaction items and index write units per
// call), the input of the cost model (bench/cost-model.ts). Latency is the local runtime's, not AppSync's:
// it is for spotting regressions, not for SLAs.
// Usage: npm run bench [-- --iterations 30 --warmup 3 --only ListApplicants]
import { mkdir, writeFile } from 'node:fs/promises';
import { print } from 'graphql';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { createIamGraphqlClient } from '../functions/shared/appsync-iam-client.ts';
import { startLocalStack } from '../local/stack.ts';
import { DynamoDbRequestCounter } from '../local/server/request-counter.ts';
import * as ops from '../schema/generated/client/graphql.ts';
import { benchOperations, newApplicant, newDocument, type BenchHarness, type Caller, type Fixtures } from './operations.ts';
import { IndexWriteMeter, type TypeSizes } from './index-writes.ts';
import { idTokenOf } from './sign-in.ts';
import { formatCounts, quantile } from './stats.ts';
import { storedBytes, writeUnits } from './cost/item-size.ts';

function flag(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : undefined;
}
const iterations = Number(flag('iterations') ?? 30);
const warmup = Number(flag('warmup') ?? 3);
const only = flag('only');
const output = new URL('../build/measured-requests.json', import.meta.url);

/** Per item type the operations wrote: its size, and per index holding it the entry under ALL and KEYS_ONLY. */
function printIndexSizes(sizes: TypeSizes): void {
  console.log('\nIndex entries of the items written (largest of each type): bytes stored (+100 overhead) / write units per entry write');
  console.log(['item type'.padEnd(18), 'item'.padStart(12), ...['gsi1', 'gsi2', 'gsi3', 'gsi4', 'gsi5'].map((i) => `${i} ALL | KEYS_ONLY`.padStart(26))].join(' '));
  for (const [type, { item, entries }] of Object.entries(sizes).sort()) {
    const cell = (bytes: number) => `${storedBytes(bytes)} B/${writeUnits(bytes)}`;
    const cells = ['gsi1', 'gsi2', 'gsi3', 'gsi4', 'gsi5'].map((name) => {
      const entry = entries[name];
      return (entry ? `${cell(entry.all)} | ${cell(entry.keysOnly)}` : '-').padStart(26);
    });
    console.log([type.padEnd(18), cell(item).padStart(12), ...cells].join(' '));
  }
}

const counter = new DynamoDbRequestCounter();
const indexWrites = new IndexWriteMeter();
const stack = await startLocalStack({
  inMemory: true,
  ports: { http: 0, https: 0, dynamodb: 0, cognito: 0, s3: 0, ses: 0, stripe: 0 },
  onDynamoDbRequest: (api, origin) => {
    counter.onDynamoDbRequest(api, origin);
    if (api === 'TransactWriteItems') indexWrites.onTransaction(origin?.input);
  },
});

try {
  const dynamodb = new DynamoDBClient({ region: stack.region, endpoint: stack.urls.dynamodb, credentials: stack.credentials });
  const cognito = new CognitoIdentityProviderClient({ region: stack.region, endpoint: stack.urls.cognito, credentials: stack.credentials });
  const demo: Record<Exclude<Caller, 'iam'>, string> = { applicant: 'amina', staff: 'priya', admin: 'admin' };
  const tokens = {} as Record<Caller, string>;
  for (const caller of Object.keys(demo) as Exclude<Caller, 'iam'>[]) {
    const user = stack.demoUsers.find((u) => u.key === demo[caller]);
    if (!user) throw new Error(`No demo user ${demo[caller]}`);
    tokens[caller] = await idTokenOf(cognito, stack, user.email, user.password);
  }
  const url = new URL(stack.urls.graphql);
  // IAM calls go through the client the Lambdas use, so they are signed exactly as in production.
  const iam = createIamGraphqlClient({ url: stack.urls.graphql, region: stack.region, credentials: async () => stack.credentials });

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async function call(caller: Caller, document: TypedDocumentNode<any, any>, variables: Record<string, unknown> = {}) {
    if (caller === 'iam') return iam.execute(document, variables);
    const query = print(document);
    const body = JSON.stringify({ query, variables });
    const headers = { 'content-type': 'application/json', authorization: tokens[caller] };
    const response = await fetch(url, { method: 'POST', headers, body });
    const result = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
    if (result.errors?.length) throw new Error(`${query.split('(')[0]}: ${JSON.stringify(result.errors)}`);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return (result.data ?? {}) as any;
  }

  let sequence = 0;
  const harness: BenchHarness = { call, fixtures: {} as Fixtures, unique: () => `${Date.now().toString(36)}${(sequence += 1)}` };

  // Fixtures: the demo applicant's applicant, assigned to the demo staff member and still DRAFT, then 20 newer
  // applicants assigned alternately to two staff members and submitted, so a page of the staff queue is all assigned
  // (Applicant.assignedStaff on every item).
  const staff = stack.demoUsers.filter((u) => u.group === 'staff');
  const staffIds: string[] = [];
  const team = (await call('admin', ops.ListStaffDocument, { limit: 100 })).listStaff.items as { id: string; email: string }[];
  for (const member of staff) {
    const found = team.find((t) => t.email === member.email);
    if (found) staffIds.push(found.id);
  }
  const staffId = (await call('staff', ops.MeDocument)).me.id as string;
  const assign = async (id: string, version: number, to: string) =>
    (await call('staff', ops.AssignApplicantDocument, { input: { id, staffId: to, expectedVersion: version } })).assignApplicant;
  const fixture = await newApplicant(harness);
  await assign(fixture.id, fixture.version, staffId);
  harness.fixtures = { applicantId: fixture.id, staffId, documentId: '' };
  harness.fixtures.documentId = (await newDocument(harness, true)).id;
  await call('staff', ops.PostReviewDocument, {
    input: { applicantId: fixture.id, positive: true, feedback: 'Strong profile', scholarshipLikelihoodPercent: 60 },
  });
  await call('applicant', ops.SendMessageDocument, { input: { applicantId: fixture.id, body: 'Hello' } });
  for (let i = 0; i < 20; i += 1) {
    const a = await newApplicant(harness);
    const to = staffIds[i % staffIds.length] ?? staffId;
    const assigned = await assign(a.id, a.version, to);
    await call('applicant', ops.SubmitApplicantDocument, { id: a.id, expectedVersion: assigned.version });
  }
  // Then 20 newer DRAFT applicants of the demo staff member: their submitted applicants are behind a full page of
  // others, which is where a status filter applied after Limit came back empty (issue #13).
  for (let i = 0; i < 20; i += 1) {
    const a = await newApplicant(harness);
    await assign(a.id, a.version, staffId);
  }

  console.log(
    `Scholarvalley API benchmark: ${warmup} warm-up + ${iterations} measured calls per operation through the local runtime and DynamoDB Local\n`,
  );
  console.log(
    ['operation'.padEnd(36), 'DynamoDB requests per call'.padEnd(34), 'budget'.padEnd(34), 'strong', 'tx items', 'idx WU', 'items', ' p50 ms', ' p95 ms'].join(' '),
  );
  const measured: Record<string, Record<string, number>> = {};
  const units: Record<string, { consistentReads: number; transactItems: number; indexWriteUnits: number; indexWriteUnitsKeysOnly: number }> = {};
  let overBudget = 0;
  let scans = 0;
  const selected = benchOperations.filter((o) => !only || o.name.includes(only));
  for (const operation of selected) {
    const durations: number[] = [];
    const totals: Record<string, number> = {};
    let consistentReads = 0;
    let transactItems = 0;
    const indexUnits = { configured: 0, keysOnly: 0 };
    let items: number | null = null;
    for (let i = 0; i < warmup + iterations; i += 1) {
      const variables = await operation.variables(harness);
      counter.reset();
      indexWrites.reset();
      const started = performance.now();
      const data = await call(operation.caller, operation.document, variables);
      const elapsed = performance.now() - started;
      if (i < warmup) continue;
      const written = await indexWrites.units(dynamodb, stack.tableName);
      indexUnits.configured += written.configured;
      indexUnits.keysOnly += written.keysOnly;
      durations.push(elapsed);
      const counted = counter.totals();
      for (const [api, n] of Object.entries(counted.byApi)) totals[api] = (totals[api] ?? 0) + n;
      consistentReads += counted.consistentReads;
      transactItems += counted.transactItems;
      const root = Object.values(data)[0] as { items?: unknown[] } | null;
      if (root && Array.isArray(root.items)) items = root.items.length;
    }
    scans += totals.Scan ?? 0;
    const perCall = Object.fromEntries(Object.entries(totals).map(([api, n]) => [api, n / iterations]));
    measured[operation.name] = perCall;
    units[operation.name] = {
      consistentReads: consistentReads / iterations,
      transactItems: transactItems / iterations,
      indexWriteUnits: indexUnits.configured / iterations,
      indexWriteUnitsKeysOnly: indexUnits.keysOnly / iterations,
    };
    const within = Object.entries(perCall).every(([api, n]) => n <= (operation.budget[api] ?? 0));
    if (!within) overBudget += 1;
    durations.sort((a, b) => a - b);
    console.log(
      [
        operation.name.padEnd(36),
        formatCounts(perCall).padEnd(34),
        `${formatCounts(operation.budget)}${within ? '' : '  OVER'}`.padEnd(34),
        String(consistentReads / iterations).padStart(6),
        String(transactItems / iterations).padStart(8),
        String(indexUnits.configured / iterations).padStart(6),
        (items === null ? '' : String(items)).padStart(5),
        quantile(durations, 0.5).toFixed(1).padStart(7),
        quantile(durations, 0.95).toFixed(1).padStart(7),
      ].join(' '),
    );
  }
  console.log(`\n${selected.length - overBudget} of ${selected.length} operations within their DynamoDB request budget; Scan requests: ${scans}.`);
  printIndexSizes(indexWrites.sizes);
  if (!only) {
    await mkdir(new URL('.', output), { recursive: true });
    await writeFile(output, `${JSON.stringify({ iterations, requestsPerCall: measured, unitsPerCall: units }, null, 2)}\n`);
    console.log(`Requests per operation written to build/measured-requests.json.`);
  }
  dynamodb.destroy();
} finally {
  await stack.stop();
}
