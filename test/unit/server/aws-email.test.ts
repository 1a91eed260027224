import { buildSchema, GraphQLScalarType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { withAppSyncScalars } from '../../../local/server/aws-scalars.ts';

const schema = withAppSyncScalars(buildSchema('scalar AWSEmail\ntype Query { email: AWSEmail }'));
const awsEmail = schema.getType('AWSEmail') as GraphQLScalarType;

describe('AWSEmail', () => {
  it('given an address whose domain is one name (RFC 822), when it is parsed, then it is accepted', () => {
    expect(awsEmail.parseValue('root@localhost')).toBe('root@localhost');
    expect(awsEmail.parseValue('ana.lima@example.com.br')).toBe('ana.lima@example.com.br');
  });

  it.each(['root', 'a b@example.com', 'a@b@example.com', 'a@example..com', 'a@.example.com', '@example.com'])(
    'given %s, when it is parsed, then it is refused naming the rule',
    (value) => {
      expect(() => awsEmail.parseValue(value)).toThrow(/local-part@domain-part/);
    },
  );
});
