// Must not compile: getApplicant needs its `id` variable.
import { generateClient } from 'aws-amplify/api';
import { getApplicant } from '@scholarvalley/api-client/amplify';

const client = generateClient();
export const result = client.graphql({ query: getApplicant, variables: {} });
