/**
 * What crosses between AppSync and resolver code is JSON. Round-tripping strips functions and `undefined`,
 * turns sandbox-realm objects into ordinary ones, and makes a missing value `null`.
 */
export function toJsonValue(value: unknown): unknown {
  if (value === undefined) return null;
  const text = JSON.stringify(value);
  return text === undefined ? null : JSON.parse(text);
}
