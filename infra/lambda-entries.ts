import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { LambdaDefinition } from './lambdas.ts';

/**
 * Refuses a Lambda whose `entry` (infra/lambdas.ts) names no file, so a mistyped path stops synth and the local start
 * instead of deploying, or serving, an API with a data source or trigger missing.
 */
export function assertLambdaEntriesExist(definitions: readonly LambdaDefinition[], rootDir: string): void {
  const missing = definitions.filter((d) => !existsSync(join(rootDir, d.entry)));
  if (missing.length > 0) {
    const list = missing.map((d) => `Lambda "${d.name}": entry ${d.entry} does not exist`).join('; ');
    throw new Error(`infra/lambdas.ts names handler files that are not there: ${list}.`);
  }
}
