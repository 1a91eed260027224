import { Kind, type DocumentNode, type FragmentDefinitionNode } from 'graphql';

/** The document's fragment definitions by name (graphql-js's `info.fragments` shape). */
export function fragmentsOf(document: DocumentNode): Record<string, FragmentDefinitionNode> {
  return Object.fromEntries(
    document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])),
  );
}
