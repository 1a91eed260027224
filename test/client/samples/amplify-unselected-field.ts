// Must not compile: ListApplicants does not select `email` (and Applicant has none).
import { generateClient } from 'aws-amplify/api';
import { listApplicants } from '@scholarvalley/api-client/amplify';

const client = generateClient();
export async function emails(): Promise<string[]> {
  const { data } = await client.graphql({ query: listApplicants, variables: {} });
  return data.listApplicants.items.map((applicant) => applicant.email);
}
