import type { Cleanups } from './cleanups.ts';
import { localNames } from '../config.ts';
import { createLambdaReloader } from './lambda-reload.ts';
import type { LambdaSlot } from './lambda-slot.ts';
import { repoRoot } from './paths.ts';
import { createResolverReloader } from './resolver-reload.ts';
import { watchSources } from './source-watcher.ts';
import type { LocalStackOptions } from './types.ts';

/** Phase 8 (`npm start`): the source watcher, stopped first when the stack stops. */
export async function startWatching(
  options: LocalStackOptions,
  { onReport }: NonNullable<LocalStackOptions['watch']>,
  slot: LambdaSlot,
  cleanups: Cleanups,
): Promise<void> {
  const root = options.sourceRoot ?? repoRoot;
  const watcher = await watchSources({
    root,
    resolvers: createResolverReloader(root),
    lambdas: createLambdaReloader(slot, localNames.region, root, options.lambdas),
    onReport,
  });
  cleanups.add(() => watcher.close());
}
