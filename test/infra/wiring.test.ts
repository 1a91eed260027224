import { existsSync } from 'node:fs';
import { isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { functionSource, pipelineFunctions, resolverSource, resolvers } from '../../infra/wiring/index.ts';
import { loadSchema } from '../../schema/index.ts';

const schema = loadSchema();
const key = (typeName: string, fieldName: string) => `${typeName}.${fieldName}`;
const wired = resolvers.map((r) => key(r.typeName, r.fieldName));

/** Fields that must have a resolver: every root field, and object fields the wiring chooses to resolve. */
const rootFields = ['Query', 'Mutation', 'Subscription'].flatMap((typeName) => {
  const type = schema.getType(typeName);
  if (!isObjectType(type)) throw new Error(`schema has no ${typeName} type`);
  return Object.keys(type.getFields()).map((fieldName) => key(typeName, fieldName));
});

describe('the wiring table', () => {
  it('given the schema, when every root field is looked up, then each has exactly one resolver', () => {
    const missing = rootFields.filter((field) => !wired.includes(field));
    expect(missing).toEqual([]);
    const duplicated = wired.filter((field, i) => wired.indexOf(field) !== i);
    expect(duplicated).toEqual([]);
  });

  it('given the wiring, when each entry is looked up in the schema, then its type and field exist', () => {
    const unknown = resolvers.filter((r) => {
      const type = schema.getType(r.typeName);
      return !isObjectType(type) || !(r.fieldName in type.getFields());
    });
    expect(unknown.map((r) => key(r.typeName, r.fieldName))).toEqual([]);
  });

  it('given an implemented resolver, when its sources are looked up, then the files exist and functions are declared', () => {
    const declared = new Set(pipelineFunctions.map((f) => f.name));
    for (const r of resolvers) {
      expect(existsSync(resolverSource(r)), resolverSource(r)).toBe(true);
      if (r.kind === 'PIPELINE') {
        expect(r.functions.length).toBeLessThanOrEqual(10);
        for (const name of r.functions) {
          expect(declared.has(name), `function ${name}`).toBe(true);
          expect(existsSync(functionSource(name)), functionSource(name)).toBe(true);
        }
      }
    }
  });

  it('given a unit subscription resolver, when its data source is read, then it is NONE (it only authorizes and filters)', () => {
    const subscriptions = resolvers.filter((r) => r.typeName === 'Subscription' && r.kind === 'UNIT');
    for (const r of subscriptions) expect(r.kind === 'UNIT' && r.dataSource).toBe('none');
  });
});
