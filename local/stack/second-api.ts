import { join } from 'node:path';
import type { ApiServerOptions } from '../server/index.ts';
import { repoRoot } from './paths.ts';
import type { LocalStackInfo } from './types.ts';

/**
 * Options for a second API server on a running local stack (benches and tests that need the same table, tokens and
 * bundles with settings of their own, e.g. simulated transaction conflicts), on a port of its own.
 */
export const secondApiOptions = (
  stack: LocalStackInfo,
): Pick<ApiServerOptions, 'httpPort' | 'tableName' | 'auth' | 'resolverBundleDir'> => ({
  httpPort: 0,
  tableName: stack.tableName,
  auth: {
    region: stack.region,
    userPoolId: stack.userPoolId,
    issuer: stack.urls.issuer,
    jwksUrl: stack.urls.jwks,
    appClientIds: [stack.userPoolClientId],
    iam: { ...stack.credentials },
  },
  resolverBundleDir: join(repoRoot, 'build', 'resolvers'),
});
