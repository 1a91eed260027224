import {
  getNamedType,
  isInterfaceType,
  isObjectType,
  Kind,
  print,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';

// ctx.info.selectionSetList and selectionSetGraphQL, as "AWS AppSync JavaScript resolver context object reference",
// section Info, describes them (https://docs.aws.amazon.com/appsync/latest/devguide/resolver-context-reference-js.html):
// - selectionSetList names fields by alias when aliased, nests with '/', flattens inline fragments and fragment spreads,
//   and for an interface or union type exposes only the fields that belong to that type;
// - selectionSetGraphQL is the field's selection set printed as GraphQL, fragment spreads kept as spreads.
// __typename is left out of the list: it is not a field of the type.

type Fragments = Record<string, FragmentDefinitionNode>;

function collect(selectionSet: SelectionSetNode, type: GraphQLNamedType, fragments: Fragments, prefix: string, out: string[]): void {
  const fields = isObjectType(type) || isInterfaceType(type) ? type.getFields() : {};
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const field = fields[selection.name.value];
      if (!field) continue;
      const path = `${prefix}${selection.alias?.value ?? selection.name.value}`;
      if (!out.includes(path)) out.push(path);
      if (selection.selectionSet) collect(selection.selectionSet, getNamedType(field.type), fragments, `${path}/`, out);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      collect(selection.selectionSet, type, fragments, prefix, out);
    } else {
      const fragment = fragments[selection.name.value];
      if (fragment) collect(fragment.selectionSet, type, fragments, prefix, out);
    }
  }
}

export function selectionSetList(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'returnType' | 'fragments'>): string[] {
  const out: string[] = [];
  const type = getNamedType(info.returnType);
  for (const node of info.fieldNodes) {
    if (node.selectionSet) collect(node.selectionSet, type, info.fragments, '', out);
  }
  return out;
}

export function selectionSetGraphQL(info: Pick<GraphQLResolveInfo, 'fieldNodes'>): string {
  const selectionSet = info.fieldNodes[0]?.selectionSet;
  return selectionSet ? print(selectionSet) : '';
}
