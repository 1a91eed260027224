// Compiles: urql with the package's TypedDocumentNode documents; variables and results are typed (docs/frontend.md).
import { Client, cacheExchange, fetchExchange } from '@urql/core';
import { fetchAuthSession } from 'aws-amplify/auth';
import { ListApplicantsDocument, OnApplicantChangedDocument, type ApplicantStatus } from '@scholarvalley/api-client';

const client = new Client({
  url: 'https://api.example.com/graphql',
  exchanges: [cacheExchange, fetchExchange],
  fetch: async (input, init) => {
    const { tokens } = await fetchAuthSession();
    const headers = new Headers(init?.headers);
    headers.set('Authorization', tokens?.accessToken.toString() ?? '');
    return fetch(input, { ...init, headers });
  },
});

export async function inReview(): Promise<ApplicantStatus[]> {
  const result = await client.query(ListApplicantsDocument, { status: 'IN_REVIEW', limit: 20 }).toPromise();
  return result.data?.listApplicants.items.map((applicant) => applicant.status) ?? [];
}

export function watch(id: string) {
  return client.subscription(OnApplicantChangedDocument, { id }).subscribe((result) => {
    console.log(result.data?.onApplicantChanged?.status);
  });
}
