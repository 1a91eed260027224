import { isObjectType, Kind, type ConstDirectiveNode, type GraphQLSchema } from 'graphql';
import type { AuthMode, Caller } from './identity.ts';

// Schema directive enforcement, per "Configuring authorization and authentication to secure your GraphQL APIs",
// section "Using additional authorization modes" (https://docs.aws.amazon.com/appsync/latest/devguide/security-authz.html):
// - a field's directives replace its type's directives; a field or type without any directive gets the default mode;
// - @aws_cognito_user_pools(cognito_groups: [...]) (and @aws_auth, default mode only) admits only members of a listed
//   group; without cognito_groups any signed-in user-pool user is admitted;
// - @aws_iam admits IAM-signed callers; a caller whose mode no directive names is refused (deny by default).

export interface AuthRule {
  modes: ReadonlySet<AuthMode>;
  /** Null: any user-pool user; otherwise the groups that may pass. */
  cognitoGroups: readonly string[] | null;
}

const directiveModes: Record<string, AuthMode> = {
  aws_cognito_user_pools: 'AMAZON_COGNITO_USER_POOLS',
  aws_auth: 'AMAZON_COGNITO_USER_POOLS',
  aws_iam: 'AWS_IAM',
  aws_api_key: 'API_KEY',
  aws_oidc: 'OPENID_CONNECT',
  aws_lambda: 'AWS_LAMBDA',
};

function groupsArgument(directive: ConstDirectiveNode): string[] | null {
  const argument = directive.arguments?.find((arg) => arg.name.value === 'cognito_groups');
  if (!argument || argument.value.kind !== Kind.LIST) return null;
  return argument.value.values.flatMap((value) => (value.kind === Kind.STRING ? [value.value] : []));
}

/** The rule written by a list of directives, or null when none of them is an auth directive. */
function ruleFromDirectives(directives: readonly ConstDirectiveNode[]): AuthRule | null {
  const modes = new Set<AuthMode>();
  let anyGroup = false;
  const groups = new Set<string>();
  for (const directive of directives) {
    const mode = directiveModes[directive.name.value];
    if (!mode) continue;
    modes.add(mode);
    if (mode === 'AMAZON_COGNITO_USER_POOLS') {
      const listed = groupsArgument(directive);
      if (listed === null) anyGroup = true;
      else listed.forEach((group) => groups.add(group));
    }
  }
  if (modes.size === 0) return null;
  return { modes, cognitoGroups: anyGroup || !modes.has('AMAZON_COGNITO_USER_POOLS') ? null : [...groups] };
}

export interface DirectiveAuthorizer {
  rule(typeName: string, fieldName: string): AuthRule;
  allows(typeName: string, fieldName: string, caller: Caller): boolean;
}

export function createDirectiveAuthorizer(
  schema: GraphQLSchema,
  defaultMode: AuthMode = 'AMAZON_COGNITO_USER_POOLS',
): DirectiveAuthorizer {
  const defaultRule: AuthRule = { modes: new Set([defaultMode]), cognitoGroups: null };
  const cache = new Map<string, AuthRule>();

  function rule(typeName: string, fieldName: string): AuthRule {
    const key = `${typeName}.${fieldName}`;
    const cached = cache.get(key);
    if (cached) return cached;
    const type = schema.getType(typeName);
    let resolved = defaultRule;
    if (isObjectType(type)) {
      const field = type.getFields()[fieldName];
      const typeDirectives = [type.astNode, ...type.extensionASTNodes].flatMap((node) => node?.directives ?? []);
      resolved = ruleFromDirectives(field?.astNode?.directives ?? []) ?? ruleFromDirectives(typeDirectives) ?? defaultRule;
    }
    cache.set(key, resolved);
    return resolved;
  }

  function allows(typeName: string, fieldName: string, caller: Caller): boolean {
    // Introspection (__typename, __schema, __type) is open to every authenticated caller.
    if (typeName.startsWith('__') || fieldName.startsWith('__')) return true;
    const { modes, cognitoGroups } = rule(typeName, fieldName);
    if (!modes.has(caller.mode)) return false;
    if (caller.mode !== 'AMAZON_COGNITO_USER_POOLS' || cognitoGroups === null) return true;
    const callerGroups = caller.identity.groups ?? [];
    return cognitoGroups.some((group) => callerGroups.includes(group));
  }

  return { rule, allows };
}

/** AppSync's message for a field the caller may not touch. */
export function unauthorizedMessage(typeName: string, fieldName: string): string {
  return `Not Authorized to access ${fieldName} on type ${typeName}`;
}
