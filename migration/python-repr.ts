// The old audit log's extra_data is Python's str(dict): single-quoted strings, True/False/None, tuples. No maintained
// npm library reads Python literals, so this is a small recursive-descent reader for exactly that subset.
type Value = string | number | boolean | null | Value[] | { [key: string]: Value };

export class PythonReprError extends Error {}

export function parsePythonRepr(text: string): Value {
  let i = 0;
  const fail = (what: string): never => {
    throw new PythonReprError(`${what} at character ${i} of extra_data`);
  };
  const skip = () => {
    while (i < text.length && /\s/.test(text[i] ?? '')) i += 1;
  };
  const string = (): string => {
    const quote = text[i];
    i += 1;
    let out = '';
    while (i < text.length && text[i] !== quote) {
      if (text[i] === '\\') {
        const next = text[i + 1] ?? '';
        const escapes: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"' };
        if (next === 'x' || next === 'u') {
          const len = next === 'x' ? 2 : 4;
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 2 + len), 16));
          i += 2 + len;
          continue;
        }
        out += escapes[next] ?? `\\${next}`;
        i += 2;
        continue;
      }
      out += text[i];
      i += 1;
    }
    if (text[i] !== quote) fail('unterminated string');
    i += 1;
    return out;
  };
  const sequence = (close: string): Value[] => {
    i += 1;
    const items: Value[] = [];
    for (skip(); text[i] !== close; skip()) {
      items.push(value());
      skip();
      if (text[i] === ',') i += 1;
      else if (text[i] !== close) fail(`expected , or ${close}`);
    }
    i += 1;
    return items;
  };
  const dict = (): { [key: string]: Value } => {
    i += 1;
    const out: { [key: string]: Value } = {};
    for (skip(); text[i] !== '}'; skip()) {
      const key = value();
      skip();
      if (text[i] !== ':') fail('expected :');
      i += 1;
      skip();
      out[String(key)] = value();
      skip();
      if (text[i] === ',') i += 1;
      else if (text[i] !== '}') fail('expected , or }');
    }
    i += 1;
    return out;
  };
  const value = (): Value => {
    skip();
    const c = text[i];
    if (c === "'" || c === '"') return string();
    if (c === '{') return dict();
    if (c === '[') return sequence(']');
    if (c === '(') return sequence(')');
    const word = /^(True|False|None|-?\d+(\.\d+)?([eE][-+]?\d+)?)/.exec(text.slice(i));
    if (!word) return fail('unexpected input');
    i += word[0].length;
    if (word[0] === 'True') return true;
    if (word[0] === 'False') return false;
    if (word[0] === 'None') return null;
    return Number(word[0]);
  };
  const result = value();
  skip();
  if (i !== text.length) fail('trailing input');
  return result;
}
