// Rebuilds the resolver bundles a source change affects, while the stack runs. A bundle is replaced only when esbuild
// built it and AppSync would accept it (request and response exported, length, supported constructs); otherwise the
// previous bundle keeps serving.
// The server re-reads a bundle when its file changes (local/server/resolver-registry.ts), so the next request runs it.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { bundlePath, codeLengthProblem } from '../../infra/wiring/index.ts';
import { compileResolver, wiredSources, type CompiledResolver } from '../../scripts/resolver-bundles.ts';
import { unsupportedConstructs } from '../appsync/unsupported-code.ts';
import type { ReloadReport } from './reload-report.ts';

export interface ResolverReloader {
  /** Rebuilds every bundle built from one of these files (paths relative to the source root). */
  rebuild(changed: readonly string[]): Promise<ReloadReport[]>;
}

/** `resolver Query.me` or `function loadApplicant`, as the wiring table names them. */
export function resolverLabel(source: string): string {
  const [, typeName = '', name = ''] = /^resolvers\/([^/]+)\/(.+)\.ts$/.exec(source) ?? [];
  return typeName === 'functions' ? `function ${name}` : `resolver ${typeName}.${name}`;
}

interface EsbuildMessage {
  text: string;
  location: { file: string; line: number; column: number } | null;
}

function buildErrors(error: unknown): string[] {
  const messages = (error as { errors?: EsbuildMessage[] }).errors;
  if (!Array.isArray(messages) || messages.length === 0) return [error instanceof Error ? error.message : String(error)];
  return messages.map(({ text, location }) =>
    location ? `${location.file}:${location.line}:${location.column + 1}: ${text}` : text,
  );
}

type Outcome = { source: string; status: 'reloaded' | 'unchanged' } | { source: string; status: 'failed'; problems: string[] };

async function readOrEmpty(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return '';
  }
}

async function writeAtomically(path: string, code: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const staging = `${path}.${process.pid}.tmp`;
  await writeFile(staging, code);
  await rename(staging, path);
}

function names(sources: readonly string[]): string {
  const shown = sources.slice(0, 4).map(resolverLabel).join(', ');
  return sources.length > 4 ? `${shown} and ${sources.length - 4} more` : shown;
}

export function createResolverReloader(root: string, sources: readonly string[] = wiredSources()): ResolverReloader {
  // Which files each bundle is built from (esbuild's metafile), found once in the background, then kept current.
  const inputs = new Map<string, ReadonlySet<string>>();
  const compile = async (source: string) => {
    const compiled = await compileResolver(source, join(root, bundlePath(source)), root);
    inputs.set(source, new Set(compiled.inputs));
    return compiled;
  };
  const graph = Promise.all(
    sources.map((source) => compile(source).catch(() => inputs.set(source, new Set([source])))),
  );

  const rebuildOne = async (source: string): Promise<Outcome> => {
    let compiled: CompiledResolver;
    try {
      compiled = await compile(source);
    } catch (error) {
      return { source, status: 'failed', problems: buildErrors(error) };
    }
    const { code, exports } = compiled;
    const missing = ['request', 'response'].filter((name) => !exports.includes(name));
    const refused = [
      missing.length > 0 ? `${source} must export a ${missing.join(' and a ')} function` : null,
      codeLengthProblem(code),
      ...unsupportedConstructs(code).map((e) => e.value),
    ].filter((p): p is string => p !== null);
    if (refused.length > 0) return { source, status: 'failed', problems: refused };
    const bundle = join(root, bundlePath(source));
    if ((await readOrEmpty(bundle)) === code) return { source, status: 'unchanged' };
    await writeAtomically(bundle, code);
    return { source, status: 'reloaded' };
  };

  return {
    async rebuild(changed) {
      await graph;
      const touched = new Set(changed);
      const affected = sources.filter((s) => touched.has(s) || [...(inputs.get(s) ?? [])].some((i) => touched.has(i)));
      if (affected.length === 0) return [];
      const startedAt = performance.now();
      const outcomes = await Promise.all(affected.map(rebuildOne));
      const ms = Math.round(performance.now() - startedAt);
      const reports: ReloadReport[] = [];
      const reloaded = outcomes.filter((o) => o.status === 'reloaded').map((o) => o.source);
      if (reloaded.length > 0) {
        const noun = reloaded.length === 1 ? '' : ` ${reloaded.length} bundles:`;
        reports.push({ kind: 'reloaded', part: 'resolvers', line: `reloaded${noun} ${names(reloaded)} (${ms} ms)` });
      }
      const unchanged = outcomes.filter((o) => o.status === 'unchanged').map((o) => o.source);
      if (unchanged.length > 0 && reloaded.length === 0 && unchanged.length === outcomes.length) {
        const what = unchanged.length === 1 ? names(unchanged) : `${unchanged.length} bundles`;
        reports.push({ kind: 'unchanged', part: 'resolvers', line: `unchanged: ${what} (${ms} ms)` });
      }
      // Failures grouped by their problems: a broken shared file names every bundle it broke once.
      const failures = new Map<string, string[]>();
      for (const outcome of outcomes) {
        if (outcome.status !== 'failed') continue;
        const key = outcome.problems.join('\n    ');
        failures.set(key, [...(failures.get(key) ?? []), outcome.source]);
      }
      for (const [problems, failed] of failures) {
        reports.push({
          kind: 'failed',
          part: 'resolvers',
          line: `not reloaded: ${names(failed)} (the previous bundle keeps serving)\n    ${problems}`,
        });
      }
      return reports;
    },
  };
}
