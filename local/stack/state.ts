import { readFile, writeFile } from 'node:fs/promises';

/** What the stack must find again on its next start. */
export interface StackState {
  userPoolId?: string;
  userPoolClientId?: string;
  /** When the demo data was seeded; absent until then. */
  seededAt?: string;
}

export async function readStackState(path: string): Promise<StackState> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as StackState;
  } catch {
    return {};
  }
}

export async function writeStackState(path: string, state: StackState): Promise<void> {
  await writeFile(path, `${JSON.stringify(state, null, 2)}\n`);
}
