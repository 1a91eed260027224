import { getOperationAST, parse, validate, type DocumentNode, type GraphQLError, type GraphQLSchema } from 'graphql';
import { isTokenLimitError, queryDepthErrors, tokenLimitError, type RequestLimits } from './request-limits.ts';

// Parsing and validating a document costs more than the GetItem it asks for, and clients send the same few
// documents again and again; so the outcome is kept per document text (validation depends only on the text and the
// schema). Each distinct text is still parsed with the token limit and validated once. The cache is a bounded LRU:
// a Map keeps insertion order, so the first key is the least recently used. Long texts are not kept, so the cache
// stays small whatever clients send.

const MAX_ENTRIES = 500;
const MAX_CACHED_TEXT_LENGTH = 20_000;

export type PreparedDocument =
  | { ok: true; document: DocumentNode; depthErrors(operationName: string | null | undefined): readonly GraphQLError[] }
  | { ok: false; errors: readonly GraphQLError[] };

export type DocumentPreparer = (text: string) => PreparedDocument;

function prepare(schema: GraphQLSchema, limits: RequestLimits, text: string): PreparedDocument {
  let document: DocumentNode;
  try {
    document = parse(text, { maxTokens: limits.documentTokens });
  } catch (error) {
    return { ok: false, errors: [isTokenLimitError(error) ? tokenLimitError(limits.documentTokens) : (error as GraphQLError)] };
  }
  const validationErrors = validate(schema, document);
  if (validationErrors.length > 0) return { ok: false, errors: validationErrors };
  const byOperation = new Map<string | null, readonly GraphQLError[]>();
  return {
    ok: true,
    document,
    depthErrors(operationName) {
      const key = operationName ?? null;
      let errors = byOperation.get(key);
      if (!errors) {
        const operation = getOperationAST(document, operationName);
        errors = operation ? queryDepthErrors(document, operation, limits.queryDepth) : [];
        byOperation.set(key, errors);
      }
      return errors;
    },
  };
}

export function createDocumentPreparer(schema: GraphQLSchema, limits: RequestLimits): DocumentPreparer {
  const cache = new Map<string, PreparedDocument>();
  return (text) => {
    const cached = cache.get(text);
    if (cached) {
      cache.delete(text);
      cache.set(text, cached);
      return cached;
    }
    const prepared = prepare(schema, limits, text);
    if (text.length <= MAX_CACHED_TEXT_LENGTH) {
      cache.set(text, prepared);
      if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
    }
    return prepared;
  };
}
