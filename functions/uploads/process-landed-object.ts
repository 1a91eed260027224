// What happens to one object that landed in the documents bucket: inspected, then reported to the API through the
// IAM mutations, so the document item changes in one audited transaction and onDocumentChanged subscribers hear it.
import { DeleteObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { Logger } from '@aws-lambda-powertools/logger';
import { MarkDocumentRejectedDocument, MarkDocumentUploadedDocument } from '../../schema/generated/client/graphql.ts';
import { GraphqlRequestError, type IamGraphqlClient } from '../shared/appsync-iam-client.ts';
import { inspectObject } from './inspect-object.ts';
import { parseDocumentObjectKey } from './object-key.ts';

export interface LandedObjectDeps {
  s3: S3Client;
  api: IamGraphqlClient;
  logger: Logger;
}

export type LandedOutcome =
  | 'uploaded'
  | 'rejected'
  /** The key is not a document's, or the object is gone already. */
  | 'ignored'
  /** No pending document owns the key (never issued, expired or deleted): the object was removed. */
  | 'orphan-removed'
  /** The document was decided by an earlier delivery of this event; a file that fails the checks was removed. */
  | 'already-decided';

async function removeObject(deps: LandedObjectDeps, bucket: string, key: string): Promise<void> {
  await deps.s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
}

function errorTypeOf(error: unknown): string | undefined {
  return error instanceof GraphqlRequestError ? error.errorType : undefined;
}

export async function processLandedObject(deps: LandedObjectDeps, bucket: string, key: string): Promise<LandedOutcome> {
  const ids = parseDocumentObjectKey(key);
  if (!ids) {
    deps.logger.warn('object is not a document, left alone', { bucket });
    return 'ignored';
  }
  const inspection = await inspectObject(deps.s3, bucket, key);
  if (!inspection) {
    deps.logger.info('object already gone', ids);
    return 'ignored';
  }
  try {
    if (inspection.accepted) {
      await deps.api.execute(MarkDocumentUploadedDocument, { input: { ...ids, sizeBytes: inspection.sizeBytes } });
      deps.logger.info('document uploaded', { ...ids, sizeBytes: inspection.sizeBytes });
      return 'uploaded';
    }
    await deps.api.execute(MarkDocumentRejectedDocument, {
      input: { ...ids, reason: inspection.reason, sizeBytes: inspection.sizeBytes },
    });
    // A file that failed the checks is never served, so it is not kept either.
    await removeObject(deps, bucket, key);
    deps.logger.info('document rejected', { ...ids, sizeBytes: inspection.sizeBytes });
    return 'rejected';
  } catch (error) {
    const type = errorTypeOf(error);
    if (type === 'NotFound') {
      await removeObject(deps, bucket, key);
      deps.logger.warn('no pending document for this object; removed it', ids);
      return 'orphan-removed';
    }
    if (type === 'ConflictError') {
      // S3 delivers events at least once, and a presigned POST can be used again within its 15 minutes: a file
      // that replaces one already decided is checked too, and removed when it fails.
      if (!inspection.accepted) await removeObject(deps, bucket, key);
      deps.logger.warn('document already decided', { ...ids, replacementAccepted: inspection.accepted });
      return 'already-decided';
    }
    throw error;
  }
}
