import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { documentObjectKey } from '../../resolvers/lib/keys.ts';
import { documentMimeTypes, downloadUrlSeconds } from '../../resolvers/lib/uploads.ts';

export interface DownloadRequest {
  applicantId: string;
  documentId: string;
  /** The key the document's item records; documents copied from the legacy system record none. */
  objectKey?: string | null;
  fileName: string;
  contentType: string;
}

/**
 * A Content-Disposition that saves the file under its original name (RFC 6266): an ASCII `filename` fallback for
 * old clients, and the exact name as UTF-8 in `filename*` (RFC 8187 percent-encoding).
 */
export function attachmentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** A presigned GET valid 5 minutes that downloads the document under its original file name. */
export async function presignDocumentDownload(
  s3: S3Client,
  bucket: string,
  request: DownloadRequest,
  now: Date = new Date(),
): Promise<{ url: string; expiresAt: string }> {
  const command = new GetObjectCommand({
    Bucket: bucket,
    Key: request.objectKey ?? documentObjectKey(request.applicantId, request.documentId),
    ResponseContentDisposition: attachmentDisposition(request.fileName),
    ...(documentMimeTypes[request.contentType] ? { ResponseContentType: documentMimeTypes[request.contentType] } : {}),
  });
  const url = await getSignedUrl(s3, command, { expiresIn: downloadUrlSeconds, signingDate: now });
  return { url, expiresAt: new Date(now.getTime() + downloadUrlSeconds * 1000).toISOString() };
}
