// cognito-local's server answers CORS for every origin (`cors({ origin: '*' })`): any web page the developer opens
// could then drive the local Cognito (sign in as a demo user, read tokens). Here only pages served from this machine
// may: http(s)://localhost, 127.0.0.1 or [::1], on any port (the GraphiQL page, a frontend dev server).
import { createRequire } from 'node:module';

const localWebOrigin = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/;

export function isLocalWebOrigin(origin: string): boolean {
  return localWebOrigin.test(origin);
}

interface ExpressLayer {
  name: string;
  handle: unknown;
}

// cors is cognito-local's dependency: the very version its server uses.
const fromCognitoLocal = createRequire(createRequire(import.meta.url).resolve('cognito-local/package.json'));

/** Replaces cognito-local's any-origin CORS middleware in its express application with the local-origins one. */
export function restrictCorsToLocalOrigins(application: unknown): void {
  const stack = (application as { router?: { stack?: ExpressLayer[] } }).router?.stack ?? [];
  const layer = stack.find((l) => l.name === 'corsMiddleware');
  if (!layer) throw new Error("cognito-local's server has no CORS middleware to restrict (has its server changed?)");
  const cors = fromCognitoLocal('cors') as (options: object) => unknown;
  layer.handle = cors({
    origin: (origin: string | undefined, callback: (error: Error | null, allow?: boolean) => void) =>
      callback(null, origin !== undefined && isLocalWebOrigin(origin)),
  });
}
