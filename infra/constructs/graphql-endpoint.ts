import { RemovalPolicy } from 'aws-cdk-lib';
import * as appsync from 'aws-cdk-lib/aws-appsync';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import { resolverCode, type BundleLocator } from '../resolver-code.ts';
import { queryDepthLimit, resolverCountLimit } from '../wiring/limits.ts';
import { functionSource, resolverSource, type DataSourceName, type Wiring } from '../wiring/types.ts';
import { validateWiring } from '../wiring/validate.ts';
import { FunctionDataSource, TableDataSource } from './data-sources.ts';
import type { DataTable } from './data-table.ts';

export interface GraphqlEndpointProps {
  stage: string;
  schemaFile: string;
  userPool: cognito.IUserPool;
  table: DataTable;
  /** The Lambda behind each Lambda data source that is deployed. */
  lambdaDataSources: Map<DataSourceName, lambda.IFunction>;
  wiring: Wiring;
  locateBundle: BundleLocator;
  logRetentionDays: number;
  retainData: boolean;
  wafRateLimit: number;
}

/**
 * The AppSync GraphQL API: the schema, user pools (default) and IAM auth, one resolver per row of the wiring table
 * (validated by infra/wiring/validate.ts) on APPSYNC_JS, a query depth and resolver count limit, error-level logging with a retention, X-Ray, and a WAF web ACL with a per-IP rate limit.
 */
export class GraphqlEndpoint extends Construct {
  readonly api: appsync.GraphqlApi;
  readonly dataSources = new Map<DataSourceName, appsync.BaseDataSource>();
  readonly resolvers: appsync.Resolver[] = [];
  readonly functions = new Map<string, appsync.AppsyncFunction>();
  readonly webAcl: wafv2.CfnWebACL;

  constructor(scope: Construct, id: string, props: GraphqlEndpointProps) {
    super(scope, id);
    const logRole = new iam.Role(this, 'LogRole', {
      assumedBy: new iam.ServicePrincipal('appsync.amazonaws.com'),
      description: 'AppSync writes its field logs to the API log group',
    });
    this.api = new appsync.GraphqlApi(this, 'Api', {
      name: `scholarvalley-${props.stage}`,
      definition: appsync.Definition.fromFile(props.schemaFile),
      authorizationConfig: {
        defaultAuthorization: {
          authorizationType: appsync.AuthorizationType.USER_POOL,
          userPoolConfig: { userPool: props.userPool },
        },
        additionalAuthorizationModes: [{ authorizationType: appsync.AuthorizationType.IAM }],
      },
      xrayEnabled: true,
      // Resolvers read the table name from ctx.env (resolvers/lib/context.ts): transactions must name their table.
      environmentVariables: { TABLE_NAME: props.table.table.tableName },
      introspectionConfig: props.stage === 'prod' ? appsync.IntrospectionConfig.DISABLED : appsync.IntrospectionConfig.ENABLED,
      // The cost bound per request; the local server enforces the same values (local/server/request-limits.ts).
      queryDepthLimit,
      resolverCountLimit,
    });
    // Logging is set on the CloudFormation resource: the L2 `logConfig` adds a LogRetention custom resource (a Lambda
    // allowed to change every log group). Verbose content (arguments, resolved data) would copy applicants' personal
    // details into the logs, so it is left out.
    (this.api.node.defaultChild as appsync.CfnGraphQLApi).logConfig = {
      cloudWatchLogsRoleArn: logRole.roleArn,
      fieldLogLevel: appsync.FieldLogLevel.ERROR,
      excludeVerboseContent: true,
    };
    // The group AppSync logs to, created here with a retention (AppSync would create it without one).
    const logGroup = new logs.LogGroup(this, 'Logs', {
      logGroupName: `/aws/appsync/apis/${this.api.apiId}`,
      retention: props.logRetentionDays,
      removalPolicy: props.retainData ? RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE : RemovalPolicy.DESTROY,
    });
    logRole.addToPolicy(
      new iam.PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [logGroup.logGroupArn] }),
    );

    this.createDataSources(props);
    this.createResolvers(props);
    this.webAcl = this.protectWithWaf(props);
  }

  private createDataSources(props: GraphqlEndpointProps): void {
    this.dataSources.set('table', new TableDataSource(this, 'TableSource', { api: this.api, name: 'table', table: props.table }));
    this.dataSources.set('none', new appsync.NoneDataSource(this, 'NoneSource', { api: this.api, name: 'none' }));
    for (const [name, handler] of props.lambdaDataSources) {
      this.dataSources.set(name, new FunctionDataSource(this, `${name}-source`, { api: this.api, name, handler }));
    }
  }

  private dataSource(name: DataSourceName): appsync.BaseDataSource {
    const source = this.dataSources.get(name);
    if (!source) throw new Error(`The "${name}" data source is not deployed`);
    return source;
  }

  private createResolvers(props: GraphqlEndpointProps): void {
    validateWiring(props.wiring, new Set(this.dataSources.keys()));
    const declared = new Map(props.wiring.pipelineFunctions.map((f) => [f.name, f]));
    const pipelineFunction = (name: string): appsync.AppsyncFunction => {
      const existing = this.functions.get(name);
      if (existing) return existing;
      const created = new appsync.AppsyncFunction(this, `Function-${name}`, {
        api: this.api,
        name,
        dataSource: this.dataSource(declared.get(name)!.dataSource),
        runtime: appsync.FunctionRuntime.JS_1_0_0,
        code: resolverCode(functionSource(name), props.locateBundle),
      });
      this.functions.set(name, created);
      return created;
    };

    for (const wiring of props.wiring.resolvers) {
      const common = {
        api: this.api,
        typeName: wiring.typeName,
        fieldName: wiring.fieldName,
        runtime: appsync.FunctionRuntime.JS_1_0_0,
        code: resolverCode(resolverSource(wiring), props.locateBundle),
      };
      const id = `Resolver-${wiring.typeName}-${wiring.fieldName}`;
      this.resolvers.push(
        wiring.kind === 'UNIT'
          ? new appsync.Resolver(this, id, { ...common, dataSource: this.dataSource(wiring.dataSource) })
          : new appsync.Resolver(this, id, { ...common, pipelineConfig: wiring.functions.map(pipelineFunction) }),
      );
    }
  }

  private protectWithWaf(props: GraphqlEndpointProps): wafv2.CfnWebACL {
    const visibility = (metricName: string) => ({ cloudWatchMetricsEnabled: true, metricName, sampledRequestsEnabled: true });
    const webAcl = new wafv2.CfnWebACL(this, 'WebAcl', {
      name: `scholarvalley-${props.stage}-api`,
      scope: 'REGIONAL',
      defaultAction: { allow: {} },
      visibilityConfig: visibility(`scholarvalley-${props.stage}-api`),
      rules: [
        {
          name: 'rate-limit-per-ip',
          priority: 0,
          action: { block: {} },
          statement: { rateBasedStatement: { limit: props.wafRateLimit, aggregateKeyType: 'IP', evaluationWindowSec: 300 } },
          visibilityConfig: visibility('rate-limit-per-ip'),
        },
        {
          name: 'aws-ip-reputation',
          priority: 1,
          overrideAction: { none: {} },
          statement: { managedRuleGroupStatement: { vendorName: 'AWS', name: 'AWSManagedRulesAmazonIpReputationList' } },
          visibilityConfig: visibility('aws-ip-reputation'),
        },
      ],
    });
    new wafv2.CfnWebACLAssociation(this, 'WebAclAssociation', { resourceArn: this.api.arn, webAclArn: webAcl.attrArn });
    return webAcl;
  }
}
