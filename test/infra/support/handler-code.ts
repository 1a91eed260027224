import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { repositoryRoot } from '../../../infra/stack.ts';

/** The AWS SDK commands a handler's code constructs, by client package, e.g. `client-dynamodb` → {GetItem, ...}. */
export type SdkCalls = Map<string, Set<string>>;

/** The project's own files a handler entry runs: its import graph as esbuild resolves it, packages not followed. */
async function sourcesOf(entry: string): Promise<string[]> {
  const result = await build({
    absWorkingDir: repositoryRoot,
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    logLevel: 'silent',
  });
  return Object.keys(result.metafile.inputs).map((path) => readFileSync(join(repositoryRoot, path), 'utf8'));
}

const sdkImport = /import\s*\{([^}]*)\}\s*from\s*'@aws-sdk\/(client-[\w-]+)'/g;

/** Every `new <Name>Command(` of an `@aws-sdk/client-*` import in the handler's files, and whether it presigns a POST. */
export async function sdkCallsOf(entry: string): Promise<{ calls: SdkCalls; presignsPost: boolean }> {
  const calls: SdkCalls = new Map();
  let presignsPost = false;
  for (const code of await sourcesOf(entry)) {
    for (const [, names, client] of code.matchAll(sdkImport)) {
      for (const imported of names!.split(',').map((n) => n.trim())) {
        const command = /^(\w+)Command$/.exec(imported)?.[1];
        if (!command || !new RegExp(`new\\s+${imported}\\(`).test(code)) continue;
        if (!calls.has(client!)) calls.set(client!, new Set());
        calls.get(client!)!.add(command);
      }
    }
    if (/\bcreatePresignedPost\(/.test(code)) presignsPost = true;
  }
  return { calls, presignsPost };
}
