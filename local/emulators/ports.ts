import { connect, createServer } from 'node:net';
import { LocalStackError, portInUseMessage } from './errors.ts';

/** The environment variable that moves each local service (local/config.ts). */
export const portEnvNames = {
  http: 'PORT',
  https: 'HTTPS_PORT',
  dynamodb: 'DYNAMODB_PORT',
  cognito: 'COGNITO_PORT',
  s3: 'S3_PORT',
  ses: 'SES_PORT',
  stripe: 'STRIPE_PORT',
} as const;

export type ServiceName = keyof typeof portEnvNames;

/** Emulators listen on the loopback address only: nothing of the local stack is reachable from the network. */
export const loopback = '127.0.0.1';

export class PortInUseError extends LocalStackError {
  override name = 'PortInUseError';
  constructor(readonly port: number, readonly envName: string) {
    super(portInUseMessage(port, envName));
  }
}

/** A port the OS reports free right now (for tests and `ports: { x: 0 }`). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ port: 0, host: loopback }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function answersOn(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host });
    const done = (answered: boolean) => {
      socket.destroy();
      resolve(answered);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

function canListen(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/**
 * Fails with the one-line "port N is in use" error when something already listens on the port. Checks both that
 * nothing answers on it (which catches listeners on any address, also on macOS where a wildcard bind can coexist
 * with a loopback one) and that it can be bound on the loopback address.
 */
export async function assertPortFree(port: number, envName: string): Promise<void> {
  const [v4, v6] = await Promise.all([answersOn(port, loopback), answersOn(port, '::1')]);
  if (v4 || v6 || !(await canListen(port, loopback))) throw new PortInUseError(port, envName);
}

/** 0 means "any free port"; anything else must be a TCP port number. */
export async function resolvePort(port: number, envName: string): Promise<number> {
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new LocalStackError(`${envName} must be a TCP port number (0-65535), got ${port}`);
  }
  return port === 0 ? freePort() : port;
}

/** A port from the environment variable, else the default; a malformed value is refused with its name. */
export function portFromEnv(envName: string, fallback: number, env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[envName];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port > 65_535) {
    throw new LocalStackError(`${envName} must be a TCP port number (0-65535), got "${raw}"`);
  }
  return port;
}
