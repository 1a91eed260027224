import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll } from 'vitest';
import { readStageConfig } from '../../../infra/config.ts';
import type { Wiring } from '../../../infra/wiring/index.ts';
import { lambdas, type LambdaDefinition } from '../../../infra/lambdas.ts';
import { repositoryRoot, ScholarvalleyStack } from '../../../infra/stack.ts';
import { bundleResolver, wiredSources } from '../../../scripts/resolver-bundles.ts';
import { buildDirLocator, type BundleLocator } from '../../../infra/resolver-code.ts';

export interface SynthOptions {
  /** CDK context, as `-c key=value` would give it (on top of cdk.json's feature flags). */
  context?: Record<string, unknown>;
  wiring?: Wiring;
  lambdas?: LambdaDefinition[];
  /** Run esbuild for the Lambdas (slow); off by default, as `cdk synth --exclusively` does for other stacks. */
  bundleLambdas?: boolean;
  /** CDK's built-in CloudFormation validation (CDK_VALIDATION); off by default for speed. */
  validation?: boolean;
  locateBundle?: BundleLocator;
  /** Register cdk-nag's AwsSolutions pack as a synth-time plugin, as infra/app.ts does. */
  nagPlugin?: boolean;
  /** Changes the stack before synthesis (e.g. to add a resource that breaks a rule). */
  extend?: (stack: ScholarvalleyStack) => void;
}

export interface Synthesized {
  app: App;
  stack: ScholarvalleyStack;
  template: Template;
}

/** cdk.json's context: the feature flags the CLI synthesizes with, so tests see the template `cdk synth` produces. */
export const cdkJsonContext: Record<string, unknown> = JSON.parse(readFileSync(join(repositoryRoot, 'cdk.json'), 'utf8')).context;

/** The stand-in handler every fixture Lambda points at. */
export const fixtureHandler = 'test/infra/fixtures/handler.ts';

/** Every Lambda of infra/lambdas.ts, each pointing at the stand-in handler, as if all were written. */
export const allLambdasWritten: LambdaDefinition[] = lambdas.map((definition) => ({ ...definition, entry: fixtureHandler }));

/** Cloud assemblies, bundles and files this test file wrote, removed when it ends. */
const scratchDirs: string[] = [];
export function scratchDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  scratchDirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of scratchDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

let realBundles: Promise<BundleLocator> | undefined;

/** The real wiring table's resolver bundles, built into a private directory (never racing other suites over build/). */
export function bundleRealResolvers(): Promise<BundleLocator> {
  realBundles ??= (async () => {
    const dir = scratchDir('scholarvalley-bundles-');
    const out = (source: string) => join(dir, source.replace(/\.ts$/, '.js'));
    await Promise.all(wiredSources().map((source) => bundleResolver(join(repositoryRoot, source), out(source))));
    return out;
  })();
  return realBundles;
}

const cache = new Map<string, Promise<Synthesized>>();

/** Synthesizes the stack once per distinct options within a test file. */
export function synth(options: SynthOptions = {}): Promise<Synthesized> {
  const key = JSON.stringify(options, (_k, v: unknown) => (typeof v === 'function' ? String(v) : v));
  let result = cache.get(key);
  if (!result) {
    result = synthesize(options);
    cache.set(key, result);
  }
  return result;
}

async function synthesize(options: SynthOptions): Promise<Synthesized> {
  // The real wiring's bundles are built once per file; a fixture wiring brings its own locator.
  const locateBundle = options.locateBundle ?? (options.wiring ? buildDirLocator(repositoryRoot) : await bundleRealResolvers());
  const app = new App({
    outdir: scratchDir('scholarvalley-cdk-'),
    builtinCloudFormationValidation: options.validation ?? false,
    context: {
      ...cdkJsonContext,
      ...(options.bundleLambdas ? {} : { 'aws:cdk:bundling-stacks': [] }),
      ...options.context,
    },
  });
  if (options.nagPlugin) Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  const config = readStageConfig((key) => app.node.tryGetContext(key));
  const stack = new ScholarvalleyStack(app, config.stackName, {
    config,
    env: { region: 'us-east-1' },
    locateBundle,
    ...(options.wiring ? { wiring: options.wiring } : {}),
    ...(options.lambdas ? { lambdas: options.lambdas } : {}),
  });
  options.extend?.(stack);
  return { app, stack, template: Template.fromStack(stack) };
}
