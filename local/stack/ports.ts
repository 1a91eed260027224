import { defaultPorts } from '../config.ts';
import { assertPortFree, portEnvNames, portFromEnv, resolvePort, type ServiceName } from '../emulators/ports.ts';

export type StackPort = ServiceName;

const stackPorts: StackPort[] = ['http', 'https', 'dynamodb', 'cognito', 's3', 'ses', 'stripe'];

/**
 * The port of every service: as requested (0 = any free port), else from its environment variable (PORT,
 * DYNAMODB_PORT, ...), else local/config.ts's default. All are checked before anything starts, so a busy port fails
 * at once with its one-line message.
 */
export async function choosePorts(requested: Partial<Record<StackPort, number>> = {}): Promise<Record<StackPort, number>> {
  const entries = await Promise.all(
    stackPorts.map(async (service) => {
      const envName = portEnvNames[service];
      const wanted = requested[service] ?? portFromEnv(envName, defaultPorts[service]);
      return [service, await resolvePort(wanted, envName)] as const;
    }),
  );
  const ports = Object.fromEntries(entries) as Record<StackPort, number>;
  await Promise.all(stackPorts.map((service) => assertPortFree(ports[service], portEnvNames[service])));
  return ports;
}
