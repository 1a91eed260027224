// Document upload rules, shared by the resolvers (bundled in) and the upload Lambdas (imported as plain TypeScript):
// what may be uploaded, how large, and how long each URL and intent lives.

/** At most 20 MB per document. */
export const maxDocumentBytes = 20 * 1024 * 1024;

/** The MIME type a document of each DocumentContentType is uploaded and served with. */
export const documentMimeTypes: Record<string, string> = {
  PDF: 'application/pdf',
  DOC: 'application/msword',
  DOCX: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  JPEG: 'image/jpeg',
  PNG: 'image/png',
  HEIC: 'image/heic',
};

/** A presigned POST is valid 15 minutes. */
export const uploadUrlSeconds = 15 * 60;

/** A document never uploaded is removed by TTL 24 hours after its upload URL was issued. */
export const pendingUploadSeconds = 24 * 60 * 60;

/** A presigned GET is valid 5 minutes. */
export const downloadUrlSeconds = 5 * 60;

/** Only a file that landed and passed the checks can be downloaded. */
export const downloadableStatuses = ['UPLOADED', 'ACCEPTED'];

export const maxFileNameLength = 255;
