// The operations the benchmark measures, each with the DynamoDB requests the design allows (docs/data-model.md).
// `prepare` runs once, unmeasured, and returns the variables of every measured call.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import {
  CreateApplicantDocument,
  DashboardSummaryDocument,
  GetApplicantDocument,
  ListApplicantsDocument,
  ListAuditEventsDocument,
  ListMessagesDocument,
  ListMyApplicantsDocument,
  MarkThreadReadDocument,
  MeDocument,
  SendMessageDocument,
  StaffInboxDocument,
} from '../schema/generated/client/graphql.ts';

export type Persona = 'applicant' | 'staff' | 'admin';

export interface BenchOperation {
  name: string;
  persona: Persona;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  document: TypedDocumentNode<any, any>;
  /** What the design allows, as the DynamoDB API calls of one operation. */
  budget: Record<string, number>;
  variables: (ids: { applicantId: string }) => Record<string, unknown>;
}

const applicantInput = {
  firstName: 'Bench',
  lastName: 'Mark',
  countryOfResidence: 'Ghana',
  studyDestination: 'CANADA',
  levelOfStudy: 'GRADUATE',
  serviceInterest: 'SCHOLARSHIP_SUPPORT',
};

export const benchOperations: BenchOperation[] = [
  { name: 'Me', persona: 'applicant', document: MeDocument, budget: { GetItem: 1 }, variables: () => ({}) },
  {
    name: 'GetApplicant (unassigned)',
    persona: 'applicant',
    document: GetApplicantDocument,
    budget: { GetItem: 2 },
    variables: ({ applicantId }) => ({ id: applicantId }),
  },
  { name: 'ListMyApplicants', persona: 'applicant', document: ListMyApplicantsDocument, budget: { Query: 1 }, variables: () => ({ limit: 20 }) },
  {
    name: 'ListApplicants (DRAFT queue)',
    persona: 'staff',
    document: ListApplicantsDocument,
    // assignedStaff is one GetItem per assigned applicant on the page (at most 20 here).
    budget: { Query: 1, GetItem: 20 },
    variables: () => ({ status: 'DRAFT', limit: 20 }),
  },
  {
    name: 'ListMessages',
    persona: 'applicant',
    document: ListMessagesDocument,
    budget: { GetItem: 1, Query: 1 },
    variables: ({ applicantId }) => ({ applicantId, limit: 20 }),
  },
  { name: 'StaffInbox', persona: 'staff', document: StaffInboxDocument, budget: { Query: 1 }, variables: () => ({ limit: 20 }) },
  { name: 'DashboardSummary', persona: 'staff', document: DashboardSummaryDocument, budget: { GetItem: 1 }, variables: () => ({}) },
  {
    name: 'ListAuditEvents (by resource)',
    persona: 'admin',
    document: ListAuditEventsDocument,
    budget: { Query: 1 },
    variables: ({ applicantId }) => ({ resourceType: 'APPLICANT', resourceId: applicantId, limit: 20 }),
  },
  {
    name: 'CreateApplicant',
    persona: 'applicant',
    document: CreateApplicantDocument,
    budget: { TransactWriteItems: 1 },
    variables: () => ({ input: applicantInput }),
  },
  {
    name: 'SendMessage',
    persona: 'applicant',
    document: SendMessageDocument,
    budget: { GetItem: 1, TransactWriteItems: 1 },
    variables: ({ applicantId }) => ({ input: { applicantId, body: 'Hello from the benchmark' } }),
  },
  {
    name: 'MarkThreadRead',
    persona: 'staff',
    document: MarkThreadReadDocument,
    budget: { GetItem: 1, TransactWriteItems: 1 },
    variables: ({ applicantId }) => ({ applicantId }),
  },
];

export { applicantInput };
