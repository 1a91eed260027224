import {
  QueryCommand,
  ScanCommand,
  type QueryCommandOutput,
  type ScanCommandOutput,
  type Select,
} from '@aws-sdk/client-dynamodb';
import { asExpression, expressionAttributes, type DynamoDbCall, type Request } from './dynamodb-call.ts';
import { fromItem } from './dynamodb-values.ts';
import { openNextToken, sealNextToken } from './page-tokens.ts';
import type { DataSourceResult } from './types.ts';

// Query and Scan. Reference: "AWS AppSync JavaScript resolver function reference for DynamoDB" → Query / Scan
// (https://docs.aws.amazon.com/appsync/latest/devguide/js-resolver-reference-dynamodb.html): the result is
// { items, nextToken, scannedCount }, items converted to plain JSON, nextToken null on the last page.

function readParameters(call: DynamoDbCall, request: Request) {
  const filter = asExpression(request.filter);
  const projection = asExpression(request.projection);
  return {
    parts: [filter, projection],
    input: {
      TableName: call.tableName,
      IndexName: request.index as string | undefined,
      Limit: request.limit as number | undefined,
      ExclusiveStartKey: openNextToken(request.nextToken, call.tableName, request.index),
      ConsistentRead: request.consistentRead as boolean | undefined,
      Select: request.select as Select | undefined,
      FilterExpression: filter?.expression,
      ProjectionExpression: projection?.expression,
    },
  };
}

function toPage(call: DynamoDbCall, request: Request, output: QueryCommandOutput | ScanCommandOutput): DataSourceResult {
  return {
    result: {
      items: (output.Items ?? []).map((item) => fromItem(item)),
      nextToken: sealNextToken(output.LastEvaluatedKey, call.tableName, request.index),
      scannedCount: output.ScannedCount ?? 0,
    },
  };
}

export async function query(call: DynamoDbCall, request: Request): Promise<DataSourceResult> {
  const keyCondition = asExpression(request.query);
  const { parts, input } = readParameters(call, request);
  const output = await call.send<QueryCommandOutput>(
    'Query',
    new QueryCommand({
      ...input,
      KeyConditionExpression: keyCondition?.expression,
      ScanIndexForward: request.scanIndexForward as boolean | undefined,
      ...expressionAttributes(keyCondition, ...parts),
    }),
  );
  return toPage(call, request, output);
}

export async function scan(call: DynamoDbCall, request: Request): Promise<DataSourceResult> {
  const { parts, input } = readParameters(call, request);
  const output = await call.send<ScanCommandOutput>(
    'Scan',
    new ScanCommand({
      ...input,
      Segment: request.segment as number | undefined,
      TotalSegments: request.totalSegments as number | undefined,
      ...expressionAttributes(...parts),
    }),
  );
  return toPage(call, request, output);
}
