// Must not compile: IN_REVEIW is not an ApplicantStatus.
import { Client, fetchExchange } from '@urql/core';
import { ListApplicantsDocument } from '@scholarvalley/api-client';

const client = new Client({ url: 'https://api.example.com/graphql', exchanges: [fetchExchange] });
export const result = client.query(ListApplicantsDocument, { status: 'IN_REVEIW' });
