import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as appsync from 'aws-cdk-lib/aws-appsync';
import { codeLengthProblem } from './wiring/limits.ts';
import { bundlePath } from './wiring/types.ts';

/** Where the bundle of a resolver or pipeline-function source (e.g. `resolvers/Query/me.ts`) is, as an absolute path. */
export type BundleLocator = (source: string) => string;

/** The bundles `npm run build` writes: `<root>/build/resolvers/...`. */
export function buildDirLocator(rootDir: string): BundleLocator {
  return (source) => join(rootDir, bundlePath(source));
}

/** The deployable code of one source; a missing or oversized bundle stops synth with what to do. */
export function resolverCode(source: string, locate: BundleLocator): appsync.Code {
  const file = locate(source);
  if (!existsSync(file)) {
    throw new Error(`The bundle of ${source} is missing (${file}): run "npm run build" before synth.`);
  }
  const tooLong = codeLengthProblem(readFileSync(file, 'utf8'));
  if (tooLong) throw new Error(`The bundle of ${source} has ${tooLong}.`);
  return appsync.Code.fromAsset(file);
}
