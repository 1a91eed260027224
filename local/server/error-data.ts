import { Kind, type FieldNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';

// util.error(message, type, data, info) and util.appendError: AppSync filters `data` by the field's selection set, as
// it does the field's own data ("Runtime utilities / util": "the data ... will be filtered based on the query
// selection set"). Keys the query did not select are dropped, selected ones are answered under their alias, nested
// objects and lists follow the nested selections. A field with no selection set (a scalar) keeps its data as is.

type Fragments = Record<string, FragmentDefinitionNode>;

function fieldNodes(selectionSet: SelectionSetNode, fragments: Fragments): FieldNode[] {
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection];
    if (selection.kind === Kind.INLINE_FRAGMENT) return fieldNodes(selection.selectionSet, fragments);
    const fragment = fragments[selection.name.value];
    return fragment ? fieldNodes(fragment.selectionSet, fragments) : [];
  });
}

function filterBySelection(value: unknown, selectionSet: SelectionSetNode | undefined, fragments: Fragments): unknown {
  if (value === null || value === undefined || !selectionSet || typeof value !== 'object') return value ?? null;
  if (Array.isArray(value)) return value.map((item) => filterBySelection(item, selectionSet, fragments));
  const record = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const node of fieldNodes(selectionSet, fragments)) {
    const name = node.name.value;
    if (!(name in record)) continue;
    out[node.alias?.value ?? name] = filterBySelection(record[name], node.selectionSet, fragments);
  }
  return out;
}

/** An error's `data` as the caller receives it: what the field's selection set (all its nodes) selects. */
export function selectedErrorData(data: unknown, fieldNodesOfField: readonly FieldNode[], fragments: Fragments): unknown {
  if (data === null || data === undefined || typeof data !== 'object') return data ?? null;
  const selections = fieldNodesOfField.flatMap((node) => node.selectionSet?.selections ?? []);
  if (selections.length === 0) return data;
  return filterBySelection(data, { kind: Kind.SELECTION_SET, selections }, fragments);
}
