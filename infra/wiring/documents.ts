import { pipeline, type PipelineFunctionWiring, type ResolverWiring } from './types.ts';

export const documentResolvers: ResolverWiring[] = [
  pipeline('Query', 'listDocuments', ['loadAccessibleApplicant', 'listApplicantItems']),
  pipeline('Query', 'documentDownloadUrl', ['loadDownloadableDocument', 'presignDocumentDownload']),
  pipeline('Mutation', 'requestDocumentUpload', ['loadAccessibleApplicant', 'writeDocumentIntent', 'presignDocumentUpload']),
  pipeline('Mutation', 'reviewDocument', ['loadAccessibleDocument', 'decideDocument', 'sendNotification']),
  pipeline('Mutation', 'deleteDocument', ['loadAccessibleDocument', 'removeDocument', 'removeDocumentObject']),
  pipeline('Mutation', 'markDocumentUploaded', ['loadLandedDocument', 'writeDocumentLanded']),
  pipeline('Mutation', 'markDocumentRejected', ['loadLandedDocument', 'writeDocumentLanded', 'sendNotification']),
  pipeline('Subscription', 'onDocumentChanged', ['loadAccessibleApplicant']),
];

export const documentFunctions: PipelineFunctionWiring[] = [
  /** Shared by every list of the items under an applicant (documents, reviews, eligibility checks). */
  { name: 'listApplicantItems', dataSource: 'table' },
  { name: 'loadAccessibleDocument', dataSource: 'table' },
  { name: 'decideDocument', dataSource: 'table' },
  { name: 'removeDocument', dataSource: 'table' },
  // Uploads and downloads (issue 5): the item is written before the URL is signed.
  { name: 'writeDocumentIntent', dataSource: 'table' },
  { name: 'presignDocumentUpload', dataSource: 'uploads' },
  { name: 'loadDownloadableDocument', dataSource: 'table' },
  { name: 'presignDocumentDownload', dataSource: 'uploads' },
  { name: 'loadLandedDocument', dataSource: 'table' },
  { name: 'writeDocumentLanded', dataSource: 'table' },
  { name: 'removeDocumentObject', dataSource: 'uploads' },
];
