import { util, type AppSyncIdentityCognito, type AppSyncIdentityIAM, type Context } from '@aws-appsync/utils';

export type Side = 'APPLICANT' | 'STAFF';

/** The caller's Cognito identity, or null for IAM callers. */
export function cognitoIdentity(ctx: Context): AppSyncIdentityCognito | null {
  const identity = ctx.identity as AppSyncIdentityCognito | null;
  return identity && identity.sub ? identity : null;
}

/** The signed-in user's id (Cognito sub). Callers without one are refused as AppSync refuses them. */
export function callerId(ctx: Context): string {
  const identity = cognitoIdentity(ctx);
  if (!identity) util.unauthorized();
  return identity.sub;
}

export function callerGroups(ctx: Context): string[] {
  const identity = cognitoIdentity(ctx);
  return (identity && identity.groups) || [];
}

export function isAdmin(ctx: Context): boolean {
  return callerGroups(ctx).includes('admin');
}

/** Staff and admins work the queue. */
export function isTeam(ctx: Context): boolean {
  const groups = callerGroups(ctx);
  return groups.includes('staff') || groups.includes('admin');
}

/** Internal callers (Lambdas) sign with IAM. */
export function isIamCaller(ctx: Context): boolean {
  const identity = ctx.identity as AppSyncIdentityIAM | null;
  return !!identity && !!identity.accountId && !cognitoIdentity(ctx);
}

/** Which side of a thread the caller writes from. */
export function callerSide(ctx: Context): Side {
  return isTeam(ctx) ? 'STAFF' : 'APPLICANT';
}

/** The actor recorded in audit events: the Cognito sub, or the IAM principal for internal callers. */
export function actorId(ctx: Context): string {
  const cognito = cognitoIdentity(ctx);
  if (cognito) return cognito.sub;
  const iam = ctx.identity as AppSyncIdentityIAM | null;
  return (iam && (iam.userArn || iam.username)) || 'system';
}

/**
 * The caller's address as AppSync saw it: the last entry. AppSync lists the caller's own X-Forwarded-For entries first
 * and the TCP connection's address last, so only the last one cannot be forged by the caller.
 */
export function sourceIp(ctx: Context): string | null {
  const identity = ctx.identity as AppSyncIdentityCognito | AppSyncIdentityIAM | null;
  const ips = identity && identity.sourceIp;
  return ips && ips.length > 0 ? (ips[ips.length - 1] ?? null) : null;
}

/** The table name, from the API's environment variables (AppSync `ctx.env`). */
export function tableName(ctx: Context): string {
  const name = ctx.env && ctx.env.TABLE_NAME;
  if (!name) util.error('The API has no TABLE_NAME environment variable', 'ConfigurationError');
  return name;
}
