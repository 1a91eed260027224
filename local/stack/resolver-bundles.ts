import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { bundlePath } from '../../infra/wiring/index.ts';
import { bundleResolver, wiredSources } from '../../scripts/resolver-bundles.ts';
import { repoRoot } from './paths.ts';

async function newestModification(dir: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    // Dirent.parentPath is Node 20.12+; earlier 20.x releases call it `path`.
    const parent = entry.parentPath ?? (entry as unknown as { path: string }).path;
    const { mtimeMs } = await stat(join(parent, entry.name));
    newest = Math.max(newest, mtimeMs);
  }
  return newest;
}

async function modifiedAt(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).mtimeMs;
  } catch {
    return undefined;
  }
}

/**
 * The resolver bundles the local API runs (the files CDK deploys), rebuilt when one is missing or older than any
 * resolver source or the wiring table. Sources are bundled as scripts/build-resolvers.ts bundles them.
 */
export async function ensureResolverBundles(root = repoRoot): Promise<{ built: boolean; count: number }> {
  const sources = wiredSources();
  const newestSource = Math.max(
    await newestModification(join(root, 'resolvers')),
    await newestModification(join(root, 'infra', 'wiring')),
  );
  const bundleTimes = await Promise.all(sources.map((s) => modifiedAt(join(root, bundlePath(s)))));
  const stale = bundleTimes.some((t) => t === undefined || t < newestSource);
  if (!stale) return { built: false, count: sources.length };

  const reports = await Promise.all(sources.map((s) => bundleResolver(join(root, s), join(root, bundlePath(s)))));
  const tooLarge = reports.filter((r) => r.tooLong);
  if (tooLarge.length > 0) {
    throw new Error(`Resolver bundles AppSync would refuse: ${tooLarge.map((r) => `${r.source} has ${r.tooLong}`).join('; ')}`);
  }
  return { built: true, count: reports.length };
}
