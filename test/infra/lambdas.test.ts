import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lambdas, type LambdaDefinition } from '../../infra/lambdas.ts';
import { fixtureHandler, synth } from './support/synth.ts';

type FunctionResource = { Properties: Record<string, unknown> };
const deployed = (resources: Record<string, FunctionResource>) =>
  new Map(Object.values(resources).map((r) => [r.Properties.FunctionName as string, r.Properties]));

describe('the Lambdas of infra/lambdas.ts', () => {
  const definitions = lambdas;
  let functions: Map<string, Record<string, unknown>>;
  let synthesized: Awaited<ReturnType<typeof synth>>;

  beforeAll(async () => {
    synthesized = await synth({ lambdas: definitions });
    functions = deployed(synthesized.template.findResources('AWS::Lambda::Function') as Record<string, FunctionResource>);
  });

  it('given the entries, then each one is deployed, and no other', () => {
    const ours = [...functions.keys()].filter((name) => name?.startsWith('scholarvalley-dev-')).sort();
    expect(ours).toEqual(definitions.map((l) => `scholarvalley-dev-${l.name}`).sort());
  });

  it('given an entry whose handler path is mistyped, when synthesized, then synth stops naming the Lambda and the path', async () => {
    const mistyped = 'functions/payments/webhok.ts';
    const withTypo = lambdas.map((l) => (l.name === 'stripe-webhook' ? { ...l, entry: mistyped } : l));
    await expect(synth({ lambdas: withTypo })).rejects.toThrow(`Lambda "stripe-webhook": entry ${mistyped} does not exist`);
  });

  it('given a deployed Lambda, then it runs Node.js 22 on arm64 with tracing, JSON logs and a timeout its caller allows', () => {
    const timeouts: Record<LambdaDefinition['trigger']['kind'], number> = {
      cognitoPostConfirmation: 5,
      cognitoPreTokenGeneration: 5,
      cognitoUserMigration: 5,
      cognitoPostAuthentication: 5,
      dataSource: 15,
      functionUrl: 15,
      s3ObjectCreated: 30,
    };
    expect(functions.size).toBeGreaterThan(0);
    for (const definition of definitions) {
      const props = functions.get(`scholarvalley-dev-${definition.name}`);
      if (!props) continue;
      expect(props, definition.name).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        TracingConfig: { Mode: 'Active' },
        LoggingConfig: expect.objectContaining({ LogFormat: 'JSON' }),
        Timeout: timeouts[definition.trigger.kind],
        Environment: { Variables: expect.objectContaining({ NODE_OPTIONS: '--enable-source-maps' }) },
      });
    }
  });
});

describe('bundling a handler', () => {
  const previousDocker = process.env.CDK_DOCKER;
  let assetDir: string;

  beforeAll(async () => {
    // Any attempt to bundle in Docker would fail: CDK runs this binary for Docker.
    process.env.CDK_DOCKER = '/nonexistent/docker';
    const fixture: LambdaDefinition = {
      name: 'uploads',
      entry: fixtureHandler,
      trigger: { kind: 'dataSource', dataSource: 'uploads' },
      description: 'fixture',
    };
    const { app, template } = await synth({ lambdas: [fixture], wiring: { resolvers: [], pipelineFunctions: [] }, bundleLambdas: true });
    const [fn] = Object.values(template.findResources('AWS::Lambda::Function', { Properties: { FunctionName: 'scholarvalley-dev-uploads' } }));
    const key = (fn?.Properties.Code as { S3Key: string }).S3Key;
    assetDir = join(app.outdir, `asset.${key.replace(/\.zip$/, '')}`);
  });

  afterAll(() => {
    if (previousDocker === undefined) delete process.env.CDK_DOCKER;
    else process.env.CDK_DOCKER = previousDocker;
  });

  it('given the local esbuild and no Docker, when synthesized, then the handler is bundled to one minified ES module', () => {
    const code = readFileSync(join(assetDir, 'index.mjs'), 'utf8');
    expect(code).toContain('export{');
    expect(code.split('\n').length).toBeLessThan(10);
  });

  it('given the bundle, then @aws-sdk/* stays external (the Node.js 22 runtime provides SDK v3)', () => {
    const code = readFileSync(join(assetDir, 'index.mjs'), 'utf8');
    expect(code).toMatch(/from\s*"@aws-sdk\/client-s3"/);
    expect(code.length).toBeLessThan(5_000);
  });

  it('given the bundle, then a source map points back at the TypeScript source, without copying it', () => {
    const map = JSON.parse(readFileSync(join(assetDir, 'index.mjs.map'), 'utf8')) as { sources: string[]; sourcesContent?: unknown };
    expect(map.sources.some((s) => s.endsWith('test/infra/fixtures/handler.ts'))).toBe(true);
    expect(map.sourcesContent).toBeUndefined();
  });
});
