// `npm run codegen:watch` in a copy of the repository's codegen inputs (the repository's generated files are never
// touched): a new operation file is picked up and its typed document written, without a restart.
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../../local/stack/paths.ts';

/** The watch process's output, and a wait for the n-th "Watching for changes" (one after each generation). */
function follow(child: ChildProcess) {
  let output = '';
  const waiting: Array<{ count: number; resolve(): void }> = [];
  const generations = () => output.split('Watching for changes').length - 1;
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    for (const w of waiting.splice(0)) {
      if (generations() >= w.count) w.resolve();
      else waiting.push(w);
    }
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  return {
    output: () => output,
    generation: (count: number) =>
      new Promise<void>((resolve, reject) => {
        if (generations() >= count) return resolve();
        waiting.push({ count, resolve });
        child.once('exit', (code) => reject(new Error(`codegen:watch exited (${code}):\n${output}`)));
      }),
  };
}

describe('npm run codegen:watch', () => {
  let root: string;
  let child: ChildProcess | undefined;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'codegen-watch-'));
    for (const path of ['package.json', 'codegen.yml', 'schema', join('scripts', 'codegen')]) {
      await cp(join(repoRoot, path), join(root, path), { recursive: true });
    }
    await symlink(join(repoRoot, 'node_modules'), join(root, 'node_modules'), 'dir');
  });

  afterAll(async () => {
    // The watch runs in its own process group (detached): npm and graphql-codegen stop together.
    if (child?.pid && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
    await rm(root, { recursive: true, force: true });
  });

  it('writes the typed document of an operation added while it watches', async () => {
    child = spawn('npm', ['run', 'codegen:watch'], { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const watch = follow(child);
    await watch.generation(1);
    const generated = join(root, 'schema', 'generated', 'client', 'graphql.ts');
    const amplify = join(root, 'schema', 'generated', 'amplify', 'operations.ts');
    expect(await readFile(generated, 'utf8')).not.toContain('WatchCheckDocument');

    // graphql-codegen prints "Watching" just before its watcher is subscribed: a file written in between goes unseen,
    // so the operation is written again (with a new comment) until a generation has picked it up.
    let saves = 0;
    const operation = join(root, 'schema', 'operations', 'watch-check.graphql');
    await expect
      .poll(
        async () => {
          saves += 1;
          await writeFile(operation, `# save ${saves}\nquery WatchCheck {\n  me {\n    id\n  }\n}\n`);
          return {
            client: (await readFile(generated, 'utf8')).includes('export const WatchCheckDocument'),
            amplify: (await readFile(amplify, 'utf8')).includes('export const watchCheck'),
          };
        },
        { interval: 2_000, timeout: 150_000 },
      )
      .toEqual({ client: true, amplify: true });
  }, 240_000);
});
