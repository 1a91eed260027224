import { isIP } from 'node:net';
import {
  buildASTSchema,
  isIntrospectionType,
  isScalarType,
  isSpecifiedDirective,
  isSpecifiedScalarType,
  Kind,
  type DefinitionNode,
  type GraphQLSchema,
  type ValueNode,
} from 'graphql';

// AppSync's scalars, validated and converted as "Scalar types in AWS AppSync" describes
// (https://docs.aws.amazon.com/appsync/latest/devguide/scalars.html): date and time strings in extended ISO 8601,
// AWSTimestamp as epoch seconds, AWSJSON as a JSON string that resolvers receive parsed and clients receive as a
// string, AWSEmail/AWSURL/AWSPhone/AWSIPAddress checked for their form. Invalid input is refused before any resolver
// runs, with a message naming the scalar and the rule.

type Check = (value: string) => boolean;

const offset = '(Z|[+-]\\d{2}:\\d{2}(:\\d{2})?)';
const date = '\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])';
const time = '([01]\\d|2[0-3]):[0-5]\\d(:[0-5]\\d(\\.\\d{1,9})?)?';

const stringScalars: Record<string, { rule: string; check: Check }> = {
  AWSDate: { rule: 'a date as YYYY-MM-DD, optionally with a time zone offset', check: (v) => new RegExp(`^${date}${offset}?$`).test(v) },
  AWSTime: { rule: 'a time as hh:mm[:ss[.sss]], optionally with a time zone offset', check: (v) => new RegExp(`^${time}${offset}?$`).test(v) },
  AWSDateTime: {
    rule: 'a date-time as YYYY-MM-DDThh:mm[:ss[.sss]] with a time zone offset (Z or ±hh:mm)',
    check: (v) => new RegExp(`^${date}T${time}${offset}$`).test(v),
  },
  // RFC 822, as AppSync documents it, lets the domain be a single name: `root@localhost` is an AWSEmail.
  AWSEmail: { rule: 'an email address (local-part@domain-part, RFC 822)', check: (v) => /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)*$/.test(v) },
  AWSURL: {
    rule: 'a URL with a scheme (scheme://...)',
    check: (v) => {
      try {
        return /^[a-z][a-z0-9+.-]*:/i.test(v) && Boolean(new URL(v).protocol);
      } catch {
        return false;
      }
    },
  },
  AWSPhone: { rule: 'a phone number (digits, optionally +country code, spaces, hyphens)', check: (v) => /^\+?[0-9][0-9 ().-]{2,}$/.test(v) },
  AWSIPAddress: {
    rule: 'an IPv4 or IPv6 address, optionally with a /prefix',
    check: (v) => {
      const [address = '', prefix, extra] = v.split('/');
      if (extra !== undefined) return false;
      const family = isIP(address);
      if (family === 0) return false;
      if (prefix === undefined) return true;
      return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
    },
  },
};

function invalid(scalar: string, value: unknown, rule: string): TypeError {
  return new TypeError(`${scalar} must be ${rule}; got ${JSON.stringify(value)}`);
}

function stringLiteral(scalar: string, node: ValueNode, rule: string): string {
  if (node.kind !== Kind.STRING) throw invalid(scalar, node.kind, rule);
  return node.value;
}

function patchStringScalar(schema: GraphQLSchema, name: string, rule: string, check: Check): void {
  const type = schema.getType(name);
  if (!isScalarType(type)) return;
  const accept = (value: unknown): string => {
    if (typeof value !== 'string' || !check(value)) throw invalid(name, value, rule);
    return value;
  };
  type.serialize = accept;
  type.parseValue = accept;
  type.parseLiteral = (node) => accept(stringLiteral(name, node, rule));
}

function patchTimestamp(schema: GraphQLSchema): void {
  const type = schema.getType('AWSTimestamp');
  if (!isScalarType(type)) return;
  const rule = 'an integer number of seconds since 1970-01-01T00:00Z';
  const accept = (value: unknown): number => {
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw invalid('AWSTimestamp', value, rule);
    return value;
  };
  type.serialize = accept;
  type.parseValue = accept;
  type.parseLiteral = (node) => {
    if (node.kind !== Kind.INT) throw invalid('AWSTimestamp', node.kind, rule);
    return accept(Number(node.value));
  };
}

function patchJson(schema: GraphQLSchema): void {
  const type = schema.getType('AWSJSON');
  if (!isScalarType(type)) return;
  const rule = 'a string holding valid JSON';
  const parse = (value: unknown): unknown => {
    if (typeof value !== 'string') throw invalid('AWSJSON', value, rule);
    try {
      return JSON.parse(value) as unknown;
    } catch {
      throw invalid('AWSJSON', value, rule);
    }
  };
  // Clients always receive a JSON string; a string a resolver returns is taken to be JSON already.
  type.serialize = (value) => (typeof value === 'string' ? value : JSON.stringify(value));
  type.parseValue = parse;
  type.parseLiteral = (node) => parse(stringLiteral('AWSJSON', node, rule));
}

/**
 * A copy of `schema` (rebuilt from its SDL nodes, so applied directives are kept) whose AWS scalars validate and
 * convert as AppSync's do. The input schema is not modified.
 */
export function withAppSyncScalars(schema: GraphQLSchema): GraphQLSchema {
  const definitions: DefinitionNode[] = [];
  if (schema.astNode) definitions.push(schema.astNode);
  definitions.push(...schema.extensionASTNodes);
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
    if (!type.astNode) throw new Error(`Type ${type.name} has no SDL definition; the local server needs an SDL-built schema`);
    definitions.push(type.astNode, ...type.extensionASTNodes);
  }
  for (const directive of schema.getDirectives()) {
    if (!isSpecifiedDirective(directive) && directive.astNode) definitions.push(directive.astNode);
  }
  const copy = buildASTSchema({ kind: Kind.DOCUMENT, definitions }, { assumeValidSDL: true });
  for (const [name, { rule, check }] of Object.entries(stringScalars)) patchStringScalar(copy, name, rule, check);
  patchTimestamp(copy);
  patchJson(copy);
  return copy;
}
