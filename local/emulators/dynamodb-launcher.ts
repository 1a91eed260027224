// The launcher that binds DynamoDB Local to one address (java/LoopbackDynamoDbLocal.java), compiled with the JDK's
// javac once per launcher source, DynamoDB Local release and java into the OS temp folder, so later starts pay nothing for it.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { javaMissingMessage, jdkMissingMessage, LocalStackError, tail } from './errors.ts';

export const launcherSource = fileURLToPath(new URL('./java/LoopbackDynamoDbLocal.java', import.meta.url));
export const launcherClass = basename(launcherSource, '.java');

/** The javac beside this java (or on the PATH, as the java is). */
export function javacBeside(java: string): string {
  return java.includes('/') ? join(dirname(java), 'javac') : 'javac';
}

function compile(javac: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(javac, args, { timeout: 120_000 }, (error, stdout, stderr) => {
      if (!error) return resolve();
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return reject(new LocalStackError(jdkMissingMessage));
      // macOS's /usr/bin/javac is a stub when no JDK is installed.
      if (/Unable to locate a Java Runtime|No Java runtime present/i.test(stderr)) return reject(new LocalStackError(javaMissingMessage));
      reject(new LocalStackError(`The DynamoDB Local launcher did not compile: ${tail(`${stdout}\n${stderr}`) || error.message}`));
    });
  });
}

/** The folder holding the compiled launcher, for java's class path (with DynamoDBLocal.jar). */
export async function compiledLauncher(java: string, jar: string): Promise<string> {
  if (java.includes('/') && !existsSync(java)) throw new LocalStackError(javaMissingMessage);
  const key = createHash('sha256')
    .update(await readFile(launcherSource))
    .update(jar)
    // Per java too: a class compiled by a newer JDK does not load on an older Java.
    .update(java)
    .digest('hex')
    .slice(0, 16);
  const dir = join(tmpdir(), `scholarvalley-dynamodb-launcher-${key}`);
  if (existsSync(join(dir, `${launcherClass}.class`))) return dir;
  const building = await mkdtemp(`${dir}-building-`);
  try {
    await compile(javacBeside(java), ['-cp', jar, '-d', building, launcherSource]);
    // Another start may have finished first: its copy is the same, keep it.
    await rename(building, dir).catch(() => undefined);
  } finally {
    await rm(building, { recursive: true, force: true });
  }
  return dir;
}
