import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { emailTemplates } from '../../functions/email/templates.ts';
import { staffInvitationMessage } from '../../functions/identity/invitation-message.ts';
import { outputKeys } from '../../infra/amplify-outputs.ts';
import { emailReputationThresholds } from '../../infra/constructs/alarms.ts';
import { temporaryPasswordDays, UserDirectory } from '../../infra/constructs/user-directory.ts';
import { repositoryRoot } from '../../infra/stack.ts';
import { tableDefinition } from '../../infra/table.ts';
import { documentFileKey, documentObjectKey, uploadStagingKey } from '../../resolvers/lib/keys.ts';
import { findCycle } from './support/dependencies.ts';
import { allLambdasWritten, synth } from './support/synth.ts';

// A dev stack (infra/stages/dev.json, with its SES sender domain) with every Lambda written: everything the stack can hold.
let template: Template;
beforeAll(async () => {
  ({ template } = await synth({ lambdas: allLambdasWritten }));
});

const resourcesOf = (type: string) => Object.values(template.findResources(type));

describe('the stack, as synthesized for dev', () => {
  it('given the template, when resource types are listed, then nothing of the old stack (RDS, EC2, ECS, ELB) is there', () => {
    const types = Object.values(template.toJSON().Resources as Record<string, { Type: string }>).map((r) => r.Type);
    const banned = types.filter((type) => /^AWS::(RDS|EC2|ECS|ElasticLoadBalancing|ElasticLoadBalancingV2|ECR)::/.test(type));
    expect(banned).toEqual([]);
    // No custom resource that needs a Lambda allowed everywhere (log retention, bucket notifications).
    expect(types.filter((type) => type === 'Custom::LogRetention' || type === 'Custom::S3BucketNotifications')).toEqual([]);
  });

  it('given the references between resources, then they form no cycle (CloudFormation would refuse the template)', () => {
    // The places a cycle would come from: bucket ↔ notification Lambda, user pool ↔ its trigger, API ↔ log group.
    expect(findCycle(template.toJSON().Resources)).toBeUndefined();
    expect(findCycle({ A: { Properties: { x: { Ref: 'B' } } }, B: { DependsOn: ['A'] } })).toEqual(['A', 'B', 'A']);
  });

  it('given the table, then it is on-demand with PITR, TTL and exactly the key schema and GSIs of tableDefinition', () => {
    template.resourceCountIs('AWS::DynamoDB::Table', 1);
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      TimeToLiveSpecification: { AttributeName: tableDefinition.timeToLiveAttribute, Enabled: true },
      KeySchema: [
        { AttributeName: tableDefinition.partitionKey, KeyType: 'HASH' },
        { AttributeName: tableDefinition.sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: tableDefinition.globalSecondaryIndexes.map((index) => ({
        IndexName: index.name,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: index.projection.type },
      })),
    });
    // dev is disposable: no deletion protection, deleted with the stack.
    template.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Delete', Properties: Match.objectLike({ DeletionProtectionEnabled: false }) });
  });

  it('given the table, then each GSI projects what the pages read through it need: ALL, since each serves whole items (docs/data-model.md)', () => {
    const [table] = Object.values(template.findResources('AWS::DynamoDB::Table')) as { Properties: { GlobalSecondaryIndexes: { IndexName: string; Projection: unknown }[] } }[];
    const projections = Object.fromEntries(table!.Properties.GlobalSecondaryIndexes.map((index) => [index.IndexName, index.Projection]));
    expect(projections).toEqual({
      gsi1: { ProjectionType: 'ALL' },
      gsi2: { ProjectionType: 'ALL' },
      gsi3: { ProjectionType: 'ALL' },
      gsi4: { ProjectionType: 'ALL' },
      gsi5: { ProjectionType: 'ALL' },
    });
  });

  it('given the documents bucket, then it is private, encrypted, versioned, TLS-only, CORS for the frontends, and cleans up multipart uploads and unhandled staged uploads', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      BucketName: Match.objectLike({ 'Fn::Join': ['', Match.arrayWith(['scholarvalley-dev-documents-'])] }),
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      VersioningConfiguration: { Status: 'Enabled' },
      CorsConfiguration: {
        CorsRules: [Match.objectLike({ AllowedOrigins: ['http://localhost:3000', 'http://localhost:5173'], AllowedMethods: ['POST', 'GET', 'HEAD'] })],
      },
      LifecycleConfiguration: {
        Rules: Match.arrayWith([
          Match.objectLike({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 }, Status: 'Enabled' }),
          // Staged uploads whose handling failed for good do not stay; kept files have no expiry.
          Match.objectLike({ Prefix: 'uploads/', ExpirationInDays: 2, Status: 'Enabled' }),
        ]),
      },
      LoggingConfiguration: Match.objectLike({ LogFilePrefix: 'documents/' }),
    });
    // Every bucket denies plain HTTP.
    const policies = resourcesOf('AWS::S3::BucketPolicy');
    expect(policies).toHaveLength(2);
    for (const policy of policies) {
      expect(policy.Properties.PolicyDocument.Statement).toContainEqual(
        expect.objectContaining({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      );
    }
  });

  it('given the documents bucket, then ObjectCreated under uploads/ (the staging keys) only, never applicants/ (the kept files), invokes the upload-landed Lambda, which S3 may call', () => {
    expect(uploadStagingKey('A', 'D', 'U', 'PDF').startsWith('uploads/')).toBe(true);
    expect(documentObjectKey('A', 'D').startsWith('uploads/')).toBe(false);
    expect(documentFileKey('A', 'D', 'L').startsWith('uploads/')).toBe(false);
    const [documents] = Object.entries(template.findResources('AWS::S3::Bucket', { Properties: { VersioningConfiguration: { Status: 'Enabled' } } }));
    expect(documents).toBeDefined();
    const [, bucket] = documents!;
    expect(bucket.Properties.NotificationConfiguration).toEqual({
      LambdaConfigurations: [
        {
          Event: 's3:ObjectCreated:*',
          Filter: { S3Key: { Rules: [{ Name: 'prefix', Value: 'uploads/' }] } },
          Function: { 'Fn::GetAtt': [expect.stringMatching(/^Functionsuploadlanded/), 'Arn'] },
        },
      ],
    });
    const [permissionId] = Object.keys(template.findResources('AWS::Lambda::Permission', { Properties: { Principal: 's3.amazonaws.com' } }));
    expect(bucket.DependsOn).toContain(permissionId);
  });

  it('given the user pool, then email sign-in, self sign-up, verified email, a strong password, the Essentials plan and the groups', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      UsernameAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: false },
      Policies: {
        PasswordPolicy: Match.objectLike({ MinimumLength: 12, RequireLowercase: true, RequireUppercase: true, RequireNumbers: true, RequireSymbols: true }),
      },
      UserPoolTier: 'ESSENTIALS',
      UserPoolAddOns: Match.absent(),
      LambdaConfig: {
        PostConfirmation: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Functionspostconfirmation'), 'Arn'] },
        // The legacy migration: the old password checked at first sign-in, then the user's data claimed.
        UserMigration: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Functionslegacyusermigration'), 'Arn'] },
        PostAuthentication: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Functionslegacypostauthentication'), 'Arn'] },
      },
      DeletionProtection: 'INACTIVE',
    });
    const groups = resourcesOf('AWS::Cognito::UserPoolGroup').map((g) => g.Properties.GroupName).sort();
    expect(groups).toEqual(['admin', 'applicant', 'staff']);
  });

  it("given the user pool, then Cognito's invitation email is the product's text, and its password lives as long as the text says", () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: {
        AllowAdminCreateUserOnly: false,
        InviteMessageTemplate: { EmailSubject: staffInvitationMessage.emailSubject, EmailMessage: staffInvitationMessage.emailBody },
      },
      Policies: { PasswordPolicy: Match.objectLike({ TemporaryPasswordValidityDays: temporaryPasswordDays }) },
    });
    const stated = /expires in (\d+) days/.exec(staffInvitationMessage.emailBody)?.[1];
    expect(Number(stated)).toBe(temporaryPasswordDays);
  });

  it('given an invitation without the temporary password or user name placeholder, when synthesized, then synth stops naming the field and the rule', () => {
    const directory = (emailBody: string) => () =>
      new UserDirectory(new Stack(new App(), 'Invitation'), 'Auth', {
        stage: 'dev',
        retainData: false,
        threatProtection: 'audit',
        invitation: { emailSubject: 'Welcome', emailBody },
      });
    expect(directory('Sign in as {username}')).toThrow('invitation.emailBody must contain {####}');
    expect(directory('Your password: {####}')).toThrow('invitation.emailBody must contain {username}');
    expect(directory('{username} {####}')).not.toThrow();
  });

  it('given the web app client, then it has no secret and allows only SRP, refresh and (for migrated users\' first sign-in) password, without OAuth', () => {
    template.resourceCountIs('AWS::Cognito::UserPoolClient', 1);
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      AllowedOAuthFlowsUserPoolClient: false,
      PreventUserExistenceErrors: 'ENABLED',
    });
  });

  it('given the Stripe secret, then it is created empty: no value and no generated value in the template', () => {
    const [secret] = resourcesOf('AWS::SecretsManager::Secret');
    expect(secret?.Properties).not.toHaveProperty('SecretString');
    expect(secret?.Properties).not.toHaveProperty('GenerateSecretString');
  });

  it('given a sender domain, then SES has that identity, a configuration set, and one template per email of functions/email', () => {
    const [configurationSetId] = Object.keys(template.findResources('AWS::SES::ConfigurationSet'));
    // The identity's default configuration set: functions/email sends without ConfigurationSetName.
    template.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: 'dev.scholarvalley.com',
      ConfigurationSetAttributes: { ConfigurationSetName: { Ref: configurationSetId } },
    });
    template.hasResourceProperties('AWS::SES::ConfigurationSet', {
      SuppressionOptions: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
    });
    const names = resourcesOf('AWS::SES::Template').map((t) => t.Properties.Template.TemplateName).sort();
    expect(names).toEqual(emailTemplates.map((t) => `scholarvalley-dev-${t.name}`).sort());
  });

  it('given the API, then user pools is the default auth and IAM the additional one, with ERROR logs, X-Ray and a WAF rate limit', () => {
    template.hasResourceProperties('AWS::AppSync::GraphQLApi', {
      AuthenticationType: 'AMAZON_COGNITO_USER_POOLS',
      AdditionalAuthenticationProviders: [{ AuthenticationType: 'AWS_IAM' }],
      LogConfig: { FieldLogLevel: 'ERROR', ExcludeVerboseContent: true, CloudWatchLogsRoleArn: Match.anyValue() },
      XrayEnabled: true,
      IntrospectionConfig: 'ENABLED',
      EnvironmentVariables: { TABLE_NAME: { Ref: Match.stringLikeRegexp('^DataTable') } },
    });
    template.hasResourceProperties('AWS::Logs::LogGroup', {
      LogGroupName: { 'Fn::Join': ['', ['/aws/appsync/apis/', Match.anyValue()]] },
      RetentionInDays: 14,
    });
    template.hasResourceProperties('AWS::WAFv2::WebACL', {
      Scope: 'REGIONAL',
      Rules: Match.arrayWith([
        Match.objectLike({ Action: { Block: {} }, Statement: { RateBasedStatement: Match.objectLike({ Limit: 1000, AggregateKeyType: 'IP' }) } }),
      ]),
    });
    template.hasResourceProperties('AWS::WAFv2::WebACLAssociation', {
      ResourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^GraphqlApi'), 'Arn'] },
    });
  });

  it('given every log group, then each has a retention', () => {
    const groups = resourcesOf('AWS::Logs::LogGroup');
    expect(groups.length).toBeGreaterThanOrEqual(allLambdasWritten.length + 1);
    for (const group of groups) expect(group.Properties.RetentionInDays).toBe(14);
  });

  it('given the alarms, then AppSync 5XX and latency, each Lambda errors and throttles, each failure queue depth and table throttles notify the topic', () => {
    const alarms = resourcesOf('AWS::CloudWatch::Alarm');
    const metricNames = alarms.map((a) => a.Properties.MetricName ?? 'expression');
    expect(metricNames.filter((m) => m === '5XXError')).toHaveLength(1);
    expect(metricNames.filter((m) => m === 'Latency')).toHaveLength(1);
    expect(metricNames.filter((m) => m === 'Errors')).toHaveLength(allLambdasWritten.length);
    expect(metricNames.filter((m) => m === 'Throttles')).toHaveLength(allLambdasWritten.length);
    expect(metricNames.filter((m) => m === 'ApproximateNumberOfMessagesVisible')).toHaveLength(3);
    const throttles = alarms.find((a) => JSON.stringify(a.Properties.Metrics ?? []).includes('WriteThrottleEvents'));
    expect(throttles).toBeDefined();
    const [topicId] = Object.keys(template.findResources('AWS::SNS::Topic'));
    for (const alarm of alarms) expect(alarm.Properties.AlarmActions).toEqual([{ Ref: topicId }]);
    // Named for operators (docs/runbook.md): the stack name, then what it watches.
    expect(alarms.map((a) => a.Properties.AlarmName)).toEqual(
      expect.arrayContaining([
        'ScholarvalleyApi-dev-Api5xx',
        'ScholarvalleyApi-dev-DeadLetterQueue-email-failures',
        'ScholarvalleyApi-dev-DeadLetterQueue-uploads-failures',
        'ScholarvalleyApi-dev-DeadLetterQueue-upload-landed-failures',
      ]),
    );
    // Each failure queue's alarm watches that queue.
    for (const name of ['email', 'uploads', 'upload-landed']) {
      const [queueId] = Object.keys(template.findResources('AWS::SQS::Queue', { Properties: { QueueName: `ScholarvalleyApi-dev-${name}-failures` } }));
      const alarm = alarms.find((a) => a.Properties.AlarmName === `ScholarvalleyApi-dev-DeadLetterQueue-${name}-failures`);
      expect(alarm?.Properties.Dimensions, name).toEqual([{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId, 'QueueName'] } }]);
    }
  });

  it("given a sender, then the SES bounce and complaint rates of the stage's configuration set alarm below SES's review thresholds", () => {
    const [configurationSetId] = Object.keys(template.findResources('AWS::SES::ConfigurationSet'));
    template.hasResourceProperties('AWS::SES::ConfigurationSet', { ReputationOptions: { ReputationMetricsEnabled: true } });
    const [topicId] = Object.keys(template.findResources('AWS::SNS::Topic'));
    const expected = [
      ['EmailBounceRate', 'Reputation.BounceRate', emailReputationThresholds.bounceRate],
      ['EmailComplaintRate', 'Reputation.ComplaintRate', emailReputationThresholds.complaintRate],
    ] as const;
    for (const [id, metricName, threshold] of expected) {
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        AlarmName: `ScholarvalleyApi-dev-${id}`,
        Namespace: 'AWS/SES',
        MetricName: metricName,
        Dimensions: [{ Name: 'ses:configuration-set', Value: { Ref: configurationSetId } }],
        Threshold: threshold,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        AlarmActions: [{ Ref: topicId }],
      });
    }
    expect(emailReputationThresholds.bounceRate).toBeLessThan(0.05);
    expect(emailReputationThresholds.complaintRate).toBeLessThan(0.001);
  });

  it('given docs/runbook.md, then it names each failure queue and its alarm as the stack names them', () => {
    const runbook = readFileSync(join(repositoryRoot, 'docs', 'runbook.md'), 'utf8');
    const asDocumented = (name: string) => name.replace(/^ScholarvalleyApi-dev-/, 'ScholarvalleyApi-<stage>-');
    const queueNames = resourcesOf('AWS::SQS::Queue').map((q) => q.Properties.QueueName as string);
    const queueAlarms = resourcesOf('AWS::CloudWatch::Alarm')
      .filter((a) => a.Properties.MetricName === 'ApproximateNumberOfMessagesVisible')
      .map((a) => a.Properties.AlarmName as string);
    expect(queueNames.length + queueAlarms.length).toBe(6);
    for (const name of [...queueNames, ...queueAlarms]) expect(runbook, name).toContain(`\`${asDocumented(name)}\``);
    // No name the stack does not have.
    for (const [mention] of runbook.matchAll(/ScholarvalleyApi-<stage>-[\w-]*(failures|DeadLetterQueue)[\w-]*/g)) {
      expect([...queueNames, ...queueAlarms].map(asDocumented), mention).toContain(mention);
    }
  });

  it('given the Stripe webhook, then its Function URL is public (auth NONE: Stripe cannot sign with IAM) and points at stripe-webhook only', () => {
    const urls = resourcesOf('AWS::Lambda::Url');
    expect(urls).toHaveLength(1);
    expect(urls[0]?.Properties).toMatchObject({
      AuthType: 'NONE',
      TargetFunctionArn: { 'Fn::GetAtt': [expect.stringMatching(/^Functionsstripewebhook/), 'Arn'] },
    });
  });

  it('given the public Stripe webhook, then its concurrency is capped by a reservation, so a flood cannot starve the other Lambdas', () => {
    const functions = Object.values(template.findResources('AWS::Lambda::Function'));
    const reserved = functions
      .filter((f) => f.Properties.ReservedConcurrentExecutions !== undefined)
      .map((f) => [f.Properties.FunctionName, f.Properties.ReservedConcurrentExecutions]);
    expect(reserved).toEqual([['scholarvalley-dev-stripe-webhook', 10]]);
  });

  it('given the outputs, then every key the amplify_outputs script and operators read is there', () => {
    expect(Object.keys(template.findOutputs('*')).sort()).toEqual(Object.values(outputKeys).sort());
    template.hasOutput(outputKeys.realtimeUrl, { Value: { 'Fn::GetAtt': [Match.stringLikeRegexp('^GraphqlApi'), 'RealtimeUrl'] } });
    template.hasOutput(outputKeys.stripeWebhookUrl, { Value: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Functionsstripewebhook.*FunctionUrl'), 'FunctionUrl'] } });
  });

  it('given the stack, then its resources carry the project, stage and managed-by tags (sorted by key)', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      Tags: Match.arrayWith([{ Key: 'project', Value: 'scholarvalley' }, { Key: 'stage', Value: 'dev' }]),
    });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Tags: Match.arrayWith([{ Key: 'managed-by', Value: 'cdk' }, { Key: 'project', Value: 'scholarvalley' }]),
    });
  });
});
