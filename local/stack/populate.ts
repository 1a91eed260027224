import { configNames } from '../../functions/shared/config.ts';
import type { LambdaDefinition } from '../../infra/lambdas.ts';
import { localNames } from '../config.ts';
import { seedDemoData, seedDemoUsers } from '../seed/index.ts';
import { loadLocalLambdas, type LocalLambdas } from './lambda-handlers.ts';
import type { LambdaSlot } from './lambda-slot.ts';
import type { Provisioned } from './provision.ts';
import type { StartedServices } from './services.ts';
import type { LocalClients } from './types.ts';

/**
 * Phase 5, once the environment is set: the Lambda handlers imported (and handed to the emulators through the slot),
 * the demo data seeded into a new table (or the demo users brought back into a lost pool), the SES templates installed.
 */
export async function loadHandlersAndSeed(
  { modules }: StartedServices,
  clients: LocalClients,
  { table, pool, environment }: Provisioned,
  seed: boolean,
  slot: LambdaSlot,
  definitions?: readonly LambdaDefinition[],
  sourceRoot?: string,
): Promise<{ lambdas: LocalLambdas; seeded: boolean }> {
  const target = { dynamodb: clients.dynamodb, tableName: localNames.tableName, cognito: clients.cognito, userPoolId: pool.userPoolId };
  const [lambdas] = await Promise.all([
    loadLocalLambdas(localNames.region, definitions, sourceRoot),
    seed && table.created ? seedDemoData(target) : undefined,
    // A pool lost while the table was kept: the demo users come back (new subs) with their profiles.
    seed && !table.created && pool.created ? seedDemoUsers(target, { writeProfiles: true }) : undefined,
    modules.emailTemplates.installEmailTemplates(clients.ses, environment[configNames.emailTemplatePrefix] ?? ''),
  ]);
  slot.current = lambdas;
  return { lambdas, seeded: seed && table.created };
}
