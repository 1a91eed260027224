// Must not compile: IN_REVEIW is not an ApplicantStatus.
import { generateClient } from 'aws-amplify/api';
import { listApplicants } from '@scholarvalley/api-client/amplify';

const client = generateClient();
export const result = client.graphql({ query: listApplicants, variables: { status: 'IN_REVEIW' } });
