import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  createDynamoDbDataSource,
  createLambdaDataSource,
  createNoneDataSource,
  type DataSource,
  type DataSourceInvocation,
  type DynamoDbDataSourceOptions,
  type LambdaHandler,
} from '../appsync/index.ts';
import { lambdaDataSources, type DataSourceName } from '../../infra/wiring/index.ts';

// The API's data sources (infra/wiring/types.ts DataSourceName): `table` is the DynamoDB table, `none` the NONE data
// source, and each Lambda data source runs its handler in-process. A Lambda data source without a handler answers
// every call with ctx.error, the way AppSync reports a Lambda that fails.

export type LambdaName = (typeof lambdaDataSources)[number];

export interface DataSourceOptions {
  dynamodb: DynamoDBClient;
  tableName: string;
  lambdaHandlers?: Partial<Record<LambdaName, LambdaHandler>>;
  onDynamoDbRequest?: (operation: string, invocation: DataSourceInvocation, input: unknown) => void;
  /** Opt-in DynamoDB transaction conflicts (local/appsync/dynamodb-transact-ops.ts). */
  transactionConflicts?: DynamoDbDataSourceOptions['transactionConflicts'];
}

function missingLambda(name: string): DataSource {
  return {
    async invoke() {
      return {
        result: null,
        error: { message: `The '${name}' Lambda data source has no handler in the local runtime`, type: 'Lambda:Unhandled' },
      };
    },
  };
}

export function createDataSources(options: DataSourceOptions): Record<DataSourceName, DataSource> {
  const lambdas = Object.fromEntries(
    lambdaDataSources.map((name) => {
      const handler = options.lambdaHandlers?.[name];
      return [name, handler ? createLambdaDataSource(handler) : missingLambda(name)];
    }),
  ) as Record<LambdaName, DataSource>;
  return {
    table: createDynamoDbDataSource({
      client: options.dynamodb,
      tableName: options.tableName,
      onRequest: options.onDynamoDbRequest,
      transactionConflicts: options.transactionConflicts,
    }),
    none: createNoneDataSource(),
    ...lambdas,
  };
}
