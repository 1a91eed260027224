import { parse, type Node } from 'acorn';
import type { CodeError } from './load-code.ts';

// What AppSync's create-time validation refuses in APPSYNC_JS code, as listed in "Supported runtime features"
// (https://docs.aws.amazon.com/appsync/latest/devguide/supported-features.html) and enforced by the rules of
// @aws-appsync/eslint-plugin: try/catch/finally, throw, while, do-while, C-style for, continue, labels, `++`, `--`,
// `~`, `in`, `instanceof`, classes, async/await, promises, generators, `this`, regex literals and recursion.
// The local runtime runs this on every code it loads, so code AppSync would not save never runs here either.

type AnyNode = Node & Record<string, unknown>;

interface Finding {
  node: Node;
  message: string;
}

const statements: Record<string, string> = {
  TryStatement: 'try/catch/finally statements are not supported',
  ThrowStatement: 'throw statements are not supported (use util.error)',
  WhileStatement: 'while loops are not supported',
  DoWhileStatement: 'do-while loops are not supported',
  ForStatement: 'for(initialization; condition; afterthought) loops are not supported (for-of and for-in are)',
  ContinueStatement: 'continue statements are not supported',
  LabeledStatement: 'labeled statements are not supported',
  ClassDeclaration: 'classes are not supported',
  ClassExpression: 'classes are not supported',
  AwaitExpression: 'await is not supported: async processes and promises are not supported',
  YieldExpression: 'yield is not supported: generators are not supported',
  ThisExpression: 'the this keyword is not supported',
};

function isNode(value: unknown): value is AnyNode {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

function children(node: AnyNode): AnyNode[] {
  const found: AnyNode[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === 'loc') continue;
    if (Array.isArray(value)) found.push(...value.filter(isNode));
    else if (isNode(value)) found.push(value);
  }
  return found;
}

function walk(node: AnyNode, visit: (node: AnyNode) => void): void {
  visit(node);
  for (const child of children(node)) walk(child, visit);
}

function isFunction(node: AnyNode): boolean {
  return node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression';
}

function constructFindings(program: AnyNode): Finding[] {
  const findings: Finding[] = [];
  walk(program, (node) => {
    const statement = statements[node.type];
    if (statement) findings.push({ node, message: statement });
    if (node.type === 'UpdateExpression') findings.push({ node, message: `the ${String(node.operator)} operator is not supported` });
    if (node.type === 'UnaryExpression' && node.operator === '~') findings.push({ node, message: 'the ~ operator is not supported' });
    if (node.type === 'BinaryExpression' && (node.operator === 'in' || node.operator === 'instanceof')) {
      const hint = node.operator === 'in' ? ' (use Object.hasOwn)' : '';
      findings.push({ node, message: `the ${node.operator} operator is not supported${hint}` });
    }
    if (isFunction(node) && node.async) findings.push({ node, message: 'async functions are not supported' });
    if (isFunction(node) && node.generator) findings.push({ node, message: 'generators are not supported' });
    if (node.type === 'Literal' && node.regex) findings.push({ node, message: 'regex literals are not supported' });
    if (node.type === 'Identifier' && node.name === 'Promise') findings.push({ node, message: 'Promise is not supported: async processes and promises are not supported' });
  });
  return findings;
}

/** Named functions (declarations, and const/let/var bound to a function) with the calls by name in their bodies. */
function callGraph(program: AnyNode): Map<string, { node: AnyNode; calls: AnyNode[] }> {
  const graph = new Map<string, { node: AnyNode; calls: AnyNode[] }>();
  const record = (name: string, fn: AnyNode) => {
    const calls: AnyNode[] = [];
    walk(fn.body as AnyNode, (node) => {
      if (node.type === 'CallExpression' && isNode(node.callee) && node.callee.type === 'Identifier') calls.push(node);
    });
    graph.set(name, { node: fn, calls });
  };
  walk(program, (node) => {
    if (node.type === 'FunctionDeclaration' && isNode(node.id)) record(String(node.id.name), node);
    if (node.type === 'VariableDeclarator' && isNode(node.id) && node.id.type === 'Identifier' && isNode(node.init) && isFunction(node.init)) {
      record(String(node.id.name), node.init);
    }
  });
  return graph;
}

/** A call that closes a cycle of calls by name (a function calling itself, directly or through others). */
function recursionFindings(program: AnyNode): Finding[] {
  const graph = callGraph(program);
  const findings: Finding[] = [];
  const reported = new Set<string>();
  for (const start of graph.keys()) {
    // Depth-first from `start`, looking for a call back to `start`.
    const seen = new Set<string>();
    const stack: { name: string; path: string[] }[] = [{ name: start, path: [start] }];
    search: while (stack.length > 0) {
      const { name, path } = stack.pop()!;
      for (const call of graph.get(name)?.calls ?? []) {
        const callee = String((call.callee as AnyNode).name);
        if (callee === start) {
          const cycle = [...path, start];
          const key = [...new Set(cycle)].sort().join(',');
          if (!reported.has(key)) {
            reported.add(key);
            findings.push({ node: call, message: `recursive function calls are not supported: ${cycle.join(' calls ')}` });
          }
          break search;
        }
        if (graph.has(callee) && !seen.has(callee)) {
          seen.add(callee);
          stack.push({ name: callee, path: [...path, callee] });
        }
      }
    }
  }
  return findings;
}

/**
 * The constructs of `code` AppSync's runtime does not support, each as a code error naming the construct, its line
 * and column. Code that does not parse is left to the compiler, which reports it as a PARSER_ERROR.
 */
export function unsupportedConstructs(code: string): CodeError[] {
  let program: AnyNode;
  try {
    program = parse(code, { ecmaVersion: 'latest', sourceType: 'module', locations: true }) as unknown as AnyNode;
  } catch {
    return [];
  }
  const findings = [...constructFindings(program), ...recursionFindings(program)];
  return findings
    .sort((a, b) => a.node.start - b.node.start)
    .map(({ node, message }) => {
      const start = node.loc!.start;
      return {
        errorType: 'LINT_ERROR',
        value: `code.js(${start.line},${start.column + 1}): ${message}`,
        location: { line: start.line, column: start.column + 1, span: node.end - node.start },
      };
    });
}
