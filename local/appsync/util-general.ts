// Reference: "Runtime utilities / util" — type and pattern utils and encoding utils
// (https://docs.aws.amazon.com/appsync/latest/devguide/built-in-util-js.html).

export function isNull(value: unknown): boolean {
  return value === null || value === undefined;
}

export function isNullOrEmpty(value: unknown): boolean {
  return isNull(value) || value === '';
}

export function isNullOrBlank(value: unknown): boolean {
  return isNull(value) || (typeof value === 'string' && value.trim() === '');
}

/** "Null", "Number", "String", "Map", "List", "Boolean", otherwise "Object". */
export function typeOf(value: unknown): string {
  if (isNull(value)) return 'Null';
  if (typeof value === 'number') return 'Number';
  if (typeof value === 'string') return 'String';
  if (typeof value === 'boolean') return 'Boolean';
  if (Array.isArray(value)) return 'List';
  if (typeof value === 'object') return 'Map';
  return 'Object';
}

/** Java's Pattern.matches: the whole input must match. */
export function matches(pattern: string, value: string): boolean {
  return new RegExp(`^(?:${pattern})$`).test(value);
}

/** Apache Commons escapeEcmaScript, which AppSync's escapeJavaScript follows. */
export function escapeJavaScript(value: string): string {
  const named: Record<string, string> = {
    "'": "\\'",
    '"': '\\"',
    '\\': '\\\\',
    '/': '\\/',
    '\b': '\\b',
    '\n': '\\n',
    '\t': '\\t',
    '\f': '\\f',
    '\r': '\\r',
  };
  let out = '';
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (named[ch]) out += named[ch];
    else if (code >= 0x20 && code <= 0x7f) out += ch;
    else if (code > 0xffff) {
      for (const unit of [ch.charCodeAt(0), ch.charCodeAt(1)]) out += `\\u${unit.toString(16).toUpperCase().padStart(4, '0')}`;
    } else out += `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return out;
}

/** application/x-www-form-urlencoded, as java.net.URLEncoder produces it. */
export function urlEncode(value: string): string {
  return encodeURIComponent(value)
    .replace(/[!'()~]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
}

export function urlDecode(value: string): string {
  return decodeURIComponent(value.replace(/\+/g, ' '));
}

export function base64Encode(value: string): string {
  return Buffer.from(value, 'utf8').toString('base64');
}

export function base64Decode(value: string): string {
  return Buffer.from(value, 'base64').toString('utf8');
}
