import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DataSourceError } from './types.ts';
import { toAttributeValue } from './dynamodb-values.ts';

/** Any SDK command object (GetItemCommand, QueryCommand, …). */
export interface SdkCommand {
  readonly input: object;
}

/** What every DynamoDB operation handler needs: the table, and a counted way to send commands. */
export interface DynamoDbCall {
  tableName: string;
  send<Output>(operation: string, command: SdkCommand): Promise<Output>;
}

/** `{ expression, expressionNames?, expressionValues? }` as the request objects carry them. */
export interface ExpressionInput {
  expression?: string;
  expressionNames?: Record<string, string>;
  expressionValues?: Record<string, unknown>;
}

export type Request = Record<string, unknown>;

/**
 * DynamoDB takes one names map and one values map per call, while AppSync requests carry them per expression
 * (update, condition, filter, projection). Merge them; a placeholder reused with another meaning is an error.
 */
export function expressionAttributes(...parts: (ExpressionInput | undefined)[]): {
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: Record<string, AttributeValue>;
} {
  const names: Record<string, string> = {};
  const values: Record<string, AttributeValue> = {};
  for (const part of parts) {
    for (const [placeholder, name] of Object.entries(part?.expressionNames ?? {})) {
      if (placeholder in names && names[placeholder] !== name) throw conflict(placeholder);
      names[placeholder] = name;
    }
    for (const [placeholder, value] of Object.entries(part?.expressionValues ?? {})) {
      const converted = toAttributeValue(value);
      if (placeholder in values && JSON.stringify(values[placeholder]) !== JSON.stringify(converted)) throw conflict(placeholder);
      values[placeholder] = converted;
    }
  }
  return {
    ExpressionAttributeNames: Object.keys(names).length ? names : undefined,
    ExpressionAttributeValues: Object.keys(values).length ? values : undefined,
  };
}

function conflict(placeholder: string): Error {
  return Object.assign(new Error(`Expression placeholder ${placeholder} is defined twice with different values`), {
    name: 'ValidationException',
  });
}

/** AppSync prefixes the DynamoDB error code: `DynamoDB:ConditionalCheckFailedException`. */
export function toDataSourceError(error: unknown): DataSourceError {
  const { name, message } = (error ?? {}) as { name?: string; message?: string };
  return { message: message ?? String(error), type: `DynamoDB:${name && name !== 'Error' ? name : 'DynamoDbException'}` };
}

export function asExpression(value: unknown): ExpressionInput | undefined {
  return value !== null && typeof value === 'object' ? (value as ExpressionInput) : undefined;
}
