import { describe, expect, it } from 'vitest';
import { allLambdasWritten, synth } from './support/synth.ts';

// A failed first create of prod must be retryable by running the same deploy again: nothing the failed attempt leaves
// behind may hold a name the retry needs, and the stack must not be protected from the delete CDK does before it
// creates the stack again.

type Resource = { Type: string; Properties?: Record<string, unknown>; DeletionPolicy?: string };

/** Properties whose value must be unique in the account and region (or globally, for buckets) at create time. */
const uniqueNameProperties = ['BucketName', 'QueueName', 'LogGroupName', 'TableName', 'Name', 'FunctionName', 'TopicName'];

/** Whether a CloudFormation value is new on every create: it uses an attribute of a resource the same create makes. */
const differsPerCreate = (value: unknown): boolean => {
  const text = JSON.stringify(value);
  return text.includes('"Fn::GetAtt"') || text.includes('"AWS::StackId"');
};

const prod = (context: Record<string, unknown> = {}) => synth({ lambdas: allLambdasWritten, context: { stage: 'prod', ...context } });
const resourcesOf = async (context: Record<string, unknown> = {}) =>
  Object.entries((await prod(context)).template.toJSON().Resources as Record<string, Resource>);

describe('a failed first prod create can be retried without cleanup', () => {
  it('given prod, then what a rolled-back create leaves behind (DeletionPolicy Retain) holds no fixed name a retry would collide with', async () => {
    const resources = await resourcesOf();
    const leftBehind = resources.filter(([, r]) => r.DeletionPolicy === 'Retain');
    expect(leftBehind.map(([, r]) => r.Type).sort()).toEqual(['AWS::Cognito::UserPool', 'AWS::DynamoDB::Table', 'AWS::S3::Bucket']);
    const fixed = leftBehind.flatMap(([id, r]) =>
      uniqueNameProperties.filter((p) => r.Properties?.[p] !== undefined && !differsPerCreate(r.Properties[p])).map((p) => `${id}.${p}`),
    );
    // A user pool's name is not unique in Cognito (UserPoolName is not in the list): a second pool of the same name is fine.
    expect(fixed).toEqual([]);
  });

  it('given prod, then the kept resources with fixed names (documents bucket, log groups, failure queues) and the secret are removed when a first create rolls back', async () => {
    const resources = await resourcesOf();
    const exceptOnCreate = resources.filter(([, r]) => r.DeletionPolicy === 'RetainExceptOnCreate');
    expect([...new Set(exceptOnCreate.map(([, r]) => r.Type))].sort()).toEqual([
      'AWS::Logs::LogGroup',
      'AWS::S3::Bucket',
      'AWS::SQS::Queue',
      'AWS::SecretsManager::Secret',
    ]);
    const withFixedNames = resources.filter(([, r]) =>
      uniqueNameProperties.some((p) => r.Properties?.[p] !== undefined && !differsPerCreate(r.Properties[p])),
    );
    for (const [id, r] of withFixedNames) expect(['Delete', 'RetainExceptOnCreate', undefined], id).toContain(r.DeletionPolicy);
    // Still kept when the stack is deleted or a resource replaced: prod's data survives everything but a failed create.
    for (const [id, r] of exceptOnCreate) expect((r as { UpdateReplacePolicy?: string }).UpdateReplacePolicy, id).toBe('Retain');
  });

  it('given prod, then the table and the user pool keep deletion protection (a rollback could not delete them), so they are plain Retain', async () => {
    const resources = await resourcesOf();
    const protectedOnes = resources.filter(
      ([, r]) => r.Properties?.DeletionProtectionEnabled === true || r.Properties?.DeletionProtection === 'ACTIVE',
    );
    expect(protectedOnes.map(([, r]) => [r.Type, r.DeletionPolicy]).sort()).toEqual([
      ['AWS::Cognito::UserPool', 'Retain'],
      ['AWS::DynamoDB::Table', 'Retain'],
    ]);
  });

  it('given prod, then the stack is termination-protected; given -c firstDeploy=true (npm run deploy adds it on a first create), then not', async () => {
    expect((await prod()).stack.terminationProtection).toBe(true);
    const first = await prod({ firstDeploy: 'true' });
    expect(first.stack.terminationProtection).toBe(false);
    expect(first.app.synth().getStackByName('ScholarvalleyApi-prod').terminationProtection ?? false).toBe(false);
  });
});
