import { toJsonValue } from './json.ts';
import { UtilErrorSignal } from './signals.ts';
import type { AppSyncError, EvaluationState } from './types.ts';
import {
  base64Decode,
  base64Encode,
  escapeJavaScript,
  isNull,
  isNullOrBlank,
  isNullOrEmpty,
  matches,
  typeOf,
  urlDecode,
  urlEncode,
} from './util-general.ts';
import { dynamodbUtils } from './util-dynamodb.ts';
import { autoId, autoKsuid, autoUlid } from './util-ids.ts';
import { mathUtils, strUtils } from './util-str-math.ts';
import { toSubscriptionFilter } from './util-subscription-filter.ts';
import { createHttpUtils } from './util-http.ts';
import { timeUtils } from './util-time.ts';
import { xmlUtils } from './util-xml.ts';
import { toElasticsearchQueryDSL } from './util-opensearch.ts';
import { toDynamoDBConditionExpression, toDynamoDBFilterExpression } from './util-transform.ts';

/** Points at the evaluation in progress; handlers run synchronously, so one slot per sandbox suffices. */
export interface StateHolder {
  current: EvaluationState | null;
}

export function currentState(holder: StateHolder): EvaluationState {
  if (!holder.current) throw new Error('This utility can only be called while a request or response handler runs');
  return holder.current;
}

function makeError(message: unknown, errorType?: unknown, data?: unknown, errorInfo?: unknown): AppSyncError {
  return {
    message: String(message),
    errorType: errorType === undefined || errorType === null ? null : String(errorType),
    data: data === undefined ? null : toJsonValue(data),
    errorInfo: errorInfo === undefined ? null : toJsonValue(errorInfo),
  };
}

// Reference: "Runtime utilities / util" (https://docs.aws.amazon.com/appsync/latest/devguide/built-in-util-js.html).
// util.rds is not implemented (no RDS data source here).
export function createUtil(holder: StateHolder) {
  return {
    autoId,
    autoUlid,
    autoKsuid: () => autoKsuid(),
    error(message: unknown, errorType?: unknown, data?: unknown, errorInfo?: unknown): never {
      throw new UtilErrorSignal(makeError(message, errorType, data, errorInfo));
    },
    appendError(message: unknown, errorType?: unknown, data?: unknown, errorInfo?: unknown): void {
      currentState(holder).errors.push(makeError(message, errorType, data, errorInfo));
    },
    // AppSync answers "Not Authorized to access <field> on type <Type>" with errorType "Unauthorized".
    unauthorized(): never {
      const info = holder.current?.info;
      // EvaluateCode may run with no info in its context: AppSync has no field to name then.
      const message = info?.fieldName ? `Not Authorized to access ${info.fieldName} on type ${info.parentTypeName}` : 'Unauthorized';
      throw new UtilErrorSignal(makeError(message, 'Unauthorized'));
    },
    isNull,
    isNullOrEmpty,
    isNullOrBlank,
    defaultIfNull: <T, D>(value: T, fallback: D) => (isNull(value) ? fallback : value),
    defaultIfNullOrEmpty: <T, D>(value: T, fallback: D) => (isNullOrEmpty(value) ? fallback : value),
    defaultIfNullOrBlank: <T, D>(value: T, fallback: D) => (isNullOrBlank(value) ? fallback : value),
    typeOf,
    matches,
    authType: () => currentState(holder).authType,
    escapeJavaScript,
    urlEncode,
    urlDecode,
    base64Encode,
    base64Decode,
    time: timeUtils,
    dynamodb: dynamodbUtils,
    transform: { toDynamoDBFilterExpression, toDynamoDBConditionExpression, toSubscriptionFilter, toElasticsearchQueryDSL },
    xml: xmlUtils,
    http: createHttpUtils(holder),
    str: strUtils,
    math: mathUtils,
  };
}

export type Util = ReturnType<typeof createUtil>;
