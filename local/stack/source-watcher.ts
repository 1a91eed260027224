// `npm start`'s source watcher: resolvers/, functions/ and schema/ watched with @parcel/watcher. A resolver source
// change rebuilds the bundles built from it; a Lambda source change (or a shared file Lambdas import) re-imports the
// handlers; a schema change needs a restart, since the schema, the wiring check and the authorizer are built at start.
// Changes are handled one batch at a time, in order; what arrives meanwhile is merged into the next batch. One save
// often raises several events: a file whose content is what was last handled is left out.
import { createHash } from 'node:crypto';
import { existsSync, realpathSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import watcher, { type AsyncSubscription } from '@parcel/watcher';
import type { LambdaReloader } from './lambda-reload.ts';
import type { ReloadReport } from './reload-report.ts';
import type { ResolverReloader } from './resolver-reload.ts';

export interface SourceWatcher {
  close(): Promise<void>;
}

export interface SourceWatcherOptions {
  root: string;
  resolvers: ResolverReloader;
  lambdas: LambdaReloader;
  onReport(report: ReloadReport): void;
}

const watchedDirs = ['resolvers', 'functions', 'schema'];

/** Editor swap and backup files, and the reloader's own staging files. */
function isNoise(path: string): boolean {
  const name = basename(path);
  return name.startsWith('.') || name.endsWith('~') || name.endsWith('.tmp') || name.endsWith('.swp');
}

/** Lambdas import from these besides functions/: the shared keys and catalogues, and the generated documents. */
const importedByLambdas = (path: string) =>
  path.startsWith('functions/') || path.startsWith('resolvers/lib/') || path.startsWith('schema/generated/');

const needsRestart = (path: string) =>
  path.startsWith('schema/') && !path.startsWith('schema/generated/') && !path.startsWith('schema/operations/');

export async function watchSources(options: SourceWatcherOptions): Promise<SourceWatcher> {
  const root = realpathSync(options.root);
  const pending = new Set<string>();
  let running: Promise<void> | undefined;
  const handledContent = new Map<string, string | null>();
  const contentOf = (path: string) =>
    readFile(join(root, path)).then(
      (bytes) => createHash('sha256').update(bytes).digest('hex'),
      () => null,
    );
  const changedSinceHandled = async (paths: string[]) => {
    const changed: string[] = [];
    for (const path of paths) {
      const content = await contentOf(path);
      if (handledContent.has(path) && handledContent.get(path) === content) continue;
      handledContent.set(path, content);
      changed.push(path);
    }
    return changed;
  };

  const handle = async (paths: string[]) => {
    const resolverPaths = paths.filter((p) => p.startsWith('resolvers/'));
    if (resolverPaths.length > 0) for (const report of await options.resolvers.rebuild(resolverPaths)) options.onReport(report);
    if (paths.some(importedByLambdas)) options.onReport(await options.lambdas.reload());
    const schemaFiles = paths.filter(needsRestart);
    if (schemaFiles.length > 0) {
      options.onReport({
        kind: 'restart-needed',
        part: 'schema',
        line: `${schemaFiles.join(', ')} changed: restart npm start to serve it (and run npm run codegen)`,
      });
    }
  };
  const drain = async () => {
    while (pending.size > 0) {
      const batch = [...pending];
      pending.clear();
      try {
        const changed = await changedSinceHandled(batch);
        if (changed.length > 0) await handle(changed);
      } catch (error) {
        options.onReport({ kind: 'failed', part: 'watcher', line: `reload failed: ${String(error)}` });
      }
    }
  };
  const kick = () => {
    if (running || pending.size === 0) return;
    running = drain().finally(() => {
      running = undefined;
      kick();
    });
  };

  const subscriptions: AsyncSubscription[] = [];
  for (const dir of watchedDirs.map((d) => join(root, d)).filter((d) => existsSync(d))) {
    subscriptions.push(
      await watcher.subscribe(dir, (error, events) => {
        if (error) {
          options.onReport({ kind: 'failed', part: 'watcher', line: `watching ${dir} failed: ${error.message}` });
          return;
        }
        for (const event of events) {
          if (!isNoise(event.path)) pending.add(relative(root, event.path).split(sep).join('/'));
        }
        kick();
      }),
    );
  }
  return {
    async close() {
      await Promise.all(subscriptions.map((s) => s.unsubscribe()));
      pending.clear();
      await running;
    },
  };
}
