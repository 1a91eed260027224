import { describe, expect, it } from 'vitest';
import { UtilErrorSignal } from '../../../local/appsync/signals.ts';
import { createEvaluationState } from '../../../local/appsync/types.ts';
import { createUtil, type StateHolder } from '../../../local/appsync/util.ts';

// Expected values: "Runtime utilities / util", "String helpers in util.str", "Math helpers in util.math".

function utilWithState() {
  const holder: StateHolder = { current: createEvaluationState('User Pool Authorization', { fieldName: 'getPost', parentTypeName: 'Query' }) };
  return { util: createUtil(holder), state: holder.current! };
}

describe('given the id generators', () => {
  const { util } = utilWithState();

  it('when autoId is called, then it answers a random version-4 UUID', () => {
    const id = util.autoId();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(util.autoId()).not.toBe(id);
  });

  it('when autoUlid is called many times, then each is a 26-char Crockford ULID and they sort in creation order', () => {
    const ids = Array.from({ length: 500 }, () => util.autoUlid());
    for (const id of ids) expect(id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('when autoKsuid is called, then it answers 27 base62 characters', () => {
    const ksuid = util.autoKsuid();
    expect(ksuid).toMatch(/^[0-9A-Za-z]{27}$/);
    expect(util.autoKsuid()).not.toBe(ksuid);
  });
});

describe('given the type and pattern utils', () => {
  const { util } = utilWithState();

  it('when checking null, empty and blank, then only the matching values qualify', () => {
    expect([util.isNull(null), util.isNull(undefined), util.isNull('')]).toEqual([true, true, false]);
    expect([util.isNullOrEmpty(''), util.isNullOrEmpty(' '), util.isNullOrEmpty('a')]).toEqual([true, false, false]);
    expect([util.isNullOrBlank(' \t'), util.isNullOrBlank(null), util.isNullOrBlank('a')]).toEqual([true, true, false]);
    expect(util.defaultIfNull(null, 'd')).toBe('d');
    expect(util.defaultIfNullOrEmpty('', 'd')).toBe('d');
    expect(util.defaultIfNullOrBlank('  ', 'd')).toBe('d');
    expect(util.defaultIfNullOrBlank('x', 'd')).toBe('x');
  });

  it('when asking typeOf, then it answers Null, Number, String, Boolean, List, Map', () => {
    expect([null, 1, 'a', true, [], {}].map((value) => util.typeOf(value))).toEqual(['Null', 'Number', 'String', 'Boolean', 'List', 'Map']);
  });

  it('when matching "a*b" against "aaaaab", then the whole input must match', () => {
    expect(util.matches('a*b', 'aaaaab')).toBe(true);
    expect(util.matches('a*b', 'aaaaabc')).toBe(false);
  });

  it('when asking authType, then it answers the evaluation auth type', () => {
    expect(util.authType()).toBe('User Pool Authorization');
  });
});

describe('given the encoding utils', () => {
  const { util } = utilWithState();

  it('when escaping JavaScript, then quotes, slashes, control and non-ASCII characters are escaped', () => {
    expect(util.escapeJavaScript(`He said "it's" a/b\\c\n\té`)).toBe(`He said \\"it\\'s\\" a\\/b\\\\c\\n\\t\\u00E9`);
  });

  it('when url-encoding, then it is application/x-www-form-urlencoded and decodes back', () => {
    expect(util.urlEncode("a b&c=d/é!'()~*")).toBe('a+b%26c%3Dd%2F%C3%A9%21%27%28%29%7E*');
    expect(util.urlDecode('a+b%26c%3Dd%2F%C3%A9')).toBe('a b&c=d/é');
  });

  it('when base64-encoding UTF-8 text, then it decodes back', () => {
    expect(util.base64Encode('hello wörld')).toBe('aGVsbG8gd8O2cmxk');
    expect(util.base64Decode('aGVsbG8gd8O2cmxk')).toBe('hello wörld');
  });
});

describe('given util.str and util.math', () => {
  const { util } = utilWithState();

  it('when transforming strings, then upper, lower, replace and normalize behave as documented', () => {
    expect(util.str.toUpper('hello World')).toBe('HELLO WORLD');
    expect(util.str.toLower('hello World')).toBe('hello world');
    expect(util.str.toReplace('hello world, hello!', 'hello', 'mellow')).toBe('mellow world, mellow!');
    expect(util.str.normalize('e\u0301', 'nfc')).toBe('é');
  });

  it('when using math helpers, then they round, compare and stay within range', () => {
    expect(util.math.roundNum(10.2)).toBe(10);
    expect(util.math.roundNum(10.5)).toBe(11);
    expect(util.math.minVal(10.2, 11.3)).toBe(10.2);
    expect(util.math.maxVal(10.2, 11.3)).toBe(11.3);
    const random = util.math.randomDouble();
    expect(random).toBeGreaterThanOrEqual(0);
    expect(random).toBeLessThan(1);
    for (let i = 0; i < 100; i += 1) {
      const value = util.math.randomWithinRange(5, 10);
      expect(Number.isInteger(value) && value >= 5 && value < 10).toBe(true);
    }
  });
});

describe('given the error utils', () => {
  it('when appendError is called, then the error is recorded and evaluation continues', () => {
    const { util, state } = utilWithState();
    util.appendError('soft', 'Warning', { a: 1 });
    expect(state.errors).toEqual([{ message: 'soft', errorType: 'Warning', data: { a: 1 }, errorInfo: null }]);
  });

  it('when error is called, then it throws the error AppSync reports', () => {
    const { util } = utilWithState();
    try {
      util.error('boom', 'Custom', { d: 1 }, { info: 2 });
      expect.unreachable();
    } catch (thrown) {
      expect(thrown).toBeInstanceOf(UtilErrorSignal);
      expect((thrown as UtilErrorSignal).error).toEqual({ message: 'boom', errorType: 'Custom', data: { d: 1 }, errorInfo: { info: 2 } });
    }
  });

  it('when unauthorized is called, then the error type is Unauthorized with AppSync wording', () => {
    const { util } = utilWithState();
    expect(() => util.unauthorized()).toThrow(UtilErrorSignal);
    try {
      util.unauthorized();
    } catch (thrown) {
      expect((thrown as UtilErrorSignal).error).toMatchObject({
        errorType: 'Unauthorized',
        message: 'Not Authorized to access getPost on type Query',
      });
    }
  });
});

describe('given util.xml', () => {
  const { util } = utilWithState();
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<posts>
  <post><id>1</id><title>Getting started with GraphQL</title></post>
  <post id="ignored"><id>2</id><title>A &amp; B <![CDATA[<i>]]></title></post>
</posts>`;

  it('when toMap reads a document, then elements become keys, repeated ones a list, and numeric text numbers', () => {
    expect(util.xml.toMap(xml)).toEqual({
      posts: { post: [{ id: 1, title: 'Getting started with GraphQL' }, { id: 2, title: 'A & B <i>' }] },
    });
    expect(util.xml.toMap('<posts><post><id>1</id></post></posts>')).toEqual({ posts: { post: { id: 1 } } });
  });

  it('when toJsonString reads it, then it is the same as JSON text; malformed XML is refused', () => {
    expect(JSON.parse(util.xml.toJsonString(xml))).toEqual(util.xml.toMap(xml));
    expect(() => util.xml.toMap('<posts><post></posts>')).toThrow(/Unable to parse/);
  });
});

describe('given util.http', () => {
  it('when copying headers, then the restricted ones are left out', () => {
    const { util } = utilWithState();
    expect(util.http.copyHeaders({ 'x-request-id': 'r1', cookie: 'c', host: 'h', 'x-amzn-trace-id': 't', Accept: 'json' })).toEqual({
      'x-request-id': 'r1',
      Accept: 'json',
    });
  });

  it('when adding response headers, then they are recorded; refused names and more than 4 KB are errors', () => {
    const { util, state } = utilWithState();
    util.http.addResponseHeader('x-page', 2);
    util.http.addResponseHeaders({ 'x-cache': 'miss' });
    expect(state.responseHeaders).toEqual({ 'x-page': '2', 'x-cache': 'miss' });
    expect(() => util.http.addResponseHeader('Content-Type', 'text/plain')).toThrow(/Content-Type header cannot be set/);
    expect(() => util.http.addResponseHeader('x-amz-thing', '1')).toThrow(/cannot be set/);
    expect(() => util.http.addResponseHeader('x-big', 'v'.repeat(4096))).toThrow(/limited to 4096 bytes/);
    expect(state.responseHeaders).toEqual({ 'x-page': '2', 'x-cache': 'miss' });
  });
});

describe('given util.transform.toElasticsearchQueryDSL', () => {
  it('when a filter has fields with several operators, then each field is a bool/must of its operators inside one bool/must', () => {
    const { util } = utilWithState();
    expect(util.transform.toElasticsearchQueryDSL({ upvotes: { ne: 15, range: [10, 20] }, title: { eq: 'hihihi', wildcard: 'h*i' } })).toEqual({
      bool: {
        must: [
          { bool: { must: [{ bool: { must_not: { term: { upvotes: 15 } } } }, { range: { upvotes: { gte: 10, lte: 20 } } }] } },
          { bool: { must: [{ term: { title: 'hihihi' } }, { wildcard: { title: 'h*i' } }] } },
        ],
      },
    });
  });

  it('when or, not, exists and match operators are used, then they nest as should, must_not and leaf queries', () => {
    const { util } = utilWithState();
    expect(util.transform.toElasticsearchQueryDSL({ or: [{ author: { matchPhrase: 'Ada L' } }, { views: { gt: 3 } }], not: { draft: { exists: true } } })).toEqual({
      bool: {
        must: [
          { bool: { should: [{ bool: { must: [{ bool: { must: [{ match_phrase: { author: 'Ada L' } }] } }] } }, { bool: { must: [{ bool: { must: [{ range: { views: { gt: 3 } } }] } }] } }] } },
          { bool: { must_not: { bool: { must: [{ bool: { must: [{ exists: { field: 'draft' } }] } }] } } } },
        ],
      },
    });
    expect(() => util.transform.toElasticsearchQueryDSL({ a: { like: 1 } })).toThrow(/unsupported operator 'like' on a/);
  });
});
