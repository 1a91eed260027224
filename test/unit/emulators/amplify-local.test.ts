// A frontend's view of the local stack: Amplify JS v6, configured from the amplify_outputs.json the stack wrote (plus
// the local Cognito endpoint from its custom.local section), signs in against cognito-local with USER_PASSWORD_AUTH
// (the legacy migration's flow) and with its default, SRP, refreshes the tokens, and receives a subscription event
// over wss:// trusting only the local CA.
import { readFile } from 'node:fs/promises';
import { QueryCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { Amplify } from 'aws-amplify';
import { generateClient, type GraphQLSubscription } from 'aws-amplify/api';
import { fetchAuthSession, signIn, signOut } from 'aws-amplify/auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { gsi } from '../../../resolvers/lib/keys.ts';
import { graphql } from '../../setup/graphql.ts';
import { awsClientConfig, localStack } from '../../setup/local-stack.ts';
import { signInDemoUser } from '../../setup/users.ts';

const originalWebSocket = (globalThis as { WebSocket?: unknown }).WebSocket;

describe('Amplify JS against the local stack', () => {
  beforeAll(async () => {
    const stack = localStack();
    const outputs = JSON.parse(await readFile(stack.amplifyOutputsPath, 'utf8')) as {
      custom: { local: { userPoolEndpoint: string } };
    };
    Amplify.configure(outputs);
    const config = Amplify.getConfig();
    const cognito = config.Auth?.Cognito;
    if (!cognito?.userPoolId || !cognito.userPoolClientId)
      throw new Error('amplify_outputs.json configured no user pool');
    Amplify.configure({
      ...config,
      Auth: {
        Cognito: {
          userPoolId: cognito.userPoolId,
          userPoolClientId: cognito.userPoolClientId,
          loginWith: cognito.loginWith,
          userPoolEndpoint: outputs.custom.local.userPoolEndpoint,
        },
      },
    });
    // Node 20 has no global WebSocket: Amplify gets `ws`, trusting the local CA (what NODE_EXTRA_CA_CERTS does for a
    // process started with it).
    (globalThis as { WebSocket?: unknown }).WebSocket = class LocalCaWebSocket extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols, { ca: stack.caCertificate });
      }
    };
  });
  afterAll(async () => {
    await signOut().catch(() => undefined);
    (globalThis as { WebSocket?: unknown }).WebSocket = originalWebSocket;
  });

  it('signs in a demo staff member with USER_PASSWORD_AUTH and sees their group in the session', async () => {
    const priya = localStack().demoUsers.find((u) => u.key === 'priya');
    const result = await signIn({
      username: priya?.email ?? '',
      password: priya?.password ?? '',
      options: { authFlowType: 'USER_PASSWORD_AUTH' },
    });
    expect(result.isSignedIn).toBe(true);
    const session = await fetchAuthSession();
    expect(session.tokens?.idToken?.payload['cognito:groups']).toEqual(['staff']);
    expect(session.tokens?.idToken?.payload.email).toBe('priya.staff@example.com');
  });

  it('signs in with its default flow (SRP), calls the API, and the API takes the tokens of a forced refresh', async () => {
    const priya = localStack().demoUsers.find((u) => u.key === 'priya');
    await signOut();
    const result = await signIn({ username: priya?.email ?? '', password: priya?.password ?? '' });
    expect(result.isSignedIn).toBe(true);
    // The session's ID token as Authorization, as Amplify's API category sends it (over https, which Node's fetch
    // here does not trust: the local CA is only given to the WebSocket).
    const me = async () =>
      graphql((await fetchAuthSession()).tokens?.idToken?.toString() ?? null, 'query { me { email role } }');
    expect(await me()).toMatchObject({ status: 200, data: { me: { email: priya?.email, role: 'STAFF' } } });
    const before = (await fetchAuthSession()).tokens;

    const after = (await fetchAuthSession({ forceRefresh: true })).tokens;

    expect(after?.idToken?.toString()).not.toBe(before?.idToken?.toString());
    expect(after?.idToken?.payload['cognito:groups']).toEqual(['staff']);
    const again = await me();
    expect(again).toMatchObject({ status: 200, data: { me: { email: priya?.email, role: 'STAFF' } } });
    expect(again.errors).toBeUndefined();
  });

  it("receives an applicant's message on the staff inbox subscription through generateClient over wss://", async () => {
    const stack = localStack();
    const amina = await signInDemoUser('amina');
    const dynamodb = new DynamoDBClient(awsClientConfig(stack.urls.dynamodb));
    const { Items = [] } = await dynamodb.send(
      new QueryCommand({
        TableName: stack.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :owner',
        ExpressionAttributeValues: { ':owner': { S: gsi.owner(amina.sub) } },
      }),
    );
    const applicantId = String(unmarshall(Items[0] ?? {}).id);

    const client = generateClient();
    const received = new Promise<{ applicantId: string; senderSide: string; body: string }>((resolve, reject) => {
      const subscription = client
        .graphql<
          GraphQLSubscription<{ onStaffInboxMessage: { applicantId: string; senderSide: string; body: string } }>
        >({
          query: 'subscription Inbox { onStaffInboxMessage { applicantId senderSide body } }',
        })
        .subscribe({
          next: ({ data }) => {
            subscription.unsubscribe();
            resolve(data.onStaffInboxMessage);
          },
          error: reject,
        });
    });
    // Amplify acknowledges the subscription before its first event can arrive; give the socket a moment to start.
    await new Promise((r) => setTimeout(r, 1_500));
    const body = `Sent while Amplify listens (${Date.now()})`;
    const sent = await graphql(
      amina.idToken,
      'mutation ($input: SendMessageInput!) { sendMessage(input: $input) { id applicantId senderSide assignedStaffId body } }',
      { input: { applicantId, body } },
    );
    expect(sent.errors).toBeUndefined();
    await expect(received).resolves.toEqual({ applicantId, senderSide: 'APPLICANT', body });
  });
});
