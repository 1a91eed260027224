import { Match, type Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from 'aws-cdk-lib';
import type { ScholarvalleyStack } from '../../infra/stack.ts';
import { allLambdasWritten, synth } from './support/synth.ts';

// The one suite with CDK's built-in CloudFormation validation on (CDK_VALIDATION), plus cdk-nag registered as a
// synth plugin the way infra/app.ts registers it: synth throws if either finds an error. No AWS credentials exist
// during this synth, and nothing may need a lookup (the only part of synth that would reach AWS).
const awsVariables = Object.keys(process.env).filter((name) => name.startsWith('AWS_') || name.startsWith('CDK_DEFAULT_'));
const saved = Object.fromEntries(awsVariables.map((name) => [name, process.env[name]]));

let app: App;
let stack: ScholarvalleyStack;
let template: Template;
beforeAll(async () => {
  for (const name of awsVariables) delete process.env[name];
  ({ app, stack, template } = await synth({
    validation: true,
    nagPlugin: true,
    lambdas: allLambdasWritten,
    // A plain `cdk synth -c stage=prod`: everything else comes from infra/stages/prod.json.
    context: { stage: 'prod' },
  }));
});
afterAll(() => Object.assign(process.env, saved));

describe('prod, synthesized with template validation and cdk-nag on, offline and without credentials', () => {
  it('given the synth, then it completed and needed no context lookup', () => {
    const assembly = app.synth();
    expect(assembly.manifest.missing ?? []).toEqual([]);
    expect(assembly.getStackByName('ScholarvalleyApi-prod').template.Resources).toBeDefined();
  });

  it('given prod, then the table, bucket, user pool and secret are kept when the stack is deleted, and the table and pool protected from deletion', () => {
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({ DeletionProtectionEnabled: true }),
    });
    // The documents bucket and the secret are removed only when a first create rolls back (test/infra/first-deploy.test.ts).
    template.hasResource('AWS::S3::Bucket', {
      DeletionPolicy: 'RetainExceptOnCreate',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({ BucketName: Match.objectLike({ 'Fn::Join': ['', Match.arrayWith(['scholarvalley-prod-documents-'])] }) }),
    });
    template.hasResource('AWS::Cognito::UserPool', { DeletionPolicy: 'Retain', Properties: Match.objectLike({ DeletionProtection: 'ACTIVE' }) });
    template.hasResource('AWS::SecretsManager::Secret', { DeletionPolicy: 'RetainExceptOnCreate', UpdateReplacePolicy: 'Retain' });
    expect(stack.terminationProtection).toBe(true);
  });

  it('given prod, then no helper Lambda exists (no bucket auto-delete) and introspection is off', () => {
    const names = Object.values(template.findResources('AWS::Lambda::Function')).map((f) => f.Properties.FunctionName);
    expect(names.every((name) => typeof name === 'string' && name.startsWith('scholarvalley-prod-'))).toBe(true);
    template.hasResourceProperties('AWS::AppSync::GraphQLApi', { IntrospectionConfig: 'DISABLED' });
  });

  it('given a plain -c stage=prod, then CORS and Checkout use the committed origin, mail the committed SES identity, and logs are kept 90 days', () => {
    template.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: 'scholarvalley.com' });
    template.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: 'scholarvalley-prod-email',
      Environment: { Variables: Match.objectLike({ EMAIL_FROM_ADDRESS: 'no-reply@scholarvalley.com' }) },
    });
    template.hasResourceProperties('AWS::S3::Bucket', {
      CorsConfiguration: { CorsRules: [Match.objectLike({ AllowedOrigins: ['https://app.scholarvalley.com'] })] },
    });
    template.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: 'scholarvalley-prod-payments',
      Environment: { Variables: Match.objectLike({ CHECKOUT_SUCCESS_URL: 'https://app.scholarvalley.com/checkout/success' }) },
    });
    for (const group of Object.values(template.findResources('AWS::Logs::LogGroup'))) expect(group.Properties.RetentionInDays).toBe(90);
  });
});
