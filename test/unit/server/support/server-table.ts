import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { ensureTable } from '../../../../local/emulators/table.ts';
import { awsClientConfig, localStack } from '../../../setup/local-stack.ts';
import { startTokenIssuer, type TokenIssuer } from './token-issuer.ts';

/** A table of the test's own on the shared stack's DynamoDB Local, holding `items`, and a token issuer to sign in with. */
export async function tableWithIssuer(
  tableName: string,
  items: Record<string, unknown>[],
): Promise<{ dynamodb: DynamoDBClient; issuer: TokenIssuer }> {
  const dynamodb = new DynamoDBClient(awsClientConfig(localStack().urls.dynamodb));
  const [, issuer] = await Promise.all([ensureTable(dynamodb, tableName), startTokenIssuer()]);
  for (const item of items) await dynamodb.send(new PutItemCommand({ TableName: tableName, Item: marshall(item) }));
  return { dynamodb, issuer };
}
