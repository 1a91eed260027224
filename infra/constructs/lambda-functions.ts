import { join } from 'node:path';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { lambdaBundling } from '../lambda-bundling.ts';
import { assertLambdaEntriesExist } from '../lambda-entries.ts';
import type { LambdaDefinition, LambdaTrigger } from '../lambdas.ts';

export interface LambdaFunctionsProps {
  stage: string;
  definitions: LambdaDefinition[];
  /** Repository root: entries are relative to it, and it holds package-lock.json. */
  rootDir: string;
  logRetentionDays: number;
  retainData: boolean;
}

/** Cognito waits at most 5 s for a trigger; AppSync at most 30 s for a data source. */
const timeouts: Record<LambdaTrigger['kind'], Duration> = {
  cognitoPostConfirmation: Duration.seconds(5),
  cognitoPreTokenGeneration: Duration.seconds(5),
  cognitoUserMigration: Duration.seconds(5),
  cognitoPostAuthentication: Duration.seconds(5),
  dataSource: Duration.seconds(15),
  functionUrl: Duration.seconds(15),
  s3ObjectCreated: Duration.seconds(30),
};

/**
 * One Node.js 22 arm64 Lambda per entry of infra/lambdas.ts, bundled by the locally installed esbuild (never Docker)
 * with infra/lambda-bundling.ts. An entry naming no file stops synth.
 */
export class LambdaFunctions extends Construct {
  readonly byName = new Map<string, nodejs.NodejsFunction>();

  constructor(scope: Construct, id: string, props: LambdaFunctionsProps) {
    super(scope, id);
    assertLambdaEntriesExist(props.definitions, props.rootDir);
    for (const definition of props.definitions) {
      this.byName.set(definition.name, this.createFunction(definition, props));
    }
  }

  private createFunction(definition: LambdaDefinition, props: LambdaFunctionsProps): nodejs.NodejsFunction {
    const functionName = `scholarvalley-${props.stage}-${definition.name}`;
    // Kept on update and delete, but removed when a first create rolls back: its fixed name would block the retry.
    const logGroup = new logs.LogGroup(this, `${definition.name}-logs`, {
      logGroupName: `/aws/lambda/${functionName}`,
      retention: props.logRetentionDays,
      removalPolicy: props.retainData ? RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE : RemovalPolicy.DESTROY,
    });
    // Its own role, allowed to write to its own log group only (the managed basic execution role allows every group).
    const role = new iam.Role(this, `${definition.name}-role`, {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Lambda ${functionName}`,
    });
    role.addToPolicy(
      new iam.PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [logGroup.logGroupArn] }),
    );
    return new nodejs.NodejsFunction(this, definition.name, {
      role,
      functionName,
      description: definition.description,
      entry: join(props.rootDir, definition.entry),
      handler: 'handler',
      projectRoot: props.rootDir,
      depsLockFilePath: join(props.rootDir, 'package-lock.json'),
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: 512,
      timeout: timeouts[definition.trigger.kind],
      ...(definition.reservedConcurrency ? { reservedConcurrentExecutions: definition.reservedConcurrency } : {}),
      tracing: lambda.Tracing.ACTIVE,
      logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      applicationLogLevelV2: lambda.ApplicationLogLevel.INFO,
      systemLogLevelV2: lambda.SystemLogLevel.WARN,
      environment: { NODE_OPTIONS: '--enable-source-maps' },
      bundling: {
        forceDockerBundling: false,
        ...lambdaBundling,
        format: nodejs.OutputFormat.ESM,
        mainFields: [...lambdaBundling.mainFields],
        externalModules: [...lambdaBundling.externalModules],
      },
    });
  }
}
