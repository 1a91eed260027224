// S3 ObjectCreated notifications of the documents bucket (infra/lambdas.ts `upload-landed`). S3 invokes this Lambda
// asynchronously: a thrown error is retried by Lambda, then goes to the function's failure destination.
import { requireConfig } from '../shared/config.ts';
import { awsRegion } from '../shared/aws-region.ts';
import { createIamGraphqlClient } from '../shared/appsync-iam-client.ts';
import { createLogger, withContext, type LambdaContext } from '../shared/logger.ts';
import { once } from '../shared/once.ts';
import { decodeEventKey } from './object-key.ts';
import { processLandedObject, type LandedOutcome } from './process-landed-object.ts';
import { createS3Client } from './s3.ts';

/** The part of an S3 event notification record this handler reads. */
export interface S3NotificationRecord {
  eventName: string;
  s3: { bucket: { name: string }; object: { key: string; size?: number } };
}

export interface S3Notification {
  Records?: S3NotificationRecord[];
}

const logger = createLogger('upload-landed');
const deps = once(() => ({
  s3: createS3Client(),
  api: createIamGraphqlClient({ url: requireConfig('graphqlUrl'), region: awsRegion() }),
  logger,
}));

export async function handler(event: S3Notification, context?: LambdaContext): Promise<{ outcomes: LandedOutcome[] }> {
  withContext(logger, context);
  const outcomes: LandedOutcome[] = [];
  for (const record of event.Records ?? []) {
    if (!record.eventName.startsWith('ObjectCreated:')) continue;
    const key = decodeEventKey(record.s3.object.key);
    if (key === null) {
      logger.warn('undecodable object key, left alone', { bucket: record.s3.bucket.name });
      outcomes.push('ignored');
      continue;
    }
    outcomes.push(await processLandedObject(deps(), record.s3.bucket.name, key));
  }
  return { outcomes };
}
