// Reference: "XML helpers in util.xml" (https://docs.aws.amazon.com/appsync/latest/devguide/xml-helpers-in-util-xml-js.html):
// toMap turns an XML document into an object, each element a key; an element repeated under one parent becomes a
// list; text that is a number becomes a number; attributes, comments, processing instructions and the XML
// declaration are left out. toJsonString is the same as JSON text.

type XmlValue = string | number | XmlObject | XmlValue[];
interface XmlObject {
  [name: string]: XmlValue;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (_, entity: string) => {
    if (entity[0] === '#') return String.fromCodePoint(entity[1]?.toLowerCase() === 'x' ? parseInt(entity.slice(2), 16) : Number(entity.slice(1)));
    return ENTITIES[entity.toLowerCase()] ?? '';
  });
}

function scalar(text: string): string | number {
  const trimmed = text.trim();
  return /^-?\d+(\.\d+)?$/.test(trimmed) && Number.isFinite(Number(trimmed)) ? Number(trimmed) : trimmed;
}

function xmlError(): Error {
  return new Error('Unable to parse the XML document');
}

class Reader {
  pos = 0;
  constructor(readonly text: string) {}

  skipMisc(): void {
    for (;;) {
      const rest = this.text.slice(this.pos);
      const space = /^\s+/.exec(rest);
      if (space) {
        this.pos += space[0].length;
        continue;
      }
      const skip = /^(<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>)/.exec(rest);
      if (!skip) return;
      this.pos += skip[0].length;
    }
  }

  /** One element at `pos`: its name and value (text, or an object of its children). */
  element(): [string, XmlValue] {
    const open = /^<([A-Za-z_][\w.:-]*)(?:\s[^>]*?)?(\/?)>/.exec(this.text.slice(this.pos));
    if (!open) throw xmlError();
    this.pos += open[0].length;
    const name = open[1]!;
    if (open[2] === '/') return [name, ''];
    const children: XmlObject = {};
    let text = '';
    let hasChildren = false;
    for (;;) {
      const rest = this.text.slice(this.pos);
      if (rest.startsWith(`</${name}`)) {
        const close = /^<\/[^>]*>/.exec(rest);
        if (!close) throw xmlError();
        this.pos += close[0].length;
        return [name, hasChildren ? children : scalar(decode(text))];
      }
      const cdata = /^<!\[CDATA\[([\s\S]*?)\]\]>/.exec(rest);
      if (cdata) {
        text += cdata[1];
        this.pos += cdata[0].length;
      } else if (rest.startsWith('<!--') || rest.startsWith('<?')) {
        this.skipMisc();
      } else if (rest.startsWith('<')) {
        const [child, value] = this.element();
        hasChildren = true;
        const existing = children[child];
        if (existing === undefined) children[child] = value;
        else if (Array.isArray(existing) && (existing as XmlValue[] & { repeated?: true }).repeated) existing.push(value);
        else children[child] = Object.assign([existing, value], { repeated: true as const });
      } else {
        const next = rest.indexOf('<');
        if (next < 0) throw xmlError();
        text += rest.slice(0, next);
        this.pos += next;
      }
    }
  }
}

function plain(value: XmlValue): XmlValue {
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  return value;
}

export const xmlUtils = {
  toMap(xml: unknown): XmlObject {
    const reader = new Reader(String(xml));
    reader.skipMisc();
    const [name, value] = reader.element();
    reader.skipMisc();
    if (reader.pos !== reader.text.length) throw xmlError();
    return { [name]: plain(value) };
  },
  toJsonString(xml: unknown): string {
    return JSON.stringify(xmlUtils.toMap(xml));
  },
};
