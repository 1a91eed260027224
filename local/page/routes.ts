// The GraphiQL page at `/`, served by the local API through its extraRoutes, entirely from node_modules (no CDN):
// React 18 and GraphiQL 3 UMD builds, the page script, and a same-origin route to the local Cognito for sign-in.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface PageConfig {
  userPoolClientId: string;
  /** The local Cognito; the page reaches it through /page/cognito, so no CORS or mixed-content rule gets in the way. */
  cognitoEndpoint: string;
  demoUsers: Array<{ email: string; password: string; fullName: string; group: string }>;
}

type Route = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

const pageDir = dirname(fileURLToPath(import.meta.url));
const packageDir = (name: string) => dirname(createRequire(import.meta.url).resolve(`${name}/package.json`));

export const defaultQuery = `# Pick a demo user above; requests carry their ID token as Authorization.
# Queries and mutations go to POST /graphql; subscriptions use AppSync's real-time WebSocket protocol.

query Me {
  me {
    id
    email
    fullName
    role
  }
}
`;

/** Only sign-in and refresh pass through: this is a sign-in route, not a general Cognito proxy. */
const allowedCognitoTargets = new Set(['AWSCognitoIdentityProviderService.InitiateAuth']);

const securityHeaders = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self' ws: wss:",
  'x-content-type-options': 'nosniff',
};

function staticFile(path: string, contentType: string): Route {
  const body = readFileSync(path);
  return (_req, res) => {
    res.writeHead(200, {
      'content-type': contentType,
      'content-length': body.length,
      'cache-control': 'public, max-age=3600',
      ...securityHeaders,
    });
    res.end(body);
  };
}

function readBody(req: IncomingMessage, limit = 64 * 1024): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error('request body too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function cognitoSignIn(cognitoEndpoint: string): Route {
  return async (req, res) => {
    const target = String(req.headers['x-amz-target'] ?? '');
    if (req.method !== 'POST' || !allowedCognitoTargets.has(target)) {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ __type: 'InvalidRequest', message: 'Only POST InitiateAuth is forwarded' }));
      return;
    }
    const answer = await fetch(cognitoEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': target },
      body: await readBody(req),
    });
    const text = await answer.text();
    res.writeHead(answer.status, { 'content-type': 'application/x-amz-json-1.1', 'cache-control': 'no-store' });
    res.end(text);
  };
}

/** Routes for the API server's extraRoutes: `/` and its assets under `/page/`. */
export function graphiqlPageRoutes(config: PageConfig): Record<string, Route> {
  const pageConfig = JSON.stringify({ ...config, defaultQuery }).replace(/</g, '\\u003c');
  const html = readFileSync(join(pageDir, 'index.html'), 'utf8').replace('__PAGE_CONFIG__', () => pageConfig);
  const react = packageDir('react');
  const reactDom = packageDir('react-dom');
  const graphiql = packageDir('graphiql');
  return {
    '/': (_req, res) => {
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        ...securityHeaders,
      });
      res.end(html);
    },
    '/page/app.js': staticFile(join(pageDir, 'app.js'), 'text/javascript; charset=utf-8'),
    '/page/react.production.min.js': staticFile(
      join(react, 'umd', 'react.production.min.js'),
      'text/javascript; charset=utf-8',
    ),
    '/page/react-dom.production.min.js': staticFile(
      join(reactDom, 'umd', 'react-dom.production.min.js'),
      'text/javascript; charset=utf-8',
    ),
    '/page/graphiql.min.js': staticFile(join(graphiql, 'graphiql.min.js'), 'text/javascript; charset=utf-8'),
    '/page/graphiql.min.css': staticFile(join(graphiql, 'graphiql.min.css'), 'text/css; charset=utf-8'),
    '/page/cognito': cognitoSignIn(config.cognitoEndpoint),
  };
}
