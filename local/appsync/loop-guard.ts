import { parse, type Node } from 'acorn';

// Stops a runaway handler without a vm `timeout` (which starts a watchdog thread for every call: 17.8% of the local
// server's CPU). While, do-while, C-style for, recursion and generators never load (unsupported-code.ts), so a handler
// can only run long in a for-of / for-in (an iterator can be endless: `Array(2 ** 32 - 1).keys()`) or in callbacks
// that array methods call. The code is rewritten so that every such loop body and every function body first calls
// the guard, which compares the clock with the call's deadline every few thousand steps and throws past it.
// Text is only inserted, never on a new line, so line numbers in errors stay those of the code as written.

export const GUARD_NAME = '__appsyncGuard';

type AnyNode = Node & Record<string, unknown>;

function isNode(value: unknown): value is AnyNode {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

function walk(node: AnyNode, visit: (node: AnyNode) => void): void {
  visit(node);
  for (const [key, value] of Object.entries(node)) {
    if (key === 'loc') continue;
    if (Array.isArray(value)) for (const child of value) if (isNode(child)) walk(child, visit);
    if (isNode(value)) walk(value, visit);
  }
}

interface Insertion {
  at: number;
  text: string;
}

/** Inserts a guard call at the start of `body` (a loop body or a function body). */
function guard(body: AnyNode, insertions: Insertion[]): void {
  const call = `${GUARD_NAME}();`;
  if (body.type === 'BlockStatement') insertions.push({ at: body.start + 1, text: call });
  else if (body.type === 'EmptyStatement') insertions.push({ at: body.start, text: call });
  else {
    insertions.push({ at: body.start, text: `{${call}` });
    insertions.push({ at: body.end, text: '}' });
  }
}

/** `code` with the guard calls inserted; code that does not parse is returned as it is, for the compiler to report. */
export function guardLoops(code: string): string {
  let program: AnyNode;
  try {
    program = parse(code, { ecmaVersion: 'latest', sourceType: 'module' }) as unknown as AnyNode;
  } catch {
    return code;
  }
  const insertions: Insertion[] = [];
  walk(program, (node) => {
    if (node.type === 'ForOfStatement' || node.type === 'ForInStatement') guard(node.body as AnyNode, insertions);
    if (node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression') guard(node.body as AnyNode, insertions);
    if (node.type === 'ArrowFunctionExpression') {
      const body = node.body as AnyNode;
      if (body.type === 'BlockStatement') guard(body, insertions);
      else {
        insertions.push({ at: body.start, text: `(${GUARD_NAME}(), ` });
        insertions.push({ at: body.end, text: ')' });
      }
    }
  });
  // From the end backwards, so earlier offsets stay valid; at one offset, closing text goes before opening text.
  const opens = (insertion: Insertion) => insertion.text.startsWith('{') || insertion.text.startsWith('(');
  insertions.sort((a, b) => b.at - a.at || Number(opens(b)) - Number(opens(a)));
  let guarded = code;
  for (const { at, text } of insertions) guarded = guarded.slice(0, at) + text + guarded.slice(at);
  return guarded;
}

/** The guard of one module: `start(ms)` before each handler call, then the guarded code calls `check`. */
export function createGuard() {
  const STEPS_BETWEEN_CLOCK_READS = 4_096;
  let deadline = Infinity;
  let limitMs = 0;
  let steps = 0;
  return {
    start(ms: number) {
      limitMs = ms;
      deadline = performance.now() + ms;
      steps = 0;
    },
    check() {
      steps += 1;
      if (steps % STEPS_BETWEEN_CLOCK_READS === 0 && performance.now() > deadline) {
        deadline = Infinity;
        throw new Error(`Script execution timed out after ${limitMs}ms`);
      }
    },
  };
}
