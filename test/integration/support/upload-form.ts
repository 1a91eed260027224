// What a browser does with the presigned POST that requestDocumentUpload returns: every form field, in order, then
// the file as the last field, posted to the bucket (the local S3, whose ObjectCreated event runs the upload handler).
import type { RequestDocumentUploadMutation } from '../../../schema/generated/client/graphql.ts';

export type DocumentUpload = RequestDocumentUploadMutation['requestDocumentUpload'];

/** A small, well-formed PDF: the upload handler checks the magic bytes against the declared type. */
export const samplePdf = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

export async function postToPresignedForm(upload: DocumentUpload, bytes: Buffer, fileName: string): Promise<Response> {
  const fields = JSON.parse(upload.fields) as Record<string, string>;
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('file', new Blob([bytes], { type: fields['Content-Type'] }), fileName);
  return fetch(upload.url, { method: 'POST', body: form });
}
