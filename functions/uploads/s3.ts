import { S3Client } from '@aws-sdk/client-s3';
import { optionalConfig } from '../shared/config.ts';

/** The documents bucket's client. The endpoint comes from AWS_ENDPOINT_URL_S3 where one is set (the local stack). */
export function createS3Client(): S3Client {
  return new S3Client({ forcePathStyle: optionalConfig('s3ForcePathStyle') === 'true' });
}
