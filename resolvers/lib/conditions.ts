// Condition expressions built from parts, so a write can require its version, a status and an owner at once.
import { expression, itemExists, type Expression } from './requests.ts';

/** The attribute holds this value. Placeholders are named after the attribute (`#status`, `:status_is`). */
export function attributeIs(name: string, value: unknown): Expression {
  return expression(`#${name} = :${name}_is`, { [`#${name}`]: name }, { [`:${name}_is`]: value });
}

/** The attribute holds one of these values. */
export function attributeIn(name: string, values: unknown[]): Expression {
  const placeholders: Record<string, unknown> = {};
  values.forEach((value, i) => {
    placeholders[`:${name}_in_${i}`] = value;
  });
  return expression(`#${name} IN (${Object.keys(placeholders).join(', ')})`, { [`#${name}`]: name }, placeholders);
}

/** The attribute does not hold this value (true when the attribute is missing). */
export function attributeIsNot(name: string, value: unknown): Expression {
  return expression(`#${name} <> :${name}_not`, { [`#${name}`]: name }, { [`:${name}_not`]: value });
}

/** Every part must hold: the expressions joined with AND, their placeholders merged (parts must not reuse one). */
export function allOf(parts: Expression[]): Expression {
  let names: Record<string, string> = {};
  let values: Record<string, unknown> = {};
  for (const part of parts) {
    names = { ...names, ...(part.expressionNames || {}) };
    values = { ...values, ...(part.expressionValues || {}) };
  }
  return {
    expression: parts.map((part) => `(${part.expression})`).join(' AND '),
    ...(Object.keys(names).length > 0 ? { expressionNames: names } : {}),
    ...(Object.keys(values).length > 0 ? { expressionValues: values } : {}),
  };
}

/** For a ConditionCheck on a user profile: the user exists and is active (work may be assigned to them). */
export function activeUserProfile(): Expression {
  return allOf([itemExists, attributeIs('active', true)]);
}
