// Re-imports the Lambda handlers after a source change, while the stack runs, and puts them in the slot the emulators
// and the API call through. Node caches ES modules for the life of the process, so each reload imports the handlers in
// a new tsx namespace: a fresh module graph of the handlers and everything they import. Handlers that fail to import
// leave the previous ones serving.
import { register } from 'tsx/esm/api';
import type { LambdaDefinition } from '../../infra/lambdas.ts';
import { loadLocalLambdas } from './lambda-handlers.ts';
import type { LambdaSlot } from './lambda-slot.ts';
import type { ReloadReport } from './reload-report.ts';

export interface LambdaReloader {
  reload(): Promise<ReloadReport>;
}

export function createLambdaReloader(
  slot: LambdaSlot,
  region: string,
  root: string,
  definitions?: readonly LambdaDefinition[],
): LambdaReloader {
  let generation = 0;
  return {
    async reload() {
      const startedAt = performance.now();
      generation += 1;
      // A namespace stays registered: a handler may import lazily long after the reload.
      const namespace = register({ namespace: `lambda-reload-${process.pid}-${generation}` });
      try {
        const lambdas = await loadLocalLambdas(region, definitions, root, (url) => namespace.import(url, import.meta.url));
        slot.current = lambdas;
        const ms = Math.round(performance.now() - startedAt);
        return { kind: 'reloaded', part: 'lambdas', line: `reloaded Lambdas ${lambdas.loaded.join(', ')} (${ms} ms)` };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return {
          kind: 'failed',
          part: 'lambdas',
          line: `Lambdas not reloaded (the previous handlers keep serving)\n    ${message.split('\n').join('\n    ')}`,
        };
      }
    },
  };
}
