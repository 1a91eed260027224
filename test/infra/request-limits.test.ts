import { Kind, parse, print, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentTokenLimit, queryDepthLimit, resolverCountLimit } from '../../infra/wiring/limits.ts';
import { queryDepthErrors } from '../../local/server/request-limits.ts';
import * as clientOperations from '../../schema/generated/client/graphql.ts';
import { allLambdasWritten, synth } from './support/synth.ts';

// The cost bound per request is set on the deployed API from the one place the local server reads it too, and
// every operation the clients use stays well inside it.

type Resources = Record<string, { Type: string; Properties: Record<string, unknown> }>;

const operationDocuments = Object.entries(clientOperations).filter(
  (entry): entry is [string, DocumentNode] => entry[0].endsWith('Document') && (entry[1] as DocumentNode)?.kind === Kind.DOCUMENT,
);

function deepestLevel(document: DocumentNode, operation: OperationDefinitionNode): number {
  for (let depth = 1; ; depth += 1) if (queryDepthErrors(document, operation, depth).length === 0) return depth;
}

describe('request limits', () => {
  let api: Record<string, unknown>;
  beforeAll(async () => {
    const resources = (await synth({ lambdas: allLambdasWritten })).template.toJSON().Resources as Resources;
    const apis = Object.values(resources).filter((r) => r.Type === 'AWS::AppSync::GraphQLApi');
    expect(apis).toHaveLength(1);
    api = apis[0]!.Properties;
  });

  it('given the synthesized stack, then the API has the shared query depth and resolver count limits', () => {
    expect(api).toMatchObject({ QueryDepthLimit: queryDepthLimit, ResolverCountLimit: resolverCountLimit });
    expect(queryDepthLimit).toBeGreaterThanOrEqual(1);
    expect(queryDepthLimit).toBeLessThanOrEqual(75);
    expect(resolverCountLimit).toBeGreaterThanOrEqual(1);
    expect(resolverCountLimit).toBeLessThanOrEqual(10_000);
  });

  it('given every client operation with its fragments, then it uses at most half the depth and a quarter of the tokens', () => {
    expect(operationDocuments.length).toBeGreaterThan(30);
    for (const [name, document] of operationDocuments) {
      const text = print(document);
      expect(() => parse(text, { maxTokens: Math.floor(documentTokenLimit / 4) }), name).not.toThrow();
      for (const operation of document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)) {
        expect(deepestLevel(document, operation), name).toBeLessThanOrEqual(queryDepthLimit / 2);
      }
    }
  });
});
