import { join } from 'node:path';
import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { lambdas } from '../../infra/lambdas.ts';
import {
  lambdaDataSources,
  pipeline,
  pipelineFunctions,
  resolvers,
  unit,
  type DataSourceName,
  type ResolverWiring,
  type Wiring,
} from '../../infra/wiring/index.ts';
import { bundleResolver } from '../../scripts/resolver-bundles.ts';
import { allLambdasWritten, scratchDir, synth } from './support/synth.ts';

type Resources = Record<string, { Type: string; Properties: Record<string, unknown> }>;

/** Reads resolvers, functions and data sources of a template by name instead of logical id. */
function readApi(template: Template) {
  const resources = template.toJSON().Resources as Resources;
  const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);
  const sourceNames = new Map(ofType('AWS::AppSync::DataSource').map(([id, r]) => [id, r.Properties.Name as string]));
  // CDK writes a data source's name as a literal; a GetAtt would name it by logical id.
  const sourceName = (ref: unknown) =>
    typeof ref === 'string' ? ref : sourceNames.get((ref as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0]);
  const functionsById = new Map(ofType('AWS::AppSync::FunctionConfiguration').map(([id, r]) => [id, r.Properties]));
  const functionName = (ref: unknown) => functionsById.get((ref as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0])?.Name;
  const resolverList = ofType('AWS::AppSync::Resolver').map(([, r]) => r.Properties);
  return {
    dataSources: ofType('AWS::AppSync::DataSource').map(([, r]) => r.Properties),
    functions: [...functionsById.values()].map((f) => ({ name: f.Name as string, runtime: f.Runtime, source: sourceName(f.DataSourceName) })),
    resolvers: resolverList.map((r) => ({
      field: `${r.TypeName as string}.${r.FieldName as string}`,
      kind: r.Kind,
      runtime: r.Runtime,
      code: JSON.stringify(r.CodeS3Location),
      source: r.DataSourceName ? sourceName(r.DataSourceName) : undefined,
      functions: ((r.PipelineConfig as { Functions?: unknown[] } | undefined)?.Functions ?? []).map(functionName),
    })),
    functionNameOf: (lambdaRef: unknown) => {
      const id = (lambdaRef as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
      return resources[id]?.Properties.FunctionName;
    },
  };
}

const jsRuntime = { Name: 'APPSYNC_JS', RuntimeVersion: '1.0.0' };
const field = (r: ResolverWiring) => `${r.typeName}.${r.fieldName}`;

describe('the API built from the real wiring table', () => {
  let api: ReturnType<typeof readApi>;
  beforeAll(async () => {
    api = readApi((await synth({ lambdas: allLambdasWritten })).template);
  });

  it('given every row of the wiring, then its resolver exists on APPSYNC_JS 1.0.0 with its bundle as code', () => {
    const implemented = resolvers;
    expect(api.resolvers.map((r) => r.field).sort()).toEqual(implemented.map(field).sort());
    for (const wiring of implemented) {
      const resolver = api.resolvers.find((r) => r.field === field(wiring));
      expect(resolver?.runtime, field(wiring)).toEqual(jsRuntime);
      expect(resolver?.code, field(wiring)).toMatch(/s3:\/\/cdk-[^/]+-assets-.*\.js/);
      if (wiring.kind === 'UNIT') {
        expect(resolver, field(wiring)).toMatchObject({ kind: 'UNIT', source: wiring.dataSource });
      } else {
        expect(resolver, field(wiring)).toMatchObject({ kind: 'PIPELINE', source: undefined, functions: wiring.functions });
      }
    }
  });

  it('given the pipeline functions the implemented resolvers use, then each exists once, on APPSYNC_JS, on its wired data source', () => {
    const used = new Set(resolvers.flatMap((r) => (r.kind === 'PIPELINE' ? r.functions : [])));
    expect(api.functions.map((f) => f.name).sort()).toEqual([...used].sort());
    for (const fn of api.functions) {
      const wiring = pipelineFunctions.find((f) => f.name === fn.name);
      expect(fn.source, fn.name).toBe(wiring?.dataSource);
      expect(fn.runtime, fn.name).toEqual(jsRuntime);
    }
  });

  it('given the data sources, then the table, NONE and one Lambda per data-source entry of infra/lambdas.ts exist', () => {
    const byName = new Map(api.dataSources.map((d) => [d.Name as string, d]));
    expect(byName.get('table')).toMatchObject({ Type: 'AMAZON_DYNAMODB' });
    expect(byName.get('none')).toMatchObject({ Type: 'NONE' });
    const lambdaEntries = lambdas.filter((l) => l.trigger.kind === 'dataSource');
    expect(api.dataSources.filter((d) => d.Type === 'AWS_LAMBDA')).toHaveLength(lambdaEntries.length);
    for (const entry of lambdaEntries) {
      if (entry.trigger.kind !== 'dataSource') continue;
      const source = byName.get(entry.trigger.dataSource);
      expect(source?.Type).toBe('AWS_LAMBDA');
      expect(api.functionNameOf((source?.LambdaConfig as { LambdaFunctionArn: unknown }).LambdaFunctionArn)).toBe(
        `scholarvalley-dev-${entry.name}`,
      );
    }
  });

  it('given any field whose wiring names the table or NONE, then no Lambda is in its path', () => {
    const lambdaSources = new Set<string>(lambdaDataSources);
    const functionSources = new Map(api.functions.map((f) => [f.name, f.source]));
    for (const resolver of api.resolvers) {
      const path = [resolver.source, ...resolver.functions.map((name) => functionSources.get(name as string))].filter(Boolean);
      const wiring = resolvers.find((r) => field(r) === resolver.field);
      const wiredPath =
        wiring?.kind === 'UNIT' ? [wiring.dataSource] : (wiring?.functions ?? []).map((n) => pipelineFunctions.find((f) => f.name === n)?.dataSource);
      expect(path, resolver.field).toEqual(wiredPath);
      if (wiredPath.every((s) => !lambdaSources.has(s as string))) expect(path.some((s) => lambdaSources.has(s as string))).toBe(false);
    }
  });
});

describe('the wiring table', () => {
  /**
   * DESIGN.md: the only fields a Lambda serves. Email runs beside mutations (async), never as a field's answer; so
   * does the uploads Lambda's removal of a deleted document's file (deleteDocument, an Event after the delete commits).
   */
  const lambdaFields: Record<Exclude<DataSourceName, 'table' | 'none' | 'email'>, string[]> = {
    uploads: ['Mutation.requestDocumentUpload', 'Query.documentDownloadUrl', 'Mutation.deleteDocument'],
    payments: ['Mutation.createCheckoutSession'],
    identity: ['Mutation.inviteStaff', 'Mutation.setUserRole', 'Mutation.deactivateUser'],
  };

  it('given every row, when its data sources are listed, then only the Lambda-backed fields of DESIGN.md reach a Lambda', () => {
    const sourceOf = (name: string) => pipelineFunctions.find((f) => f.name === name)?.dataSource;
    for (const wiring of resolvers) {
      const path = wiring.kind === 'UNIT' ? [wiring.dataSource] : wiring.functions.map(sourceOf);
      for (const source of path) {
        if (source === undefined || source === 'table' || source === 'none') continue;
        if (source === 'email') {
          expect(wiring.kind, `${field(wiring)} answers from the email Lambda`).toBe('PIPELINE');
          continue;
        }
        expect(lambdaFields[source], `${field(wiring)} on ${source}`).toContain(field(wiring));
      }
    }
  });
});

describe('the API built from a fixture wiring (one unit, one pipeline)', () => {
  const wiring: Wiring = {
    resolvers: [
      unit('Query', 'getApplicant', 'table'),
      pipeline('Mutation', 'createApplicant', ['fixtureLoad', 'fixtureNotify']),
    ],
    pipelineFunctions: [
      { name: 'fixtureLoad', dataSource: 'table' },
      { name: 'fixtureNotify', dataSource: 'none' },
      { name: 'fixtureUnused', dataSource: 'table' },
    ],
  };
  let locateBundle: (source: string) => string;

  beforeAll(async () => {
    const dir = scratchDir('scholarvalley-fixture-bundles-');
    const fixtures = { unit: 'unit', pipeline: 'pipeline', function: 'function' } as const;
    await Promise.all(
      Object.values(fixtures).map((name) => bundleResolver(`test/infra/fixtures/resolvers/${name}.ts`, join(dir, `${name}.js`))),
    );
    locateBundle = (source) => {
      if (source === 'resolvers/Query/getApplicant.ts') return join(dir, 'unit.js');
      if (source === 'resolvers/Mutation/createApplicant.ts') return join(dir, 'pipeline.js');
      if (source.startsWith('resolvers/functions/fixture')) return join(dir, 'function.js');
      return join(dir, 'missing', source);
    };
  });

  it('given the fixture wiring, then exactly the unit and the pipeline resolver exist, with the functions the pipeline names', async () => {
    const { template } = await synth({ wiring, locateBundle, lambdas: [] });
    const api = readApi(template);
    expect(api.resolvers.sort((a, b) => a.field.localeCompare(b.field))).toEqual([
      { field: 'Mutation.createApplicant', kind: 'PIPELINE', runtime: jsRuntime, code: expect.any(String), source: undefined, functions: ['fixtureLoad', 'fixtureNotify'] },
      { field: 'Query.getApplicant', kind: 'UNIT', runtime: jsRuntime, code: expect.any(String), source: 'table', functions: [] },
    ]);
    expect(api.functions.map((f) => [f.name, f.source]).sort()).toEqual([
      ['fixtureLoad', 'table'],
      ['fixtureNotify', 'none'],
    ]);
  });

  it('given a resolver whose bundle is missing, when synthesized, then synth stops and says to run npm run build', async () => {
    const missing: Wiring = { resolvers: [unit('Query', 'me', 'table')], pipelineFunctions: [] };
    await expect(synth({ wiring: missing, locateBundle, lambdas: [] })).rejects.toThrow(
      /bundle of resolvers\/Query\/me\.ts is missing .*run "npm run build"/,
    );
  });

  it('given a resolver on a Lambda that is not deployed, when synthesized, then synth stops naming the field and the data source', async () => {
    const onUploads: Wiring = { resolvers: [unit('Query', 'getApplicant', 'uploads')], pipelineFunctions: [] };
    await expect(synth({ wiring: onUploads, locateBundle, lambdas: [] })).rejects.toThrow(
      /Query\.getApplicant runs on the "uploads" data source, which is not deployed/,
    );
  });

  it('given a field wired twice and other faults, when synthesized, then synth lists every problem as the local server does', async () => {
    const faulty: Wiring = {
      resolvers: [
        unit('Query', 'getApplicant', 'table'),
        unit('Query', 'getApplicant', 'table'),
        pipeline('Mutation', 'createApplicant', []),
      ],
      pipelineFunctions: [...wiring.pipelineFunctions, { name: 'fixtureLoad', dataSource: 'table' }],
    };
    await expect(synth({ wiring: faulty, locateBundle, lambdas: [] })).rejects.toThrow(
      [
        'The wiring table (infra/wiring/) cannot be deployed or served:',
        '  - pipeline function "fixtureLoad" is declared twice',
        '  - Query.getApplicant is wired twice',
        '  - Mutation.createApplicant is a pipeline of 0 functions; AppSync allows 1 to 10',
      ].join('\n'),
    );
  });

  it('given a pipeline naming an undeclared function, or more than 10, when synthesized, then synth stops and says which', async () => {
    const undeclared: Wiring = { resolvers: [pipeline('Mutation', 'createApplicant', ['nowhere'])], pipelineFunctions: [] };
    await expect(synth({ wiring: undeclared, locateBundle, lambdas: [] })).rejects.toThrow(
      /Mutation\.createApplicant names pipeline function "nowhere", which is not declared/,
    );
    const tooLong: Wiring = {
      resolvers: [pipeline('Mutation', 'createApplicant', Array.from({ length: 11 }, () => 'fixtureLoad'))],
      pipelineFunctions: wiring.pipelineFunctions,
    };
    await expect(synth({ wiring: tooLong, locateBundle, lambdas: [] })).rejects.toThrow(/pipeline of 11 functions; AppSync allows 1 to 10/);
  });
});
