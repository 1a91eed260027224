// One typed GraphQL operation over real HTTP as any caller the API knows: a signed-in user (the token they send:
// their ID token, or their access token as Amplify sends it), the IAM caller (SigV4, as the Lambdas sign), or nobody
// at all (no Authorization header).
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { localStack } from '../../setup/local-stack.ts';
import { authorizationOf, type SignedInUser } from '../../setup/users.ts';
import { postGraphql } from '../../unit/server/support/clients.ts';

export type HttpCaller = SignedInUser | 'iam' | 'anonymous';

export interface HttpAnswer<T> {
  status: number;
  data: T | null;
  errors: Array<{ message: string; errorType?: string | null; path?: unknown; locations?: unknown }>;
}

export async function callAs<T, V extends Record<string, unknown>>(
  caller: HttpCaller,
  document: TypedDocumentNode<T, V>,
  variables: V,
): Promise<HttpAnswer<T>> {
  const auth = caller === 'anonymous' ? {} : caller === 'iam' ? { iam: true } : { token: authorizationOf(caller) };
  const response = await postGraphql(localStack().urls.graphql, { query: print(document), variables }, auth);
  return {
    status: response.status,
    data: (response.body.data ?? null) as T | null,
    errors: (response.body.errors ?? []) as unknown as HttpAnswer<T>['errors'],
  };
}
