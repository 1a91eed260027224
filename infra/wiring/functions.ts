import type { PipelineFunctionWiring } from './types.ts';

/** Every pipeline function, by name; resolvers name them in their `functions` list. */
export const pipelineFunctions: PipelineFunctionWiring[] = [];
