import { execFileSync, spawn } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateTableCommand, DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { classifyJavaFailure, everyInterfaceWarning, startDynamoDbLocal } from '../../../local/emulators/dynamodb-local.ts';
import { javaMissingMessage, javaTooOldMessage } from '../../../local/emulators/errors.ts';
import { freePort } from '../../../local/emulators/ports.ts';
import { listening, localCredentials, occupyPort, processAlive } from './support.ts';

const client = (endpoint: string) =>
  new DynamoDBClient({ endpoint, region: 'us-east-1', credentials: localCredentials });

describe('DynamoDB Local launcher', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  });

  it('given a free port, starts in memory, answers DynamoDB calls, and stop leaves no Java process', async () => {
    const port = await freePort();
    const dynamo = await startDynamoDbLocal({ port, inMemory: true });
    expect(dynamo.listensOn).toBe('loopback');
    try {
      expect(dynamo.endpoint).toBe(`http://127.0.0.1:${port}`);
      const tables = await client(dynamo.endpoint).send(new ListTablesCommand({}));
      expect(tables.TableNames).toEqual([]);
      expect(processAlive(dynamo.pid)).toBe(true);
    } finally {
      await dynamo.stop();
    }
    expect(processAlive(dynamo.pid)).toBe(false);
    expect(await listening(port)).toBe(false);
  });

  it('stops when the Node process that started it dies without stopping it (SIGKILL)', async () => {
    const port = await freePort();
    const script = `import { startDynamoDbLocal } from './local/emulators/dynamodb-local.ts';
const dynamo = await startDynamoDbLocal({ port: ${port}, inMemory: true });
console.log('java-pid=' + dynamo.pid);
setInterval(() => {}, 1000);`;
    const parent = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const javaPid = await new Promise<number>((resolve, reject) => {
      let out = '';
      parent.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /java-pid=(\d+)/.exec(out);
        if (match) resolve(Number(match[1]));
      });
      parent.once('exit', (code) => reject(new Error(`the parent exited first (${code}): ${out}`)));
    });
    expect(processAlive(javaPid)).toBe(true);

    parent.kill('SIGKILL');
    await expect.poll(() => processAlive(javaPid), { timeout: 10_000, interval: 100 }).toBe(false);
    expect(await listening(port)).toBe(false);
  });

  it('given a data folder, keeps tables across a restart', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'ddb-test-'));
    dirs.push(dataDir);
    const port = await freePort();
    const first = await startDynamoDbLocal({ port, dataDir });
    try {
      await client(first.endpoint).send(
        new CreateTableCommand({
          TableName: 'kept',
          BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
          KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        }),
      );
    } finally {
      await first.stop();
    }
    const second = await startDynamoDbLocal({ port, dataDir });
    try {
      expect((await client(second.endpoint).send(new ListTablesCommand({}))).TableNames).toEqual(['kept']);
    } finally {
      await second.stop();
    }
  });

  it('given a busy port, fails with the one-line message naming DYNAMODB_PORT', async () => {
    const busy = await occupyPort();
    try {
      const error = await startDynamoDbLocal({ port: busy.port, inMemory: true }).catch((e: Error) => e);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toBe(`port ${busy.port} is in use: stop what uses it or set DYNAMODB_PORT`);
    } finally {
      await busy.release();
    }
  });

  it('given a Java without javac (a JRE), starts on every interface and says so', async () => {
    const jre = await mkdtemp(join(tmpdir(), 'jre-'));
    dirs.push(jre);
    await symlink(realpathSync(execFileSync('sh', ['-c', 'command -v java'], { encoding: 'utf8' }).trim()), join(jre, 'java'));
    const warnings: string[] = [];
    const port = await freePort();
    const dynamo = await startDynamoDbLocal({ port, inMemory: true, java: join(jre, 'java'), warn: (m) => warnings.push(m) });
    try {
      expect(dynamo.listensOn).toBe('every interface');
      expect(warnings).toEqual([everyInterfaceWarning(port)]);
      expect((await client(dynamo.endpoint).send(new ListTablesCommand({}))).TableNames).toEqual([]);
    } finally {
      await dynamo.stop();
    }
  });

  it('given no Java, fails with the message that says how to install it', async () => {
    const port = await freePort();
    const error = await startDynamoDbLocal({ port, inMemory: true, java: join(tmpdir(), 'no-such-dir', 'java') }).catch(
      (e: Error) => e,
    );
    expect((error as Error).message).toBe(javaMissingMessage);
    expect(javaMissingMessage).toBe(
      'Java 17+ (a JDK) is required for DynamoDB Local: brew install openjdk@17 / apt-get install openjdk-17-jdk-headless',
    );
  });

  it('reads what a failed JVM printed: too old a Java, the macOS stub without a JDK, a bind failure', () => {
    const tooOld =
      'Exception in thread "main" java.lang.UnsupportedClassVersionError: com/amazonaws/services/dynamodbv2/local/main/ServerRunner has been compiled by a more recent version of the Java Runtime';
    expect(classifyJavaFailure(tooOld, 8000).message).toBe(javaTooOldMessage);
    expect(
      classifyJavaFailure('The operation couldn’t be completed. Unable to locate a Java Runtime.', 8000).message,
    ).toBe(javaMissingMessage);
    expect(classifyJavaFailure('java.net.BindException: Address already in use', 8123).message).toBe(
      'port 8123 is in use: stop what uses it or set DYNAMODB_PORT',
    );
    expect(classifyJavaFailure('Error: something else\nat line 2', 8000).message).toMatch(
      /^DynamoDB Local stopped while starting: /,
    );
  });
});
