import { createServer, type Server } from 'node:net';
import { freePort, loopback } from '../../../local/emulators/ports.ts';

/** Something listening on a port, so a launcher finds it busy. */
export async function occupyPort(): Promise<{ port: number; release(): Promise<void> }> {
  const port = await freePort();
  const server: Server = createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(port, loopback, resolve));
  return { port, release: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Whether anything accepts connections on the port. */
export async function listening(port: number): Promise<boolean> {
  const { connect } = await import('node:net');
  return new Promise((resolve) => {
    const socket = connect({ port, host: loopback });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Whether a process with this id still exists. */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export const localCredentials = { accessKeyId: 'local', secretAccessKey: 'local-secret' };

/** The message a promise rejects with (fails the test when it resolves). */
export async function failureOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error('Expected a failure, but it succeeded');
}
