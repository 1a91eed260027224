// The shared stack of the test run (test/setup/global-setup.ts), as `npm start` builds it: seeded demo users who can
// sign in, the API answering from DynamoDB Local, subscriptions, the post-confirmation trigger, the GraphiQL page.
import { readFile } from 'node:fs/promises';
import { QueryCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import { applicantKey, gsi } from '../../../resolvers/lib/keys.ts';
import { demoUsers } from '../../../local/seed/demo-users.ts';
import { graphql } from '../../setup/graphql.ts';
import { awsClientConfig, localStack } from '../../setup/local-stack.ts';
import { openRealtime } from '../../setup/realtime.ts';
import { signIn, signInDemoUser, signUpApplicant } from '../../setup/users.ts';

const me = 'query { me { id email fullName role active } }';

describe('the local stack of the test run', () => {
  it('lets every seeded demo user sign in with a JWT whose cognito:groups is their one group', async () => {
    const stack = localStack();
    for (const user of demoUsers) {
      const password = stack.demoUsers.find((u) => u.email === user.email)?.password ?? '';
      const session = await signIn(user.email, password);
      expect(session.groups, user.email).toEqual([user.group]);
      expect(session.claims).toMatchObject({
        email: user.email,
        name: user.fullName,
        iss: stack.urls.issuer,
        aud: stack.userPoolClientId,
      });
    }
  });

  it('answers `me` for a demo user from the profile the seed wrote in DynamoDB Local', async () => {
    const priya = await signInDemoUser('priya');
    const answer = await graphql(priya.idToken, me);
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({
      me: { id: priya.sub, email: 'priya.staff@example.com', fullName: 'Priya Natarajan', role: 'STAFF', active: true },
    });
  });

  it("delivers an applicant's new message to a staff member's inbox subscription, over AppSync's real-time protocol", async () => {
    const stack = localStack();
    const [priya, amina] = await Promise.all([signInDemoUser('priya'), signInDemoUser('amina')]);
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
    expect(applicantKey(applicantId).pk).toMatch(/^APPLICANT#[0-9A-Z]{26}$/);

    const socket = await openRealtime(priya.idToken);
    try {
      const inbox = await socket.subscribe('subscription { onStaffInboxMessage { applicantId senderSide body } }');
      const body = `Is the GRE optional? (${Date.now()})`;
      // As in AppSync, subscribers get (and filters see) only the fields the mutation selected: the inbox filter reads
      // senderSide and assignedStaffId (Amina is assigned to Priya in the demo data).
      const sent = await graphql(
        amina.idToken,
        'mutation ($input: SendMessageInput!) { sendMessage(input: $input) { id applicantId senderSide assignedStaffId body } }',
        { input: { applicantId, body } },
      );
      expect(sent.errors).toBeUndefined();
      const event = await inbox.next();
      expect(event.data).toEqual({ onStaffInboxMessage: { applicantId, senderSide: 'APPLICANT', body } });
      await inbox.stop();
    } finally {
      await socket.close();
    }
  });

  it('runs the real post-confirmation trigger on a self sign-up: profile written, applicant group added', async () => {
    const applicant = await signUpApplicant({ fullName: 'Sign Up Test' });
    expect(applicant.groups).toEqual(['applicant']);
    const answer = await graphql(applicant.idToken, me);
    expect(answer.data).toEqual({
      me: { id: applicant.sub, email: applicant.email, fullName: 'Sign Up Test', role: 'APPLICANT', active: true },
    });
  });

  it('writes amplify_outputs.json for the stack: its pool, client, HTTPS GraphQL URL, and the local Cognito endpoint', async () => {
    const stack = localStack();
    const outputs = JSON.parse(await readFile(stack.amplifyOutputsPath, 'utf8')) as Record<
      string,
      Record<string, unknown>
    >;
    expect(outputs.version).toMatch(/^1\./);
    expect(outputs.auth).toMatchObject({
      aws_region: stack.region,
      user_pool_id: stack.userPoolId,
      user_pool_client_id: stack.userPoolClientId,
      username_attributes: ['email'],
    });
    expect(outputs.data).toEqual({
      url: stack.urls.graphqlHttps,
      aws_region: stack.region,
      default_authorization_type: 'AMAZON_COGNITO_USER_POOLS',
      authorization_types: ['AWS_IAM'],
    });
    expect(outputs).not.toHaveProperty('storage');
    expect(outputs.custom).toMatchObject({
      local: {
        userPoolEndpoint: stack.urls.cognito,
        realtimeUrl: stack.urls.realtime,
        caCertificate: stack.caCertificatePath,
      },
    });
  });
});

describe('the Lambda triggers the stack wires', () => {
  const gql =
    (token: string) =>
    (query: string, variables: Record<string, unknown> = {}) =>
      graphql(token, query, variables);
  const firstApplicantOf = async (token: string) => {
    const mine = await graphql<{ listMyApplicants: { items: Array<{ id: string }> } }>(
      token,
      '{ listMyApplicants { items { id } } }',
    );
    expect(mine.errors).toBeUndefined();
    return mine.data?.listMyApplicants.items[0]?.id ?? '';
  };

  it('S3 ObjectCreated → upload-landed: a presigned POST that lands in the local S3 marks the document uploaded', async () => {
    const lucas = await signInDemoUser('lucas');
    const applicantId = await firstApplicantOf(lucas.idToken);
    const pdf = Buffer.from(`%PDF-1.4\n${'x'.repeat(300)}`);
    const upload = await gql(lucas.idToken)(
      'mutation ($i: RequestDocumentUploadInput!) { requestDocumentUpload(input: $i) { url fields document { id status } } }',
      { i: { applicantId, fileName: 'transcript.pdf', contentType: 'PDF', sizeBytes: pdf.length } },
    );
    expect(upload.errors).toBeUndefined();
    const { url, fields, document } = (
      upload.data as { requestDocumentUpload: { url: string; fields: string; document: { id: string } } }
    ).requestDocumentUpload;
    const form = new FormData();
    for (const [name, value] of Object.entries(JSON.parse(fields) as Record<string, string>)) form.append(name, value);
    form.append('file', new Blob([pdf], { type: 'application/pdf' }), 'transcript.pdf');
    expect((await fetch(url, { method: 'POST', body: form })).status).toBe(204);

    await expect
      .poll(
        async () => {
          const listed = await gql(lucas.idToken)(
            'query ($a: ID!) { listDocuments(applicantId: $a) { items { id status sizeBytes } } }',
            {
              a: applicantId,
            },
          );
          return (listed.data as { listDocuments: { items: Array<{ id: string }> } }).listDocuments.items.find(
            (d) => d.id === document.id,
          );
        },
        { timeout: 10_000, interval: 200 },
      )
      .toEqual({ id: document.id, status: 'UPLOADED', sizeBytes: pdf.length });
  });

  it('Stripe stand-in → /stripe/webhook Function URL → stripe-webhook: paying the checkout marks the payment succeeded and emails a receipt', async () => {
    const stack = localStack();
    const lucas = await signInDemoUser('lucas');
    const applicantId = await firstApplicantOf(lucas.idToken);
    const checkout = await gql(lucas.idToken)(
      'mutation ($i: CreateCheckoutSessionInput!) { createCheckoutSession(input: $i) { checkoutUrl payment { id status amountCents } } }',
      { i: { applicantId, service: 'DOCUMENT_REVIEW' } },
    );
    expect(checkout.errors).toBeUndefined();
    const session = (
      checkout.data as { createCheckoutSession: { checkoutUrl: string; payment: { id: string; status: string } } }
    ).createCheckoutSession;
    expect(session.payment.status).toBe('CREATED');
    expect(session.checkoutUrl.startsWith(`${stack.urls.stripe}/checkout/`)).toBe(true);

    expect((await fetch(`${session.checkoutUrl}/pay`, { method: 'POST', redirect: 'manual' })).status).toBe(303);

    await expect
      .poll(
        async () => {
          const listed = await gql(lucas.idToken)(
            'query ($a: ID) { listPayments(applicantId: $a) { items { id status } } }',
            { a: applicantId },
          );
          return (
            listed.data as { listPayments: { items: Array<{ id: string; status: string }> } }
          ).listPayments.items.find((p) => p.id === session.payment.id)?.status;
        },
        { timeout: 10_000, interval: 200 },
      )
      .toBe('SUCCEEDED');
    await expect
      .poll(
        async () => {
          const store = (await (await fetch(`${stack.urls.ses}/store`)).json()) as {
            emails: Array<{ destination: { to: string[] } }>;
          };
          return store.emails.some((e) => e.destination.to.includes('lucas@example.com'));
        },
        { timeout: 10_000, interval: 200 },
      )
      .toBe(true);
  });
});

describe('the GraphiQL page', () => {
  it('is served at / with everything it loads coming from the API itself (no CDN)', async () => {
    const stack = localStack();
    const page = await fetch(stack.urls.graphiql);
    expect(page.status).toBe(200);
    const html = await page.text();
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(assets.sort()).toEqual([
      '/page/app.js',
      '/page/graphiql.min.css',
      '/page/graphiql.min.js',
      '/page/react-dom.production.min.js',
      '/page/react.production.min.js',
    ]);
    expect(html).not.toMatch(/https?:\/\/(?!localhost|127\.0\.0\.1)/);
    for (const asset of assets) {
      const response = await fetch(new URL(asset, stack.urls.graphiql));
      expect(response.status, asset).toBe(200);
      expect(response.headers.get('content-type'), asset).toMatch(asset.endsWith('.css') ? /text\/css/ : /javascript/);
    }
    const config = JSON.parse(
      /<script id="page-config" type="application\/json">(.*?)<\/script>/s.exec(html)?.[1] ?? '{}',
    ) as {
      userPoolClientId: string;
      demoUsers: Array<{ email: string; group: string }>;
    };
    expect(config.userPoolClientId).toBe(stack.userPoolClientId);
    expect(config.demoUsers.map((u) => u.email)).toEqual(demoUsers.map((u) => u.email));
  });

  it('signs a picked user in through /page/cognito (InitiateAuth only) and refuses any other Cognito call', async () => {
    const stack = localStack();
    const admin = stack.demoUsers.find((u) => u.group === 'admin');
    const call = (target: string, body: unknown) =>
      fetch(new URL('/page/cognito', stack.urls.graphiql), {
        method: 'POST',
        headers: {
          'content-type': 'application/x-amz-json-1.1',
          'x-amz-target': `AWSCognitoIdentityProviderService.${target}`,
        },
        body: JSON.stringify(body),
      });
    const signedIn = await call('InitiateAuth', {
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: stack.userPoolClientId,
      AuthParameters: { USERNAME: admin?.email, PASSWORD: admin?.password },
    });
    expect(signedIn.status).toBe(200);
    const idToken = ((await signedIn.json()) as { AuthenticationResult: { IdToken: string } }).AuthenticationResult
      .IdToken;
    expect((await graphql(idToken, me)).data).toMatchObject({ me: { email: admin?.email, role: 'ADMIN' } });

    const refused = await call('AdminDeleteUser', { UserPoolId: stack.userPoolId, Username: admin?.email });
    expect(refused.status).toBe(400);
  });
});
