// The whole local stack in one call: DynamoDB Local, cognito-local, s3rver and aws-ses-v2-local, the table, user pool
// and demo data, the Lambda handlers in-process, and the local AppSync API over HTTP and HTTPS/WSS. `npm start`
// (local/start.ts) and the test suite's global setup (test/setup/) both start it through startLocalStack(); each phase
// lives in local/stack/. With `watch`, source changes are reloaded while it runs (local/stack/source-watcher.ts).
import { startLocalApi } from './stack/api.ts';
import { Cleanups } from './stack/cleanups.ts';
import { createClients } from './stack/clients.ts';
import { describeStack, writeStackFiles } from './stack/describe.ts';
import type { LambdaSlot } from './stack/lambda-slot.ts';
import { loadHandlersAndSeed } from './stack/populate.ts';
import { prepareStart } from './stack/prepare.ts';
import { provision } from './stack/provision.ts';
import { startServices } from './stack/services.ts';
import { startWatching } from './stack/watch.ts';
import type { LocalStack, LocalStackInfo, LocalStackOptions } from './stack/types.ts';

export type { LocalClients, LocalStack, LocalStackInfo, LocalStackOptions } from './stack/types.ts';

export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const cleanups = new Cleanups();
  try {
    const seed = options.seed ?? true;
    const prepared = await prepareStart(options, cleanups);
    const slot: LambdaSlot = {};
    const services = await startServices(options, prepared, slot, cleanups);
    const clients = createClients(services, cleanups);
    const provisioned = await provision(prepared, services, clients, seed, cleanups);
    const outcome = await loadHandlersAndSeed(services, clients, provisioned, seed, slot, options.lambdas, options.sourceRoot);
    const api = await startLocalApi(options, prepared, services, clients, provisioned, outcome.lambdas, slot, cleanups);
    await writeStackFiles(prepared, services, provisioned, api, outcome.seeded);
    if (options.watch) await startWatching(options, options.watch, slot, cleanups);
    return {
      ...describeStack(prepared, services, provisioned, api, outcome),
      clients,
      environment: provisioned.environment,
      stop: () => cleanups.run(),
    };
  } catch (error) {
    await cleanups.run();
    throw error;
  }
}

/** The plain-data part of a running stack. */
export function stackInfo(stack: LocalStack): LocalStackInfo {
  const { clients: _clients, environment: _environment, stop: _stop, ...info } = stack;
  return info;
}
