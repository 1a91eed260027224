import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { allLambdasWritten, synth } from './support/synth.ts';

// A failed first create of prod must be retryable by running the same deploy again: nothing the failed attempt
// leaves behind may hold a name the retry needs, and the stack must not be protected from CDK's delete-and-retry.

type Resource = { Type: string; Properties?: Record<string, unknown>; DeletionPolicy?: string };

/** Properties whose value must be unique in the account (or globally, for buckets) at create time. */
const uniqueNameProperties = ['BucketName', 'QueueName', 'LogGroupName', 'TableName', 'Name', 'FunctionName', 'TopicName'];

/** Whether a CloudFormation value changes with every create: it uses the stack id or an attribute of a resource the create makes. */
const differsPerCreate = (value: unknown): boolean => {
  const text = JSON.stringify(value);
  return text.includes('"AWS::StackId"') || text.includes('"Fn::GetAtt"');
};

const prod = (context: Record<string, unknown> = {}) => synth({ lambdas: allLambdasWritten, context: { stage: 'prod', ...context } });

describe('a failed first prod create can be retried without cleanup', () => {
  it('given prod, then no resource kept after the stack has a fixed name that a retried create would collide with', async () => {
    const { template } = await prod();
    const resources = Object.entries(template.toJSON().Resources as Record<string, Resource>);
    const kept = resources.filter(([, r]) => r.DeletionPolicy === 'Retain' || r.DeletionPolicy === 'RetainExceptOnCreate');
    expect(kept.length).toBeGreaterThanOrEqual(10);
    const fixed = kept.flatMap(([id, r]) =>
      uniqueNameProperties.filter((p) => r.Properties?.[p] !== undefined && !differsPerCreate(r.Properties[p])).map((p) => `${id}.${p}`),
    );
    expect(fixed).toEqual([]);
  });

  it('given prod, then the documents bucket name ends in a suffix of the stack id (new on every create)', async () => {
    const { template } = await prod();
    template.hasResourceProperties('AWS::S3::Bucket', {
      BucketName: Match.objectLike({
        'Fn::Join': ['', Match.arrayWith(['scholarvalley-prod-documents-', { 'Fn::Select': [4, Match.anyValue()] }])],
      }),
    });
  });

  it('given prod, then what is kept is removed when the first create rolls back, except the table and pool (deletion protection)', async () => {
    const { template } = await prod();
    const resources = Object.values(template.toJSON().Resources as Record<string, Resource>);
    const retained = resources.filter((r) => r.DeletionPolicy === 'Retain').map((r) => r.Type).sort();
    expect(retained).toEqual(['AWS::Cognito::UserPool', 'AWS::DynamoDB::Table']);
    const exceptOnCreate = new Set(resources.filter((r) => r.DeletionPolicy === 'RetainExceptOnCreate').map((r) => r.Type));
    expect([...exceptOnCreate].sort()).toEqual(['AWS::Logs::LogGroup', 'AWS::S3::Bucket', 'AWS::SQS::Queue', 'AWS::SecretsManager::Secret']);
  });

  it('given prod, then the stack is termination-protected; given -c firstDeploy=true, then it is not, so CDK can delete a failed create and retry', async () => {
    expect((await prod()).stack.terminationProtection).toBe(true);
    const first = await prod({ firstDeploy: 'true' });
    expect(first.stack.terminationProtection).toBe(false);
    const artifact = first.app.synth().getStackByName('ScholarvalleyApi-prod');
    expect(artifact.terminationProtection ?? false).toBe(false);
  });

  it("given -c firstDeploy=true, then Cognito sends with its own sender (the SES identity the create makes is not verified yet); later deploys use SES", async () => {
    const first = await prod({ firstDeploy: 'true' });
    first.template.hasResourceProperties('AWS::Cognito::UserPool', { EmailConfiguration: { EmailSendingAccount: 'COGNITO_DEFAULT' } });
    const later = await prod();
    later.template.hasResourceProperties('AWS::Cognito::UserPool', {
      EmailConfiguration: Match.objectLike({ EmailSendingAccount: 'DEVELOPER', From: Match.stringLikeRegexp('no-reply@scholarvalley.com') }),
    });
  });
});
