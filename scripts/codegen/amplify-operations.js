// A graphql-codegen plugin: every operation of schema/operations/ as a string typed the way Amplify JS v6's
// `generateClient().graphql()` reads it (GeneratedQuery / GeneratedMutation / GeneratedSubscription, the brands
// Amplify's own codegen writes into queries.ts). Amplify bundles graphql 15, so the graphql 16 TypedDocumentNode
// documents of ../client/ do not fit its types; a branded string does, with typed variables and result.
// The brands are declared here, as Amplify's codegen does, so the file needs no import from Amplify.
import { Kind, print, visit } from 'graphql';

const BRAND = { query: 'GeneratedQuery', mutation: 'GeneratedMutation', subscription: 'GeneratedSubscription' };
const SUFFIX = { query: 'Query', mutation: 'Mutation', subscription: 'Subscription' };

function fragmentSpreads(node) {
  const names = new Set();
  visit(node, { FragmentSpread: (spread) => void names.add(spread.name.value) });
  return names;
}

// The fragments an operation needs, transitively, in a stable order.
function fragmentsOf(operation, fragments) {
  const needed = new Map();
  const pending = [...fragmentSpreads(operation)];
  while (pending.length > 0) {
    const name = pending.shift();
    if (needed.has(name)) continue;
    const fragment = fragments.get(name);
    if (!fragment) throw new Error(`amplify-operations: unknown fragment ${name}`);
    needed.set(name, fragment);
    pending.push(...fragmentSpreads(fragment));
  }
  return [...needed.values()].sort((a, b) => a.name.value.localeCompare(b.name.value));
}

const lowerFirst = (name) => name.charAt(0).toLowerCase() + name.slice(1);

/** @type {import('@graphql-codegen/plugin-helpers').PluginFunction<{ typesPath: string }>} */
export const plugin = (_schema, documents, config) => {
  const definitions = documents.flatMap((file) => (file.document ? file.document.definitions : []));
  const fragments = new Map(
    definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  const operations = definitions
    .filter((d) => d.kind === Kind.OPERATION_DEFINITION)
    .sort((a, b) => a.name.value.localeCompare(b.name.value));
  const lines = [
    '/* eslint-disable */',
    `import type * as types from '${config.typesPath}';`,
    '',
    'type GeneratedQuery<InputType, OutputType> = string & { __generatedQueryInput: InputType; __generatedQueryOutput: OutputType };',
    'type GeneratedMutation<InputType, OutputType> = string & { __generatedMutationInput: InputType; __generatedMutationOutput: OutputType };',
    'type GeneratedSubscription<InputType, OutputType> = string & { __generatedSubscriptionInput: InputType; __generatedSubscriptionOutput: OutputType };',
  ];
  for (const operation of operations) {
    if (!operation.name) throw new Error('amplify-operations: every operation needs a name');
    const name = operation.name.value;
    const typeName = `${name}${SUFFIX[operation.operation]}`;
    const text = [operation, ...fragmentsOf(operation, fragments)].map((node) => print(node)).join('\n\n');
    lines.push(
      '',
      `export const ${lowerFirst(name)} = /* GraphQL */ \`${text.replaceAll('`', '\\`')}\` as ${BRAND[operation.operation]}<`,
      `  types.${typeName}Variables,`,
      `  types.${typeName}`,
      '>;',
    );
  }
  return `${lines.join('\n')}\n`;
};
