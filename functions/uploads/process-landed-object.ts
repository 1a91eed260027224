// What happens to one object that landed under the staging prefix (uploads/): its bytes are checked against the type
// the upload attempt declared, a good file is copied to a key of its own under applicants/, and the outcome is
// reported to the API through the IAM mutations, so the document item changes in one audited transaction (only while
// it is PENDING_UPLOAD and waiting for this attempt) and onDocumentChanged subscribers hear it. The staging object is
// removed once handled. A decided document's file is never written or removed here: the only file-key object this
// ever deletes is the copy it has just written, when the API answered that no document records it.
import { DeleteObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { Logger } from '@aws-lambda-powertools/logger';
import { ulid } from 'ulid';
import { MarkDocumentRejectedDocument, MarkDocumentUploadedDocument } from '../../schema/generated/client/graphql.ts';
import { documentFileKey } from '../../resolvers/lib/keys.ts';
import { documentMimeTypes } from '../../resolvers/lib/uploads.ts';
import { GraphqlRequestError, type IamGraphqlClient } from '../shared/appsync-iam-client.ts';
import { inspectObject } from './inspect-object.ts';
import { parseUploadStagingKey } from './object-key.ts';

export interface LandedObjectDeps {
  s3: S3Client;
  api: IamGraphqlClient;
  logger: Logger;
  /** A new landing id (a ULID) for each accepted file. */
  newLandingId?: () => string;
}

export type LandedOutcome =
  | 'uploaded'
  | 'rejected'
  /** The key is not a staged upload's (a document file, anything else), or the object is gone already. */
  | 'ignored'
  /** No pending document owns the upload (never issued, expired or deleted): the staged object was removed. */
  | 'orphan-removed'
  /** The document is decided already or waits for another attempt: the staged object was removed, its file kept. */
  | 'already-decided';

async function removeObject(deps: LandedObjectDeps, bucket: string, key: string): Promise<void> {
  await deps.s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
}

function errorTypeOf(error: unknown): string | undefined {
  return error instanceof GraphqlRequestError ? error.errorType : undefined;
}

/** The API answered that it wrote nothing for this report. */
const refusedTypes = new Set(['NotFound', 'ConflictError']);

export async function processLandedObject(deps: LandedObjectDeps, bucket: string, key: string): Promise<LandedOutcome> {
  const upload = parseUploadStagingKey(key);
  if (!upload) {
    deps.logger.warn('object is not a staged upload, left alone', { bucket });
    return 'ignored';
  }
  const { applicantId, documentId, uploadId, contentType } = upload;
  const ids = { applicantId, documentId, uploadId };
  const inspection = await inspectObject(deps.s3, bucket, key, contentType);
  if (!inspection) {
    deps.logger.info('staged upload already gone', ids);
    return 'ignored';
  }
  try {
    if (inspection.accepted) {
      const objectKey = documentFileKey(applicantId, documentId, (deps.newLandingId ?? ulid)());
      await deps.s3.send(
        new PutObjectCommand({ Bucket: bucket, Key: objectKey, Body: inspection.bytes, ContentType: documentMimeTypes[contentType] }),
      );
      try {
        await deps.api.execute(MarkDocumentUploadedDocument, {
          input: { ...ids, contentType, objectKey, sizeBytes: inspection.sizeBytes },
        });
      } catch (error) {
        // Only on a definite refusal: after any other failure the item may record this key after all.
        if (refusedTypes.has(errorTypeOf(error) ?? '')) await removeObject(deps, bucket, objectKey);
        throw error;
      }
      await removeObject(deps, bucket, key);
      deps.logger.info('document uploaded', { ...ids, sizeBytes: inspection.sizeBytes });
      return 'uploaded';
    }
    await deps.api.execute(MarkDocumentRejectedDocument, {
      input: { ...ids, reason: inspection.reason, sizeBytes: inspection.sizeBytes },
    });
    await removeObject(deps, bucket, key);
    deps.logger.info('document rejected', { ...ids, sizeBytes: inspection.sizeBytes });
    return 'rejected';
  } catch (error) {
    const type = errorTypeOf(error);
    if (type === 'NotFound') {
      await removeObject(deps, bucket, key);
      deps.logger.warn('no pending document for this upload; removed the staged object', ids);
      return 'orphan-removed';
    }
    if (type === 'ConflictError') {
      await removeObject(deps, bucket, key);
      deps.logger.warn('document already decided or waiting for another upload; removed the staged object', {
        ...ids,
        replacementAccepted: inspection.accepted,
      });
      return 'already-decided';
    }
    throw error;
  }
}
