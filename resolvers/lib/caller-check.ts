// Writes check the caller's profile: active, in a role covering the token's groups (docs/authorization.md).
import { util, type Context } from '@aws-appsync/utils';
import { allOf } from './conditions.ts';
import { callerGroups, cognitoIdentity } from './context.ts';
import { userKey } from './keys.ts';
import { expression, transactWrite, txConditionCheck, type Expression, type TransactItem } from './requests.ts';

/** Profile roles that hold at least the rights of the highest group a token claims (a promotion keeps old rights). */
export function rolesCoveringClaim(groups: string[]): string[] {
  if (groups.includes('admin')) return ['ADMIN'];
  if (groups.includes('staff')) return ['STAFF', 'ADMIN'];
  return ['APPLICANT', 'STAFF', 'ADMIN'];
}

/** The condition on the caller's own profile item. */
export function callerStanding(ctx: Context): Expression {
  const roles = rolesCoveringClaim(callerGroups(ctx));
  const values: Record<string, unknown> = { ':callerActive': true };
  roles.forEach((role, i) => {
    values[`:callerRole${i}`] = role;
  });
  const rolePlaceholders = roles.map((_, i) => `:callerRole${i}`).join(', ');
  return expression(
    `attribute_exists(pk) AND #active = :callerActive AND #role IN (${rolePlaceholders})`,
    { '#active': 'active', '#role': 'role' },
    values,
  );
}

function sameKey(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * TransactWriteItems for a write by ctx's caller: `items` plus the caller check, appended last so the positions the
 * response handler reads stay as they are. When the write already checks the caller's profile (a task assigned to
 * themselves), the caller's condition joins that ConditionCheck: one transaction cannot touch one item twice.
 * IAM callers (internal Lambdas) have no profile and are not checked. Leaves the check's position in
 * ctx.stash.callerCheckAt.
 */
export function callerTransactWrite(ctx: Context, table: string, items: TransactItem[]) {
  const identity = cognitoIdentity(ctx);
  if (!identity) return transactWrite(items);
  const key = util.dynamodb.toMapValues(userKey(identity.sub));
  const standing = callerStanding(ctx);
  const existing = items.findIndex((item) => item.operation === 'ConditionCheck' && sameKey(item.key, key));
  if (existing >= 0) {
    const check = items[existing] as ReturnType<typeof txConditionCheck>;
    ctx.stash.callerCheckAt = existing;
    const merged = items.map((item, i) => (i === existing ? { ...check, condition: allOf([check.condition, standing]) } : item));
    return transactWrite(merged);
  }
  ctx.stash.callerCheckAt = items.length;
  return transactWrite([...items, txConditionCheck(table, userKey(identity.sub), standing)]);
}

/** For a write that reads the caller's profile first (their own profile, Cognito admin calls): the same rule. */
export function callerProfileStands(ctx: Context, profile: { active?: boolean; role?: string } | null | undefined): boolean {
  return !!profile && profile.active === true && rolesCoveringClaim(callerGroups(ctx)).includes(profile.role || '');
}
