// Must not compile: GetApplicant needs its `id` variable.
import { Client, fetchExchange } from '@urql/core';
import { GetApplicantDocument } from '@scholarvalley/api-client';

const client = new Client({ url: 'https://api.example.com/graphql', exchanges: [fetchExchange] });
export const result = client.query(GetApplicantDocument, {});
