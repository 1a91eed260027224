import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { localNames } from '../config.ts';

/** The repository root (this file is local/stack/paths.ts). */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Where each part of the local stack keeps its state, under one folder (`.local/` unless told otherwise). */
export function statePaths(stateDir: string = join(repoRoot, localNames.stateDir)) {
  const root = resolve(stateDir);
  return {
    root,
    dynamodb: join(root, 'dynamodb'),
    cognito: join(root, 'cognito'),
    s3: join(root, 's3'),
    certs: join(root, 'certs'),
    /** Ids the stack must find again on the next start (user pool, app client), and whether demo data was seeded. */
    stateFile: join(root, 'state.json'),
    amplifyOutputs: join(root, 'amplify_outputs.json'),
  };
}

export type StatePaths = ReturnType<typeof statePaths>;
