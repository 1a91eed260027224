// Reference: "String helpers in util.str" (https://docs.aws.amazon.com/appsync/latest/devguide/str-helpers-in-util-str-js.html)
// and "Math helpers in util.math" (https://docs.aws.amazon.com/appsync/latest/devguide/math-helpers-in-util-math-js.html).

export const strUtils = {
  toUpper: (value: string): string => value.toUpperCase(),
  toLower: (value: string): string => value.toLowerCase(),
  toReplace: (value: string, substring: string, replacement: string): string => value.split(substring).join(replacement),
  normalize: (value: string, normalizationType: string): string => value.normalize(normalizationType.toUpperCase()),
};

export const mathUtils = {
  roundNum: (input: number): number => Math.round(input),
  minVal: (a: number, b: number): number => Math.min(a, b),
  maxVal: (a: number, b: number): number => Math.max(a, b),
  randomDouble: (): number => Math.random(),
  /** A random integer from `start` (inclusive) to `end` (exclusive), like Java's nextInt(origin, bound). */
  randomWithinRange: (start: number, end: number): number => start + Math.floor(Math.random() * (end - start)),
};
