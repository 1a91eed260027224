import {
  getNamedType,
  isInterfaceType,
  isObjectType,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type SelectionSetNode,
} from 'graphql';

// What a mutation publishes to subscribers: its result as the mutation's caller received it, restricted to the
// fields the mutation selected ("Subscriptions are triggered from mutations and the mutation selection set is sent to
// subscribers", "Using subscriptions for real-time data applications in AWS AppSync",
// https://docs.aws.amazon.com/appsync/latest/devguide/aws-appsync-real-time-data.html). Response keys are turned back
// into field names, so an alias in the mutation does not rename the field for subscribers.

type Fragments = Record<string, FragmentDefinitionNode>;

function fieldNodes(selectionSet: SelectionSetNode, fragments: Fragments): FieldNode[] {
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection];
    if (selection.kind === Kind.INLINE_FRAGMENT) return fieldNodes(selection.selectionSet, fragments);
    const fragment = fragments[selection.name.value];
    return fragment ? fieldNodes(fragment.selectionSet, fragments) : [];
  });
}

export function toFieldNamedValue(
  value: unknown,
  selectionSet: SelectionSetNode | undefined,
  type: GraphQLNamedType,
  fragments: Fragments,
): unknown {
  if (value === null || value === undefined || !selectionSet) return value ?? null;
  if (Array.isArray(value)) return value.map((item) => toFieldNamedValue(item, selectionSet, type, fragments));
  if (typeof value !== 'object') return value;
  const fields = isObjectType(type) || isInterfaceType(type) ? type.getFields() : {};
  const record = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const node of fieldNodes(selectionSet, fragments)) {
    const name = node.name.value;
    const key = node.alias?.value ?? name;
    if (name in out || !(key in record)) continue;
    const field = fields[name];
    out[name] = field ? toFieldNamedValue(record[key], node.selectionSet, getNamedType(field.type), fragments) : record[key];
  }
  return out;
}
