// What a run read, wrote and skipped, per old table, and every dirty row with the decision taken.
import type { LegacyTable } from './legacy-rows.ts';
import { decisions, type DecisionCode } from './decisions.ts';

export interface Finding {
  table: LegacyTable;
  rowId: number;
  code: DecisionCode;
  detail?: string;
}

export class MigrationReport {
  readonly read = new Map<LegacyTable, number>();
  /** Items the rows became, and of those how many a run actually put (missing or different). */
  readonly mapped = new Map<LegacyTable, number>();
  readonly written = new Map<LegacyTable, number>();
  readonly skipped = new Map<LegacyTable, Map<string, number>>();
  readonly findings: Finding[] = [];
  /** DynamoDB requests by operation name. */
  readonly requests = new Map<string, number>();
  itemsWritten = 0;
  itemsUnchanged = 0;
  /** Claim entries and counter shards written (they belong to no one old table). */
  claimEntriesWritten = 0;
  counterShardsChanged = 0;
  filesCopied = 0;
  readonly quarantined: Array<{ documentId: string; legacyKey: string; key: string; reason: string }> = [];

  count(table: LegacyTable, rows: number): void {
    this.read.set(table, (this.read.get(table) ?? 0) + rows);
  }

  dirty(table: LegacyTable, rowId: number, code: DecisionCode, detail?: string): void {
    this.findings.push({ table, rowId, code, ...(detail === undefined ? {} : { detail }) });
  }

  skip(table: LegacyTable, rowId: number, code: DecisionCode, detail?: string): void {
    this.dirty(table, rowId, code, detail);
    const reasons = this.skipped.get(table) ?? new Map<string, number>();
    reasons.set(code, (reasons.get(code) ?? 0) + 1);
    this.skipped.set(table, reasons);
  }

  mappedFor(table: LegacyTable, items: number): void {
    this.mapped.set(table, (this.mapped.get(table) ?? 0) + items);
  }

  wroteFor(table: LegacyTable, items: number): void {
    this.written.set(table, (this.written.get(table) ?? 0) + items);
  }

  skippedRows(table: LegacyTable): number {
    return [...(this.skipped.get(table)?.values() ?? [])].reduce((a, b) => a + b, 0);
  }

  request(operation: string): void {
    this.requests.set(operation, (this.requests.get(operation) ?? 0) + 1);
  }

  totalRequests(): number {
    return [...this.requests.values()].reduce((a, b) => a + b, 0);
  }

  /** The reconciliation table: rows read, items written, rows skipped and why. */
  reconciliation(tables: readonly LegacyTable[]): string {
    const lines = ['| table | rows read | items | items written | skipped (reason: rows) |', '|---|---:|---:|---:|---|'];
    for (const table of tables) {
      const reasons = [...(this.skipped.get(table) ?? new Map<string, number>()).entries()].map(([r, n]) => `${r}: ${n}`).join(', ');
      lines.push(
        `| ${table} | ${this.read.get(table) ?? 0} | ${this.mapped.get(table) ?? 0} | ${this.written.get(table) ?? 0} | ${reasons || '0'} |`,
      );
    }
    return lines.join('\n');
  }

  /** Every dirty row and the decision, for --dry-run. */
  dirtyRows(): string {
    return this.findings
      .map((f) => `${f.table} #${f.rowId}: ${f.code}${f.detail ? ` (${f.detail})` : ''} → ${decisions[f.code]}`)
      .join('\n');
  }
}
