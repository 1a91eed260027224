import { unit, type PipelineFunctionWiring, type ResolverWiring } from './types.ts';

export const documentResolvers: ResolverWiring[] = [
  unit('Query', 'listDocuments', 'table', { issue: 4 }),
  unit('Query', 'documentDownloadUrl', 'uploads', { issue: 5 }),
  unit('Mutation', 'requestDocumentUpload', 'uploads', { issue: 5 }),
  unit('Mutation', 'reviewDocument', 'table', { issue: 4 }),
  unit('Mutation', 'deleteDocument', 'table', { issue: 4 }),
  unit('Mutation', 'markDocumentUploaded', 'table', { issue: 5 }),
  unit('Mutation', 'markDocumentRejected', 'table', { issue: 5 }),
  unit('Subscription', 'onDocumentChanged', 'none', { issue: 4 }),
];

export const documentFunctions: PipelineFunctionWiring[] = [];
