import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Cleanups } from './cleanups.ts';
import { checkLambdaEntries } from './lambda-handlers.ts';
import { statePaths, type StatePaths } from './paths.ts';
import { choosePorts, type StackPort } from './ports.ts';
import { readStackState, type StackState } from './state.ts';
import type { LocalStackOptions } from './types.ts';

export interface PreparedStart {
  paths: StatePaths;
  ports: Record<StackPort, number>;
  /** What the previous start left in state.json. */
  state: StackState;
}

/**
 * Phase 1: the Lambda entries checked (a mistyped one stops the start, as it stops synth), the ports, then the state
 * folder (wiped with --fresh, a temporary one in memory mode) and its state.json.
 */
export async function prepareStart(options: LocalStackOptions, cleanups: Cleanups): Promise<PreparedStart> {
  checkLambdaEntries(options.lambdas, options.sourceRoot);
  const inMemory = options.inMemory ?? false;
  const paths = statePaths(inMemory ? await mkdtemp(join(tmpdir(), 'scholarvalley-local-')) : options.stateDir);
  if (inMemory) cleanups.add(() => rm(paths.root, { recursive: true, force: true }));
  // Ports first: a start refused for a busy port must not have wiped the state with --fresh.
  const ports = await choosePorts(options.ports);
  if (options.fresh && !inMemory) await rm(paths.root, { recursive: true, force: true });
  await mkdir(paths.root, { recursive: true });
  return { paths, ports, state: await readStackState(paths.stateFile) };
}
