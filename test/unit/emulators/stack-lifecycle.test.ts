// A whole stack with its state on disk, as `npm start` runs it: what it keeps in the state folder, what a restart
// finds again, and that stop leaves no process and no port behind.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QueryCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { lambdas } from '../../../infra/lambdas.ts';
import { demoApplicants } from '../../../local/seed/demo-scenario.ts';
import { gsi } from '../../../resolvers/lib/keys.ts';
import { freePort } from '../../../local/emulators/ports.ts';
import { startLocalStack, type LocalStack } from '../../../local/stack.ts';
import { failureOf, listening, occupyPort } from './support.ts';

const randomPorts = { http: 0, https: 0, dynamodb: 0, cognito: 0, s3: 0, ses: 0, stripe: 0 };

/** Whether any process's command line mentions DynamoDB Local on this port. */
function dynamoDbLocalRunsOn(port: number): boolean {
  const processes = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' });
  return processes.split('\n').some((line) => line.includes('DynamoDBLocal.jar') && line.includes(`-port ${port} `));
}

describe('startLocalStack with state on disk', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  });

  it('seeds and keeps state on the first start, finds it again on the next, and stops without leftovers', async () => {
    const stateDir = await mkdtemp(join(tmpdir(), 'stack-state-'));
    dirs.push(stateDir);
    let first: LocalStack | undefined = await startLocalStack({ stateDir, ports: randomPorts });
    const firstInfo = { ...first, stop: undefined };
    try {
      expect(first.firstStart).toMatchObject({ createdCa: true, seeded: true });
      expect((await readdir(stateDir)).sort()).toEqual(
        ['amplify_outputs.json', 'certs', 'cognito', 'dynamodb', 's3', 'state.json'].sort(),
      );
      expect(JSON.parse(await readFile(join(stateDir, 'state.json'), 'utf8'))).toMatchObject({
        userPoolId: first.userPoolId,
        userPoolClientId: first.userPoolClientId,
        seededAt: expect.any(String),
      });
      expect(dynamoDbLocalRunsOn(first.ports.dynamodb)).toBe(true);
    } finally {
      await first.stop();
    }
    for (const port of Object.values(first.ports)) expect(await listening(port), `port ${port}`).toBe(false);
    expect(dynamoDbLocalRunsOn(first.ports.dynamodb)).toBe(false);
    first = undefined;

    const second = await startLocalStack({ stateDir, ports: randomPorts });
    try {
      expect(second.firstStart).toMatchObject({ createdCa: false, seeded: false });
      expect(second.userPoolId).toBe(firstInfo.userPoolId);
      expect(second.userPoolClientId).toBe(firstInfo.userPoolClientId);
      expect(second.caCertificate).toBe(firstInfo.caCertificate);
    } finally {
      await second.stop();
    }

    // A first start cut short while seeding leaves a table but no seededAt: the next start seeds a new table.
    const state = JSON.parse(await readFile(join(stateDir, 'state.json'), 'utf8')) as Record<string, unknown>;
    delete state.seededAt;
    await writeFile(join(stateDir, 'state.json'), JSON.stringify(state));
    const resumed = await startLocalStack({ stateDir, ports: randomPorts });
    try {
      expect(resumed.firstStart).toMatchObject({ createdCa: false, seeded: true });
      const { Count } = await resumed.clients.dynamodb.send(
        new QueryCommand({
          TableName: resumed.tableName,
          IndexName: 'gsi4',
          KeyConditionExpression: 'gsi4pk = :all',
          ExpressionAttributeValues: { ':all': { S: gsi.allApplicants } },
          Select: 'COUNT',
        }),
      );
      expect(Count).toBe(demoApplicants.length);
    } finally {
      await resumed.stop();
    }

    const fresh = await startLocalStack({ stateDir, ports: randomPorts, fresh: true });
    try {
      expect(fresh.firstStart).toMatchObject({ createdCa: true, seeded: true });
      expect(fresh.caCertificate).not.toBe(firstInfo.caCertificate);
    } finally {
      await fresh.stop();
    }
  }, 180_000);

  it('refuses to start when a port is busy, with the one-line message, and starts nothing', async () => {
    const busy = await occupyPort();
    const dynamodb = await freePort();
    try {
      const message = await failureOf(
        startLocalStack({ inMemory: true, ports: { ...randomPorts, http: busy.port, dynamodb } }),
      );
      expect(message).toBe(`port ${busy.port} is in use: stop what uses it or set PORT`);
      expect(dynamoDbLocalRunsOn(dynamodb)).toBe(false);
    } finally {
      await busy.release();
    }
  });

  it('refuses to start when a Lambda entry is mistyped, naming the Lambda and the path, and starts nothing', async () => {
    const dynamodb = await freePort();
    const mistyped = 'functions/uploads/handlr.ts';
    const withTypo = lambdas.map((l) => (l.name === 'uploads' ? { ...l, entry: mistyped } : l));

    const message = await failureOf(startLocalStack({ inMemory: true, ports: { ...randomPorts, dynamodb }, lambdas: withTypo }));

    expect(message).toBe(`infra/lambdas.ts names handler files that are not there: Lambda "uploads": entry ${mistyped} does not exist.`);
    expect(dynamoDbLocalRunsOn(dynamodb)).toBe(false);
  });
});
