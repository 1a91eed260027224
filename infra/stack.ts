import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { Annotations, CfnOutput, Duration, RemovalPolicy, Stack, Tags, type StackProps } from 'aws-cdk-lib';
import type * as appsync from 'aws-cdk-lib/aws-appsync';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as destinations from 'aws-cdk-lib/aws-lambda-destinations';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { staffInvitationMessage } from '../functions/identity/invitation-message.ts';
import { configNames, type ConfigName } from '../functions/shared/config.ts';
import { outputKeys } from './amplify-outputs.ts';
import { fromAddress, type StageConfig } from './config.ts';
import { Alarms } from './constructs/alarms.ts';
import { DataTable } from './constructs/data-table.ts';
import { DocumentStorage } from './constructs/document-storage.ts';
import { EmailSender } from './constructs/email-sender.ts';
import { EmailTemplates } from './constructs/email-templates.ts';
import { GraphqlEndpoint } from './constructs/graphql-endpoint.ts';
import { LambdaFunctions } from './constructs/lambda-functions.ts';
import { SignUpProtection } from './constructs/sign-up-protection.ts';
import { UserDirectory } from './constructs/user-directory.ts';
import { lambdaAccess, type LambdaAccess } from './lambda-access.ts';
import { lambdas, type LambdaDefinition } from './lambdas.ts';
import { acknowledgeNagFindings } from './nag-acknowledgements.ts';
import { buildDirLocator, type BundleLocator } from './resolver-code.ts';
import { wiring, type DataSourceName, type Wiring } from './wiring/index.ts';

/** The repository root: the schema, handler entries and resolver bundles are found from here. */
export const repositoryRoot = fileURLToPath(new URL('..', import.meta.url));

export interface ScholarvalleyStackProps extends StackProps {
  config: StageConfig;
  /** Which resolver serves which field; the wiring table of infra/wiring/ unless a test passes its own. */
  wiring?: Wiring;
  /** The Lambdas to deploy; infra/lambdas.ts unless a test passes its own. */
  lambdas?: LambdaDefinition[];
  /** The repository root (schema, handler entries, package-lock.json); this repository unless a test passes another. */
  rootDir?: string;
  /** Where resolver bundles are; `<rootDir>/build/resolvers/` unless a test passes its own. */
  locateBundle?: BundleLocator;
}

/** The whole Scholarvalley API on AWS: one stack per stage. */
export class ScholarvalleyStack extends Stack {
  readonly data: DataTable;
  readonly storage: DocumentStorage;
  readonly directory: UserDirectory;
  readonly functions: LambdaFunctions;
  readonly endpoint: GraphqlEndpoint;
  readonly stripeSecret: secretsmanager.Secret;
  readonly sender?: EmailSender;
  /** The failure queue of each asynchronously invoked Lambda (`invokedAsync` in infra/lambda-access.ts), by Lambda name. */
  readonly failureQueues = new Map<string, sqs.Queue>();
  readonly alarms: Alarms;

  constructor(scope: Construct, id: string, props: ScholarvalleyStackProps) {
    const { config } = props;
    super(scope, id, {
      description: `Scholarvalley API (${config.stage}): AppSync, DynamoDB, Cognito, S3, Lambda`,
      // Never on a first create: CDK sets it before the change set runs, and a protected stack that failed to create
      // cannot be deleted, so it could not be retried (docs/deployment.md, "First deployment").
      terminationProtection: config.terminationProtection && !config.firstDeploy,
      ...props,
    });
    const rootDir = props.rootDir ?? repositoryRoot;
    const definitions = props.lambdas ?? lambdas;
    // What prod keeps (the secret, the failure queues) is kept on update and delete but removed when the first create
    // rolls back, so a failed first deploy leaves nothing whose name its retry needs. The table and the user pool carry
    // deletion protection, which a rollback cannot pass: they are plain RETAIN, with names that never collide
    // (docs/deployment.md, "If the first deploy fails").
    const removalPolicy = config.retainData ? RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE : RemovalPolicy.DESTROY;

    this.data = new DataTable(this, 'Data', { retainData: config.retainData });
    this.storage = new DocumentStorage(this, 'Storage', {
      stage: config.stage,
      retainData: config.retainData,
      frontendOrigins: config.frontendOrigins,
    });
    this.stripeSecret = new secretsmanager.Secret(this, 'StripeSecret', {
      description: 'Stripe keys as {"secretKey": "sk_...", "webhookSecret": "whsec_..."}, filled in by an operator (docs/deployment.md)',
      removalPolicy,
    });
    // Created empty: no generated value, and no Stripe key ever passes through code or templates.
    (this.stripeSecret.node.defaultChild as secretsmanager.CfnSecret).addPropertyDeletionOverride('GenerateSecretString');

    const emailTemplatePrefix = `scholarvalley-${config.stage}-`;
    new EmailTemplates(this, 'EmailTemplates', { prefix: emailTemplatePrefix });
    const sender = fromAddress(config);
    if (sender) {
      this.sender = new EmailSender(this, 'Email', {
        stage: config.stage,
        fromAddress: sender,
        templatePrefix: emailTemplatePrefix,
        ...(config.senderDomain ? { senderDomain: config.senderDomain } : {}),
      });
    } else {
      Annotations.of(this).addWarningV2(
        'scholarvalley:no-sender',
        `No SES sender: set senderDomain or senderEmail in infra/stages/${config.stage}.json; the email Lambda cannot send until then.`,
      );
    }
    if (config.frontendOrigins.length === 0) {
      Annotations.of(this).addWarningV2(
        'scholarvalley:no-frontend-origins',
        `No frontend origins: set frontendOrigins in infra/stages/${config.stage}.json so browsers may upload and Stripe Checkout can return.`,
      );
    }

    this.directory = new UserDirectory(this, 'Auth', {
      stage: config.stage,
      invitation: staffInvitationMessage,
      retainData: config.retainData,
      threatProtection: config.threatProtection,
      // On a first create the SES identity made by the same create is not verified yet, and Cognito refuses one that is not.
      ...(config.cognitoEmailViaSes && !config.firstDeploy && this.sender
        ? {
            sesEmail: {
              fromEmail: this.sender.fromAddress,
              configurationSet: this.sender.configurationSet.configurationSetName,
              ...(config.senderDomain ? { verifiedDomain: config.senderDomain } : {}),
            },
          }
        : {}),
    });

    new SignUpProtection(this, 'AuthWaf', {
      stage: config.stage,
      userPool: this.directory.userPool,
      rateLimit: config.authRateLimit,
      botControl: config.signUpBotControl,
    });

    this.functions = new LambdaFunctions(this, 'Functions', {
      stage: config.stage,
      definitions,
      rootDir,
      logRetentionDays: config.logRetentionDays,
      retainData: config.retainData,
    });

    const lambdaDataSources = new Map<DataSourceName, lambda.IFunction>();
    for (const definition of definitions) {
      const fn = this.functions.byName.get(definition.name);
      if (fn && definition.trigger.kind === 'dataSource') lambdaDataSources.set(definition.trigger.dataSource, fn);
    }
    this.endpoint = new GraphqlEndpoint(this, 'Graphql', {
      stage: config.stage,
      schemaFile: join(rootDir, 'schema', 'schema.graphql'),
      userPool: this.directory.userPool,
      table: this.data,
      lambdaDataSources,
      wiring: props.wiring ?? wiring,
      locateBundle: props.locateBundle ?? buildDirLocator(rootDir),
      logRetentionDays: config.logRetentionDays,
      retainData: config.retainData,
      wafRateLimit: config.wafRateLimit,
    });

    let webhookUrl: lambda.FunctionUrl | undefined;
    for (const definition of definitions) {
      const fn = this.functions.byName.get(definition.name);
      if (!fn) continue;
      const access = lambdaAccess[definition.name];
      if (!access) throw new Error(`Lambda "${definition.name}" has no entry in infra/lambda-access.ts: decide what it may touch.`);
      this.grantAccess(fn, access, config);
      if (access.invokedAsync) this.failureQueues.set(definition.name, this.configureAsync(fn, definition.name, removalPolicy));
      switch (definition.trigger.kind) {
        case 's3ObjectCreated':
          this.storage.notifyObjectCreated(fn);
          break;
        case 'functionUrl':
          // Stripe calls it unauthenticated; the handler verifies Stripe's signature on every request.
          webhookUrl = fn.addFunctionUrl({ authType: lambda.FunctionUrlAuthType.NONE });
          break;
        case 'cognitoPostConfirmation':
          this.directory.addPostConfirmation(fn, access.cognito?.actions ?? []);
          break;
        case 'cognitoPreTokenGeneration':
          this.directory.addPreTokenGeneration(fn, access.cognito?.actions ?? []);
          break;
        case 'cognitoUserMigration':
          this.directory.addLegacyTrigger('userMigration', fn, access.cognito?.actions ?? []);
          break;
        case 'cognitoPostAuthentication':
          this.directory.addLegacyTrigger('postAuthentication', fn, access.cognito?.actions ?? []);
          break;
        case 'dataSource':
          break;
      }
    }

    this.alarms = new Alarms(this, 'Alarms', {
      stage: config.stage,
      api: this.endpoint.api,
      functions: [...this.functions.byName.values()],
      failureQueues: [...this.failureQueues.values()],
      table: this.data.table,
      ...(this.sender ? { emailConfigurationSet: this.sender.configurationSet.configurationSetName } : {}),
      ...(config.alarmEmail ? { alarmEmail: config.alarmEmail } : {}),
    });

    this.addOutputs(webhookUrl);
    Tags.of(this).add('project', 'scholarvalley');
    Tags.of(this).add('stage', config.stage);
    Tags.of(this).add('managed-by', 'cdk');
    acknowledgeNagFindings(this, config);
  }

  private grantAccess(fn: lambda.Function, access: LambdaAccess, config: StageConfig): void {
    const env = (name: ConfigName, value: string) => fn.addEnvironment(configNames[name], value);
    if (access.table) {
      for (const statement of this.data.statements(access.table)) fn.addToRolePolicy(statement);
      env('tableName', this.data.table.tableName);
    }
    if (access.documents) {
      const { staging, files } = access.documents;
      if (staging?.length) fn.addToRolePolicy(new iam.PolicyStatement({ actions: staging, resources: [this.storage.stagingObjectsArn] }));
      if (files?.length) fn.addToRolePolicy(new iam.PolicyStatement({ actions: files, resources: [this.storage.documentObjectsArn] }));
      env('bucketName', this.storage.bucketName);
    }
    if (access.stripeSecret) {
      this.stripeSecret.grantRead(fn);
      env('stripeSecretArn', this.stripeSecret.secretArn);
    }
    if (access.checkoutUrls) {
      if (config.checkoutSuccessUrl) env('checkoutSuccessUrl', config.checkoutSuccessUrl);
      if (config.checkoutCancelUrl) env('checkoutCancelUrl', config.checkoutCancelUrl);
    }
    if (access.internalMutations) {
      this.endpoint.api.grantMutation(fn, ...access.internalMutations);
      env('graphqlUrl', this.endpoint.api.graphqlUrl);
    }
    if (access.cognito?.via === 'admin') {
      this.directory.userPool.grant(fn, ...access.cognito.actions);
      env('userPoolId', this.directory.userPool.userPoolId);
    }
    if (access.sendEmail) {
      if (this.sender) {
        fn.addToRolePolicy(this.sender.sendStatement());
        env('emailFromAddress', this.sender.fromAddress);
        env('emailTemplatePrefix', this.sender.templatePrefix);
      } else {
        Annotations.of(fn).addWarningV2('scholarvalley:email-without-sender', `${fn.node.id} has no SES sender to send from.`);
      }
    }
  }

  /**
   * An async-invoked Lambda (email, the uploads file removal, upload-landed from S3) never fails the user's mutation
   * and never loses an event: after 2 retries, or 6 hours, the event goes to this Lambda's own failure queue
   * (docs/runbook.md).
   */
  private configureAsync(fn: lambda.Function, name: string, removalPolicy: RemovalPolicy): sqs.Queue {
    const queue = new sqs.Queue(this, `${name}-failures`, {
      queueName: `${this.stackName}-${name}-failures`,
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
      removalPolicy,
    });
    fn.configureAsyncInvoke({
      retryAttempts: 2,
      maxEventAge: Duration.hours(6),
      onFailure: new destinations.SqsDestination(queue),
    });
    return queue;
  }

  private addOutputs(webhookUrl: lambda.FunctionUrl | undefined): void {
    const api = this.endpoint.api;
    const cfnApi = api.node.defaultChild as appsync.CfnGraphQLApi;
    const output = (key: string, value: string, description: string) => new CfnOutput(this, key, { value, description });
    output(outputKeys.graphqlUrl, api.graphqlUrl, 'GraphQL endpoint (HTTPS)');
    output(outputKeys.realtimeUrl, cfnApi.attrRealtimeUrl, 'Real-time endpoint for subscriptions (WSS)');
    output(outputKeys.region, this.region, 'AWS region of every resource');
    output(outputKeys.userPoolId, this.directory.userPool.userPoolId, 'Cognito user pool id');
    output(outputKeys.userPoolClientId, this.directory.webClient.userPoolClientId, 'Cognito app client id for web frontends');
    output(outputKeys.documentsBucket, this.storage.bucketName, 'Documents bucket');
    output(outputKeys.stripeSecretArn, this.stripeSecret.secretArn, 'Secret to fill with the Stripe keys');
    output(outputKeys.alarmTopicArn, this.alarms.topic.topicArn, 'SNS topic the alarms notify');
    output(outputKeys.tableName, this.data.table.tableName, 'DynamoDB table (npm run admin:create writes the admin profile here)');
    if (webhookUrl) output(outputKeys.stripeWebhookUrl, webhookUrl.url, 'URL to register as the Stripe webhook endpoint');
  }
}
