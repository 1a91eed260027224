// The local GraphiQL page: pick a demo user (signed in against the local Cognito with USER_PASSWORD_AUTH through
// the page's /page/cognito route), then run queries and mutations over POST /graphql and subscriptions over
// AppSync's real-time WebSocket protocol, each with the user's ID token as Authorization.
// GraphiQL fetches the schema as soon as it mounts, and the API refuses unsigned requests (introspection included), so
// the page mounts it once the first sign-in has finished; any request made while a sign-in runs waits for it.
/* global document, window, sessionStorage, fetch, WebSocket, Option, TextEncoder, btoa, React, ReactDOM, GraphiQL */
'use strict';

(function main() {
  const config = JSON.parse(document.getElementById('page-config').textContent);
  const select = document.getElementById('user');
  const custom = document.getElementById('custom');
  const status = document.getElementById('status');
  let session = null; // { email, password, idToken, expiresAt }
  let signingIn = Promise.resolve(); // the sign-in under way, if any

  function showStatus(text, isError) {
    status.textContent = text;
    status.className = isError ? 'error' : '';
  }

  async function initiateAuth(email, password) {
    const response = await fetch('/page/cognito', {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'AWSCognitoIdentityProviderService.InitiateAuth',
      },
      body: JSON.stringify({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: config.userPoolClientId,
        AuthParameters: { USERNAME: email, PASSWORD: password },
      }),
    });
    const body = await response.json();
    if (!response.ok) throw new Error(body.message || body.__type || 'Sign-in failed');
    const result = body.AuthenticationResult;
    if (!result)
      throw new Error('Sign-in needs a challenge the page does not handle: ' + (body.ChallengeName || 'unknown'));
    return { idToken: result.IdToken, expiresAt: Date.now() + (result.ExpiresIn || 3600) * 1000 - 60_000 };
  }

  function signIn(email, password) {
    showStatus('signing in…');
    signingIn = (async () => {
      try {
        const tokens = await initiateAuth(email, password);
        session = { email, password, ...tokens };
        sessionStorage.setItem('scholarvalley-local-user', email);
        showStatus('signed in');
      } catch (error) {
        session = null;
        showStatus(error.message, true);
      }
    })();
    return signingIn;
  }

  async function authorization() {
    await signingIn;
    if (!session) return null;
    if (Date.now() > session.expiresAt) await signIn(session.email, session.password);
    return session ? session.idToken : null;
  }

  function fillPicker() {
    const none = new Option('nobody (anonymous)', '');
    select.add(none);
    for (const group of ['admin', 'staff', 'applicant']) {
      const optgroup = document.createElement('optgroup');
      optgroup.label = group;
      for (const user of config.demoUsers.filter((u) => u.group === group)) {
        optgroup.appendChild(new Option(`${user.fullName} <${user.email}>`, user.email));
      }
      select.add(optgroup);
    }
    select.add(new Option('another user…', '__custom__'));
  }

  select.addEventListener('change', () => {
    custom.hidden = select.value !== '__custom__';
    if (select.value === '__custom__') return;
    if (!select.value) {
      signingIn = Promise.resolve();
      session = null;
      sessionStorage.removeItem('scholarvalley-local-user');
      showStatus('requests are sent without Authorization');
      return;
    }
    const user = config.demoUsers.find((u) => u.email === select.value);
    void signIn(user.email, user.password);
  });
  document.getElementById('signin').addEventListener('click', () => {
    void signIn(document.getElementById('email').value.trim(), document.getElementById('password').value);
  });

  function operationOf(params, options) {
    const ast = options && options.documentAST;
    if (ast) {
      const operations = ast.definitions.filter((d) => d.kind === 'OperationDefinition');
      const chosen = operations.find((d) => d.name && d.name.value === params.operationName) || operations[0];
      if (chosen) return chosen.operation;
    }
    return /^\s*subscription\b/.test(params.query) ? 'subscription' : 'query';
  }

  async function postGraphql(params) {
    const token = await authorization();
    const headers = { 'content-type': 'application/json' };
    if (token) headers.authorization = token;
    const response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify(params) });
    return response.json();
  }

  const base64 = (value) => btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(value))));

  // AppSync's real-time protocol: connect with the auth header in the query string, connection_init, then one
  // `start` per subscription; events arrive as `data`, and `stop` ends it.
  function subscribe(params) {
    const queue = [];
    let wake = null;
    let finished = false;
    let socket = null;
    const id = Math.random().toString(36).slice(2);
    const push = (item) => {
      queue.push(item);
      if (wake) wake();
    };
    const finish = () => {
      finished = true;
      if (wake) wake();
    };

    (async () => {
      const token = await authorization();
      const host = window.location.host;
      const auth = token ? { host, Authorization: token } : { host };
      const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
      const url = `${scheme}://${host}/graphql/realtime?header=${encodeURIComponent(base64(auth))}&payload=e30=`;
      socket = new WebSocket(url, ['graphql-ws']);
      socket.onopen = () => socket.send(JSON.stringify({ type: 'connection_init' }));
      socket.onmessage = (event) => {
        const message = JSON.parse(event.data);
        if (message.type === 'connection_ack') {
          socket.send(
            JSON.stringify({
              id,
              type: 'start',
              payload: {
                data: JSON.stringify({ query: params.query, variables: params.variables || {} }),
                extensions: { authorization: auth },
              },
            }),
          );
        } else if (message.type === 'data' && message.id === id) {
          push(message.payload);
        } else if (message.type === 'error' || message.type === 'connection_error') {
          push({ errors: (message.payload && message.payload.errors) || [{ message: 'Subscription error' }] });
          finish();
          socket.close();
        } else if (message.type === 'complete' && message.id === id) {
          finish();
          socket.close();
        }
      };
      socket.onclose = finish;
      socket.onerror = () => push({ errors: [{ message: 'The real-time connection failed' }] });
    })();

    return {
      [Symbol.asyncIterator]() {
        return this;
      },
      async next() {
        for (;;) {
          if (queue.length > 0) return { value: queue.shift(), done: false };
          if (finished) return { value: undefined, done: true };
          await new Promise((resolve) => {
            wake = resolve;
          });
          wake = null;
        }
      },
      async return() {
        if (socket && socket.readyState === WebSocket.OPEN) {
          socket.send(JSON.stringify({ id, type: 'stop' }));
          socket.close();
        }
        finish();
        return { value: undefined, done: true };
      },
    };
  }

  function fetcher(params, options) {
    return operationOf(params, options) === 'subscription' ? subscribe(params) : postGraphql(params);
  }

  function mountGraphiql() {
    const container = document.getElementById('graphiql');
    container.textContent = '';
    ReactDOM.createRoot(container).render(
      React.createElement(GraphiQL, { fetcher, defaultQuery: config.defaultQuery, shouldPersistHeaders: false }),
    );
  }

  fillPicker();
  const remembered = sessionStorage.getItem('scholarvalley-local-user');
  const initial = config.demoUsers.find((u) => u.email === remembered) || config.demoUsers[0];
  if (initial) {
    select.value = initial.email;
    void signIn(initial.email, initial.password);
  }
  // Mounted after the first sign-in, succeeded or not: a failed one shows its error and GraphiQL shows the API's.
  void signingIn.then(mountGraphiql);
})();
