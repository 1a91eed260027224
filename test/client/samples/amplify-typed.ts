// Compiles: Amplify JS v6 with the package's typed operation strings; variables and results are typed.
import { generateClient } from 'aws-amplify/api';
import { createApplicant, listApplicants, onApplicantChanged } from '@scholarvalley/api-client/amplify';
import type { ApplicantStatus } from '@scholarvalley/api-client';

const client = generateClient();

export async function inReview(): Promise<ApplicantStatus[]> {
  const { data } = await client.graphql({ query: listApplicants, variables: { status: 'IN_REVIEW', limit: 20 } });
  return data.listApplicants.items.map((applicant) => applicant.status);
}

export async function create(): Promise<number> {
  const { data } = await client.graphql({
    query: createApplicant,
    variables: {
      input: {
        firstName: 'Amina',
        lastName: 'Yusuf',
        countryOfResidence: 'NG',
        studyDestination: 'USA',
        levelOfStudy: 'GRADUATE',
        serviceInterest: 'SCHOLARSHIP_SUPPORT',
      },
    },
  });
  return data.createApplicant.version;
}

export function watch(id: string): () => void {
  const subscription = client.graphql({ query: onApplicantChanged, variables: { id } }).subscribe({
    next: ({ data }) => console.log(data.onApplicantChanged.status),
  });
  return () => subscription.unsubscribe();
}
