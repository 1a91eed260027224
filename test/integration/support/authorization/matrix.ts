// The shape of the authorization matrix (one row per root field, one cell per caller, one or more probes per cell),
// and its Markdown rendering, which docs/authorization.md carries between two markers.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { Kind, type DocumentNode, type OperationDefinitionNode, type OperationTypeNode } from 'graphql';
import type { SignedInUser } from '../../../setup/users.ts';
import type { LiveSubscription } from '../realtime-callers.ts';
import { callerNames, type CallerName, type MatrixFixtures } from './fixtures.ts';
import { outcomeLabel, type Outcome, type RootType, type Tolerated } from './outcomes.ts';

export type Variables = Record<string, unknown>;
export type VariablesFor<V> = (f: MatrixFixtures, caller: CallerName) => V | Promise<V>;

export interface Probe<V extends Variables = Variables> {
  outcome: Outcome;
  /** Variables for this probe; the row's otherwise. */
  vars?: VariablesFor<V>;
  /** What is different about this probe's arguments, as the docs say it ("without id"). */
  note?: string;
  /** What the allowed answer is limited to, as the docs say it ("revenue null"). */
  detail?: string;
  /** More to check on an allowed answer (the root field's value). */
  check?: (value: unknown, f: MatrixFixtures, caller: CallerName) => void;
  /**
   * An error the allowed call may end in for a reason that has nothing to do with authorization (it got past every
   * check); the call must otherwise succeed.
   */
  tolerate?: Tolerated;
  /** A known authorization hole: the probe is expected to fail until the resolver is fixed. Names the hole. */
  hole?: string;
}

export type Cell<V extends Variables = Variables> = Outcome | Probe<V> | Array<Probe<V>>;

/** Subscriptions for a delivery test, on one connection per caller. */
export interface LiveHarness {
  /** Starts a subscription that must be acknowledged. */
  subscribe<T, V extends Variables>(caller: CallerName, document: TypedDocumentNode<T, V>, variables: V): Promise<LiveSubscription>;
  /** Starts a subscription that must be refused (it stays on the connection the refusal came on). */
  attempt<T, V extends Variables>(caller: CallerName, document: TypedDocumentNode<T, V>, variables: V): Promise<void>;
  /** No event at all, for any subscription or attempt, reaches the caller's connection within `ms`. */
  expectNothingFor(caller: CallerName, ms: number): Promise<void>;
}

export interface MatrixRow<V extends Variables = Variables> {
  type: RootType;
  field: string;
  document: TypedDocumentNode<unknown, V>;
  /** The variables every caller sends unless its probe says otherwise: they name A's items. */
  vars: VariablesFor<V>;
  /** Variables for allowed calls of a row that changes what it touches: a new item each time. */
  fresh?: VariablesFor<V>;
  cells: Record<CallerName, Cell<V>>;
  /** Subscriptions only: A's real event reaches A (and the team), never B's acknowledged subscriptions. */
  delivery?: (f: MatrixFixtures, live: LiveHarness) => Promise<void>;
}

const rootTypes: Record<OperationTypeNode, RootType> = { query: 'Query', mutation: 'Mutation', subscription: 'Subscription' };

/** The root type and field a client document calls: it must be one operation selecting one field. */
export function operationOf(document: DocumentNode): { type: RootType; field: string } {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const selections = operations[0]?.selectionSet.selections ?? [];
  const [selection] = selections;
  if (operations.length !== 1 || selections.length !== 1 || selection?.kind !== Kind.FIELD) {
    throw new Error('A matrix row needs a document with one operation that selects one root field');
  }
  return { type: rootTypes[operations[0]!.operation], field: selection.name.value };
}

/**
 * A row for the field `document` calls. Curried so that the document alone fixes the variables' type, and the
 * variables written in the row are checked against it (enum values stay literal).
 */
export function row<T, V extends Variables>(document: TypedDocumentNode<T, V>) {
  return (spec: {
    vars: VariablesFor<V>;
    fresh?: VariablesFor<V>;
    cells: Record<CallerName, Cell<V>>;
    delivery?: MatrixRow['delivery'];
  }): MatrixRow => ({ ...operationOf(document), document, ...spec }) as unknown as MatrixRow;
}

export function probesOf(cell: Cell): Probe[] {
  if (Array.isArray(cell)) return cell;
  return 'kind' in cell ? [{ outcome: cell }] : [cell];
}

export function cellLabel(cell: Cell, type: RootType): string {
  return probesOf(cell)
    .map((p) => `${p.note ? `${p.note}: ` : ''}${outcomeLabel(p.outcome, type)}${p.detail ? ` (${p.detail})` : ''}`)
    .join('; ');
}

export function callerOf(f: MatrixFixtures, caller: CallerName): SignedInUser | 'iam' | 'anonymous' {
  return caller === 'anonymous' || caller === 'iam' ? caller : f.users[caller];
}

const columnTitles: Record<CallerName, string> = {
  anonymous: 'anonymous',
  A: 'applicant A (owner)',
  B: 'applicant B (other)',
  staff: 'staff',
  admin: 'admin',
  iam: 'IAM',
};

export const tableStart = '<!-- authorization-matrix:start -->';
export const tableEnd = '<!-- authorization-matrix:end -->';

/** The Markdown table: one line per row, the operation then one column per caller. */
export function renderMatrixTable(rows: MatrixRow[]): string {
  const header = `| operation | ${callerNames.map((c) => columnTitles[c]).join(' | ')} |`;
  const rule = `|${'---|'.repeat(callerNames.length + 1)}`;
  const lines = rows.map((r) => `| ${r.type}.${r.field} | ${callerNames.map((c) => cellLabel(r.cells[c], r.type)).join(' | ')} |`);
  return [header, rule, ...lines].join('\n');
}

/** The table a document carries between the two markers, or null when it has none. */
export function matrixTableIn(markdown: string): string | null {
  const start = markdown.indexOf(tableStart);
  const end = markdown.indexOf(tableEnd);
  if (start < 0 || end < start) return null;
  return markdown.slice(start + tableStart.length, end).trim();
}
