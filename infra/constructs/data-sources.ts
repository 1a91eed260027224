import * as appsync from 'aws-cdk-lib/aws-appsync';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import type { DataTable } from './data-table.ts';

// CDK's DynamoDbDataSource and LambdaDataSource grant more than AppSync needs (Scan and `index/*`, and every version
// of the function); these two declare the same data sources with grants that name each resource.

/** The single table as an AppSync data source: item reads and writes and Query on the named indexes, never Scan. */
export class TableDataSource extends appsync.BackedDataSource {
  constructor(scope: Construct, id: string, props: { api: appsync.IGraphqlApi; name: string; table: DataTable }) {
    super(
      scope,
      id,
      { api: props.api, name: props.name, description: 'The single DynamoDB table' },
      { type: 'AMAZON_DYNAMODB', dynamoDbConfig: { tableName: props.table.table.tableName, awsRegion: props.table.table.env.region } },
    );
    for (const statement of props.table.statements('readWrite')) this.grantPrincipal.addToPrincipalPolicy(statement);
  }
}

/** One Lambda as an AppSync data source; AppSync may invoke exactly that function. */
export class FunctionDataSource extends appsync.BackedDataSource {
  constructor(scope: Construct, id: string, props: { api: appsync.IGraphqlApi; name: string; handler: lambda.IFunction }) {
    super(
      scope,
      id,
      { api: props.api, name: props.name, description: `Lambda ${props.handler.node.id}` },
      { type: 'AWS_LAMBDA', lambdaConfig: { lambdaFunctionArn: props.handler.functionArn } },
    );
    this.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [props.handler.functionArn] }),
    );
  }
}
