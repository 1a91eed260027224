// Must not compile: CreateApplicantInput requires serviceInterest.
import { generateClient } from 'aws-amplify/api';
import { createApplicant } from '@scholarvalley/api-client/amplify';

const client = generateClient();
export const result = client.graphql({
  query: createApplicant,
  variables: {
    input: { firstName: 'A', lastName: 'B', countryOfResidence: 'NG', studyDestination: 'USA', levelOfStudy: 'GRADUATE' },
  },
});
