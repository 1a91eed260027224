import { Logger } from '@aws-lambda-powertools/logger';

/** The Lambda context as the runtime passes it (what Powertools reads from it: request id, function name, ...). */
export type LambdaContext = Parameters<Logger['addContext']>[0];

/**
 * A structured JSON logger for one Lambda. Log ids (applicant, document, payment, user sub, Stripe event), never
 * secrets, tokens, email addresses, names or file names. POWERTOOLS_LOG_LEVEL sets the level (default INFO).
 */
export function createLogger(serviceName: string): Logger {
  return new Logger({ serviceName });
}

/** Adds the invocation's request id and function details to the log lines that follow (when the runtime gave them). */
export function withContext(logger: Logger, context: LambdaContext | undefined): void {
  if (context && typeof context === 'object' && 'awsRequestId' in context) logger.addContext(context);
}

/** The message of anything thrown, for a log line (never the stack of a third-party error carrying a request). */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
