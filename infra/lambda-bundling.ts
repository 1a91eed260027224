// How every Lambda handler is bundled, as one set of settings: CDK's NodejsFunction (infra/constructs/lambda-functions.ts)
// deploys with them and `npm run build` (scripts/lambda-bundles.ts) builds and measures with them, so the sizes printed
// are the sizes deployed.

/** Packages written for CommonJS (stripe) call require(); ESM bundles get one from node:module. */
const requireShim = "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

export const lambdaBundling = {
  format: 'esm',
  /** The runtime infra/constructs/lambda-functions.ts deploys (Node.js 22). */
  target: 'node22',
  mainFields: ['module', 'main'],
  banner: requireShim,
  minify: true,
  /** A source map pointing at the TypeScript, without copying it into the asset. */
  sourceMap: true,
  sourcesContent: false,
  /** The Node.js 22 runtime ships AWS SDK v3, so its modular packages are left out of the bundles. */
  externalModules: ['@aws-sdk/*'],
} as const;
