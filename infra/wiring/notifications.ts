import type { PipelineFunctionWiring } from './types.ts';

/** Appended to any pipeline that emails someone: sends ctx.stash.notification to the email Lambda (Event). */
export const notificationFunctions: PipelineFunctionWiring[] = [{ name: 'sendNotification', dataSource: 'email' }];
