// SES v1/v2 with aws-ses-v2-local, in this process. It keeps the emails it receives in memory (they are gone after a
// restart) and shows them on its mailbox page at `/`; `GET /store` returns them as JSON.
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import type { RunningEmulator } from './types.ts';
import { assertPortFree, loopback, PortInUseError, portEnvNames } from './ports.ts';

export interface RunningSesLocal extends RunningEmulator {
  /** The page that lists every email sent. */
  mailboxUrl: string;
}

// Loaded with require: it is CommonJS with an `exports.default`, which ESM loaders (Node, tsx, vitest) unwrap differently.
type StartSesServer = (config: { host: string; port: number }) => Promise<Server>;
const sesServer = (createRequire(import.meta.url)('aws-ses-v2-local') as { default: StartSesServer }).default;

/** SES keeps no files: emails live in memory only, so there is no dataDir. */
export async function startSesLocal(options: { port: number }): Promise<RunningSesLocal> {
  const { port } = options;
  await assertPortFree(port, portEnvNames.ses);
  const server: Server = await sesServer({ host: loopback, port });
  // Express 5 calls the listen callback with the error too, so a failed listen still resolves: check it listens.
  if (!server.listening) {
    server.close();
    throw new PortInUseError(port, portEnvNames.ses);
  }
  const endpoint = `http://${loopback}:${port}`;
  let stopping: Promise<void> | undefined;
  return {
    endpoint,
    mailboxUrl: `${endpoint}/`,
    stop() {
      stopping ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return stopping;
    },
  };
}
