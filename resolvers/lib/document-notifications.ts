// The "document not accepted" email's ctx.stash.notification (shape: functions/email/template-data.ts), left both by
// a staff rejection (decideDocument) and by a failed upload check (writeDocumentLanded).

export function documentRejectedNotification(
  document: { id: string; applicantId: string; fileName: string },
  recipientId: string,
  reason: string,
) {
  return {
    topic: 'DOCUMENT_REJECTED',
    recipientId,
    applicantId: document.applicantId,
    documentId: document.id,
    fileName: document.fileName,
    reason,
  };
}
