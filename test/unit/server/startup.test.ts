import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { pipeline, unit, type DataSourceName, type Wiring } from '../../../infra/wiring/index.ts';
import { startApiServer, type ApiServer, type ApiServerOptions } from '../../../local/server/index.ts';
import { postGraphql } from './support/clients.ts';
import { startTokenIssuer, type TokenIssuer } from './support/token-issuer.ts';
import { fixtureBundleDir, fixtureWiring } from './fixtures/wiring.ts';

const unusedTable = new DynamoDBClient({ endpoint: 'http://127.0.0.1:9', region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
const started: { close(): Promise<void> }[] = [];

afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.close()));
});

async function start(issuer: TokenIssuer, overrides: Partial<ApiServerOptions> = {}): Promise<ApiServer> {
  const server = await startApiServer({
    httpPort: 0,
    dynamodb: unusedTable,
    tableName: 'unused',
    auth: {
      region: 'us-east-1',
      userPoolId: issuer.userPoolId,
      issuer: issuer.issuer,
      jwksUrl: issuer.jwksUrl,
      iam: { accessKeyId: 'local', secretAccessKey: 'local-secret' },
    },
    ...overrides,
  });
  started.push(server);
  return server;
}

async function issuerFor(): Promise<TokenIssuer> {
  const issuer = await startTokenIssuer();
  started.push({ close: () => issuer.stop() });
  return issuer;
}

describe('startApiServer', () => {
  it("serves the project's own schema and wiring table", async () => {
    const issuer = await issuerFor();
    const server = await start(issuer);

    const response = await postGraphql(
      server.httpUrl,
      { query: '{ __schema { queryType { name } } }' },
      { token: await issuer.token({ sub: 's1', username: 'sam', groups: ['admin'] }) },
    );

    expect(response.body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
  });

  it('refuses to start on a wiring table synth refuses, with the same words (infra/wiring/validate.ts)', async () => {
    const issuer = await issuerFor();
    const wiring: Wiring = {
      resolvers: [
        unit('Query', 'me', 'table'),
        unit('Query', 'me', 'table'),
        unit('Query', 'getApplicant', 'nowhere' as DataSourceName),
        pipeline('Mutation', 'createApplicant', ['undeclared']),
        pipeline('Mutation', 'sendMessage', Array.from({ length: 11 }, () => 'getApplicantItem')),
      ],
      pipelineFunctions: [{ name: 'getApplicantItem', dataSource: 'table' }],
    };

    const starting = start(issuer, { wiring, resolverBundleDir: fixtureBundleDir });

    await expect(starting).rejects.toThrow(
      [
        'The wiring table (infra/wiring/) cannot be deployed or served:',
        '  - Query.me is wired twice',
        '  - Query.getApplicant runs on the "nowhere" data source, which is not deployed',
        '  - Mutation.createApplicant names pipeline function "undeclared", which is not declared in infra/wiring/',
        '  - Mutation.sendMessage is a pipeline of 11 functions; AppSync allows 1 to 10',
      ].join('\n'),
    );
  });

  it('refuses to start when a wired resolver has no bundle, and says how to build them', async () => {
    const issuer = await issuerFor();

    const starting = start(issuer, {
      wiring: { resolvers: [{ typeName: 'Query', fieldName: 'me', kind: 'UNIT', dataSource: 'table' }], pipelineFunctions: [] },
      resolverBundleDir: '/nonexistent/bundles',
    });

    await expect(starting).rejects.toThrow(/run `npm run build`[\s\S]*missing bundle \/nonexistent\/bundles\/Query\/me\.js/);
  });

  it('refuses to start when a bundle uses what APPSYNC_JS does not support, naming the source, line and construct', async () => {
    const issuer = await issuerFor();
    const bundleDir = mkdtempSync(join(tmpdir(), 'refused-bundles-'));
    mkdirSync(join(bundleDir, 'Query'));
    writeFileSync(
      join(bundleDir, 'Query', 'me.js'),
      'export function request(ctx) {\n  try { return {}; } catch (e) { return {}; }\n}\nexport function response(ctx) { let n = 0; n++; return ctx.result; }\n',
    );

    const starting = start(issuer, { wiring: { resolvers: [unit('Query', 'me', 'none')], pipelineFunctions: [] }, resolverBundleDir: bundleDir });

    await expect(starting).rejects.toThrow(
      'resolvers/Query/me.ts: code.js(2,3): try/catch/finally statements are not supported; code.js(4,44): the ++ operator is not supported',
    );
    rmSync(bundleDir, { recursive: true, force: true });
  });

  it('refuses environment variables AppSync would refuse, naming the key and the rule', async () => {
    const issuer = await issuerFor();

    await expect(start(issuer, { environmentVariables: { '1x': 'v' } })).rejects.toThrow(
      'environmentVariables.1x: keys start with a letter, have at least two characters, and hold only letters, digits and _',
    );
    await expect(start(issuer, { environmentVariables: { STAGE: 'v'.repeat(513) } })).rejects.toThrow(
      'environmentVariables.STAGE: values are strings of at most 512 characters',
    );
  });

  it("answers 500 naming the JWKS URL when the user pool's keys cannot be read, rather than blaming the caller", async () => {
    const issuer = await issuerFor();
    const token = await issuer.token({ sub: 's1', username: 'sam' });
    const server = await start(issuer, {
      wiring: fixtureWiring,
      resolverBundleDir: fixtureBundleDir,
      auth: {
        region: 'us-east-1',
        userPoolId: issuer.userPoolId,
        issuer: issuer.issuer,
        jwksUrl: 'http://127.0.0.1:9/pool/.well-known/jwks.json',
        iam: { accessKeyId: 'local', secretAccessKey: 'local-secret' },
      },
    });

    const response = await postGraphql(server.httpUrl, { query: '{ me { id } }' }, { token });

    expect(response.status).toBe(500);
    expect(response.body.errors?.[0]?.message).toContain("Cannot read the user pool's signing keys from http://127.0.0.1:9/pool/.well-known/jwks.json");
  });
});
