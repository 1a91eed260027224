import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { lambdaAccess, type TableAccess } from '../../infra/lambda-access.ts';
import { lambdas } from '../../infra/lambdas.ts';
import { repositoryRoot } from '../../infra/stack.ts';
import { pipelineFunctions } from '../../infra/wiring/index.ts';
import { functionSource } from '../../infra/wiring/types.ts';
import { sdkCallsOf, type SdkCalls } from './support/handler-code.ts';

// The grants of infra/lambda-access.ts, checked against what each handler's code actually calls: a call without its
// grant fails in AWS only, and a grant without its call is privilege nobody uses.

const tableReads = new Set(['GetItem', 'BatchGetItem', 'Query', 'TransactGetItems']);
const tableWrites = new Set(['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'TransactWriteItems']);
/** The IAM action each S3 call (or presigned request) is authorized by. */
const s3Actions: Record<string, string> = {
  GetObject: 's3:GetObject',
  HeadObject: 's3:GetObject',
  PutObject: 's3:PutObject',
  DeleteObject: 's3:DeleteObject',
};
const knownClients = ['client-dynamodb', 'client-s3', 'client-cognito-identity-provider', 'client-secrets-manager', 'client-sesv2'];

const callsByLambda = new Map<string, { calls: SdkCalls; presignsPost: boolean }>();
beforeAll(async () => {
  for (const definition of lambdas) callsByLambda.set(definition.name, await sdkCallsOf(definition.entry));
});

const callsOf = (name: string, client: string) => [...(callsByLambda.get(name)?.calls.get(client) ?? [])];

describe("each Lambda's grants, against what its handler's code calls", () => {
  it('given every handler, then it calls only AWS clients whose grants infra/lambda-access.ts knows how to decide', () => {
    for (const [name, { calls }] of callsByLambda) {
      for (const client of calls.keys()) expect(knownClients, `${name} uses @aws-sdk/${client}`).toContain(client);
    }
  });

  it('given the DynamoDB calls, then table access is read, write or readWrite exactly as they need, and none without a call', () => {
    for (const { name } of lambdas) {
      const commands = callsOf(name, 'client-dynamodb');
      const unknown = commands.filter((c) => !tableReads.has(c) && !tableWrites.has(c));
      expect(unknown, `${name}: DynamoDB calls with no decided grant`).toEqual([]);
      const reads = commands.some((c) => tableReads.has(c));
      const writes = commands.some((c) => tableWrites.has(c));
      const needed: TableAccess | undefined = reads && writes ? 'readWrite' : reads ? 'read' : writes ? 'write' : undefined;
      expect(lambdaAccess[name]?.table, name).toBe(needed);
    }
    // The cases this guards: the trigger reads the profile before its conditional put; the data-source Lambdas leave
    // the table to their resolver pipelines.
    expect(lambdaAccess['post-confirmation']?.table).toBe('readWrite');
    for (const name of ['uploads', 'payments', 'identity']) expect(lambdaAccess[name]?.table, name).toBeUndefined();
  });

  it('given the S3 calls and presigned requests, then the document actions are exactly the ones they are authorized by', () => {
    for (const { name } of lambdas) {
      const { presignsPost } = callsByLambda.get(name)!;
      const commands = callsOf(name, 'client-s3');
      expect(commands.filter((c) => !s3Actions[c]), `${name}: S3 calls with no decided grant`).toEqual([]);
      const needed = new Set([...commands.map((c) => s3Actions[c]!), ...(presignsPost ? ['s3:PutObject'] : [])]);
      const { staging = [], files = [] } = lambdaAccess[name]?.documents ?? {};
      expect([...new Set([...staging, ...files])].sort(), name).toEqual([...needed].sort());
    }
    expect(lambdaAccess.uploads?.documents?.files).toContain('s3:DeleteObject');
  });

  it('given the Cognito admin calls, then the Cognito actions are exactly those calls (no AdminGetUser for identity)', () => {
    for (const { name } of lambdas) {
      const needed = callsOf(name, 'client-cognito-identity-provider').map((c) => `cognito-idp:${c}`).sort();
      expect([...(lambdaAccess[name]?.cognito?.actions ?? [])].sort(), name).toEqual(needed);
    }
    expect(lambdaAccess.identity?.cognito?.actions).not.toContain('cognito-idp:AdminGetUser');
  });

  it('given the Secrets Manager and SES calls, then only the Lambdas that make them may read the Stripe secret or send email', () => {
    for (const { name } of lambdas) {
      expect(Boolean(lambdaAccess[name]?.stripeSecret), name).toBe(callsOf(name, 'client-secrets-manager').includes('GetSecretValue'));
      expect(Boolean(lambdaAccess[name]?.sendEmail), name).toBe(callsOf(name, 'client-sesv2').includes('SendEmail'));
    }
  });
});

describe('asynchronous invocation, against the resolvers that invoke', () => {
  it('given the pipeline functions that invoke a Lambda as an Event, and the S3 notification Lambdas (S3 invokes asynchronously), then exactly those Lambdas are invokedAsync', () => {
    const lambdaOfSource = new Map(
      lambdas.flatMap((l) => (l.trigger.kind === 'dataSource' ? [[l.trigger.dataSource as string, l.name] as const] : [])),
    );
    const invokedAsync = new Set<string>();
    for (const fn of pipelineFunctions) {
      const lambdaName = lambdaOfSource.get(fn.dataSource);
      if (!lambdaName) continue;
      const code = readFileSync(join(repositoryRoot, functionSource(fn.name)), 'utf8');
      if (/\binvokeAsync\(|invocationType:\s*'Event'/.test(code)) invokedAsync.add(lambdaName);
    }
    expect([...invokedAsync].sort()).toEqual(['email', 'uploads']);
    for (const l of lambdas.filter((l) => l.trigger.kind === 's3ObjectCreated')) invokedAsync.add(l.name);
    expect([...invokedAsync].sort()).toEqual(['email', 'upload-landed', 'uploads']);
    const configured = Object.entries(lambdaAccess).filter(([, access]) => access.invokedAsync).map(([name]) => name);
    expect(configured.sort()).toEqual([...invokedAsync].sort());
  });
});
