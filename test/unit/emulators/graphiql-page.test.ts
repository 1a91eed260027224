// The GraphiQL page's own script (/page/app.js, as the shared stack serves it) run in a VM context with the browser
// objects it touches: the page's elements, fetch and WebSocket aimed at the stack over real HTTP and WebSocket, and
// React, ReactDOM and GraphiQL replaced by recorders. GraphiQL fetches the schema the moment it mounts, so the test
// does what GraphiQL does with the fetcher the page mounts it with: introspect, then run queries and subscriptions.
import { runInNewContext } from 'node:vm';
import { buildClientSchema, getIntrospectionQuery, type IntrospectionQuery } from 'graphql';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { graphql } from '../../setup/graphql.ts';
import { localStack } from '../../setup/local-stack.ts';
import { signInDemoUser } from '../../setup/users.ts';

type Fetcher = (params: { query: string; operationName?: string; variables?: Record<string, unknown> }) => unknown;

/** A stand-in for a page element: what the script sets and the listeners it adds. */
function element(textContent = '') {
  const listeners: Record<string, Array<() => void>> = {};
  return {
    textContent,
    className: '',
    hidden: false,
    value: '',
    label: '',
    add() {},
    appendChild() {},
    addEventListener(type: string, listener: () => void) {
      (listeners[type] ??= []).push(listener);
    },
  };
}

interface PageRun {
  /** GraphiQL's props, once the page mounts it. */
  mounted: Promise<{ fetcher: Fetcher }>;
  /** Each request the page sent to /graphql, in order, with its Authorization header. */
  graphqlRequests: Array<{ authorization: string | null }>;
  /** Resolves when the API acknowledges a subscription start on one of the page's sockets. */
  subscriptionStarted: Promise<void>;
}

async function runPage(rememberedUser?: string): Promise<PageRun> {
  const stack = localStack();
  const origin = new URL(stack.urls.graphiql);
  const html = await (await fetch(origin)).text();
  const script = await (await fetch(new URL('/page/app.js', origin))).text();
  const config = /<script id="page-config" type="application\/json">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';

  const elements: Record<string, ReturnType<typeof element>> = {
    'page-config': element(config),
    user: element(),
    custom: element(),
    status: element(),
    signin: element(),
    email: element(),
    password: element(),
    graphiql: element('Loading…'),
  };
  const graphqlRequests: PageRun['graphqlRequests'] = [];
  let mount!: (props: { fetcher: Fetcher }) => void;
  const mounted = new Promise<{ fetcher: Fetcher }>((resolve) => (mount = resolve));
  let started!: () => void;
  const subscriptionStarted = new Promise<void>((resolve) => (started = resolve));
  const storage = new Map<string, string>(rememberedUser ? [['scholarvalley-local-user', rememberedUser]] : []);

  class PageWebSocket extends WebSocket {
    constructor(url: string, protocols: string[]) {
      super(url, protocols);
      this.on('message', (data) => {
        if ((JSON.parse(String(data)) as { type?: string }).type === 'start_ack') started();
      });
    }
  }

  runInNewContext(script, {
    document: {
      getElementById: (id: string) => elements[id],
      createElement: () => element(),
    },
    window: { location: { host: origin.host, protocol: origin.protocol } },
    sessionStorage: {
      getItem: (key: string) => storage.get(key) ?? null,
      setItem: (key: string, value: string) => storage.set(key, value),
      removeItem: (key: string) => storage.delete(key),
    },
    fetch: (path: string, init: RequestInit) => {
      const url = new URL(path, origin);
      if (url.pathname === '/graphql') {
        graphqlRequests.push({ authorization: new Headers(init.headers).get('authorization') });
      }
      return fetch(url, init);
    },
    WebSocket: PageWebSocket,
    Option: class {
      constructor(
        readonly text: string,
        readonly value: string,
      ) {}
    },
    TextEncoder,
    btoa,
    React: { createElement: (_type: unknown, props: { fetcher: Fetcher }) => ({ props }) },
    ReactDOM: { createRoot: () => ({ render: (root: { props: { fetcher: Fetcher } }) => mount(root.props) }) },
    GraphiQL: function GraphiQL() {},
  });
  return { mounted, graphqlRequests, subscriptionStarted };
}

describe('the GraphiQL page', () => {
  it('signs in before GraphiQL mounts, so its first request, the schema, carries a token and is answered', async () => {
    const page = await runPage();

    const { fetcher } = await page.mounted;
    const introspection = (await fetcher({ query: getIntrospectionQuery(), operationName: 'IntrospectionQuery' })) as {
      data?: IntrospectionQuery;
      errors?: unknown[];
    };

    expect(page.graphqlRequests[0]).toEqual({ authorization: expect.stringMatching(/^eyJ/) });
    expect(introspection.errors).toBeUndefined();
    // What the docs pane shows: the schema built from the answer, with its subscriptions.
    const schema = buildClientSchema(introspection.data!);
    expect(schema.getSubscriptionType()?.name).toBe('Subscription');
    expect(Object.keys(schema.getSubscriptionType()?.getFields() ?? {})).toContain('onStaffInboxMessage');
  });

  it("runs a subscription from GraphiQL over AppSync's real-time protocol and delivers its event", async () => {
    const priya = localStack().demoUsers.find((u) => u.group === 'staff')!;
    const page = await runPage(priya.email);
    const { fetcher } = await page.mounted;
    const amina = await signInDemoUser('amina');
    const mine = await graphql<{ listMyApplicants: { items: Array<{ id: string }> } }>(
      amina.idToken,
      'query { listMyApplicants { items { id } } }',
    );
    const applicantId = mine.data?.listMyApplicants.items[0]?.id;

    const events = fetcher({
      query: `subscription { onThreadMessage(applicantId: "${applicantId}") { applicantId body } }`,
    }) as AsyncIterator<unknown>;
    const first = events.next();
    await page.subscriptionStarted;
    const body = `Sent while GraphiQL listens (${Date.now()})`;
    const sent = await graphql(
      amina.idToken,
      'mutation ($input: SendMessageInput!) { sendMessage(input: $input) { id applicantId senderSide assignedStaffId body } }',
      { input: { applicantId, body } },
    );
    expect(sent.errors).toBeUndefined();

    expect((await first).value).toEqual({ data: { onThreadMessage: { applicantId, body } } });
    await events.return?.();
  });
});
