// Staff decisions on uploaded documents.

/** A document can be decided once its file has landed; a decision can be changed later. */
export const reviewableDocumentStatuses = ['UPLOADED', 'ACCEPTED', 'REJECTED'];

export const maxRejectionReasonLength = 500;

/** Why this decision cannot be made on the document as it is, or null when it can. */
export function decisionRefusal(document: { status: string; scanStatus?: string }, decision: string): string | null {
  if (!reviewableDocumentStatuses.includes(document.status)) {
    return `Document status cannot change from ${document.status} to ${decision}: only a document whose file has landed (UPLOADED, ACCEPTED or REJECTED) is reviewed`;
  }
  if (decision === 'ACCEPTED' && document.scanStatus === 'INFECTED') {
    return `Document status cannot change from ${document.status} to ACCEPTED: its malware scan found it INFECTED`;
  }
  return null;
}
