import { parse, type FieldNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { selectionSetGraphQL, selectionSetList } from '../../../local/server/selection-set.ts';
import { loadSchema } from '../../../schema/index.ts';

// ctx.info.selectionSetList / selectionSetGraphQL for a nested selection with aliases and fragments.

describe('selection sets', () => {
  const document = parse(`query {
  getApplicant(id: "a1") {
    id
    first: firstName
    assignedStaff { id mail: email __typename }
    ... on Applicant { status }
    ...Bundle
  }
}
fragment Bundle on Applicant { bundle { name } }`);
  const operation = document.definitions[0] as OperationDefinitionNode;
  const fragment = document.definitions[1] as FragmentDefinitionNode;
  const info = {
    fieldNodes: [operation.selectionSet.selections[0] as FieldNode],
    returnType: loadSchema().getQueryType()!.getFields().getApplicant!.type,
    fragments: { Bundle: fragment },
  };

  it('lists aliases, nests with /, flattens fragments and leaves __typename out', () => {
    expect(selectionSetList(info)).toEqual([
      'id',
      'first',
      'assignedStaff',
      'assignedStaff/id',
      'assignedStaff/mail',
      'status',
      'bundle',
      'bundle/name',
    ]);
  });

  it('prints the selection set with fragment spreads kept', () => {
    expect(selectionSetGraphQL(info)).toBe(
      '{\n  id\n  first: firstName\n  assignedStaff {\n    id\n    mail: email\n    __typename\n  }\n  ... on Applicant {\n    status\n  }\n  ...Bundle\n}',
    );
  });
});
