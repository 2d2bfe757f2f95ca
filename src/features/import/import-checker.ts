/**
 * The dialog's handle on the checking worker. One check at a time; `cancel` terminates the worker at once (even in
 * the middle of parsing a file) and the next check starts a fresh one.
 */

import type { AggregateReport } from '../../core/aggregates/load-aggregates';
import type { DataTable } from '../../core/dataset/table-status';
import type { ImportKind, ImportReport, ImportStage } from '../../core/import';
import type {
  CheckAggregatesRequest,
  CheckFile,
  CheckMessage,
  CheckRequest,
  ExportTablesRequest,
} from './import-protocol';

/** An aggregate dataset's three files as the user picked them. */
export type AggregateCheckFiles = Pick<CheckAggregatesRequest, 'manifest' | 'figures' | 'months' | 'names'>;

export type CheckOutcome = 'done' | 'cancelled';

export interface CheckHandlers {
  onProgress: (kind: ImportKind, fraction: number, stage: ImportStage) => void;
  onReport: (kind: ImportKind, report: ImportReport) => void;
}

export class ImportChecker {
  private worker: Worker | null = null;
  private settle: ((outcome: CheckOutcome | Error) => void) | null = null;

  constructor(private readonly villages: () => Promise<Uint8Array>) {}

  async check(files: CheckFile[], handlers: CheckHandlers): Promise<CheckOutcome> {
    const villages = await this.villages();
    return this.run({ type: 'check', villages, files }, (m) => {
      if (m.type === 'progress') handlers.onProgress(m.kind, m.fraction, m.stage);
      else if (m.type === 'report') handlers.onReport(m.kind, m.report);
    });
  }

  /**
   * Checks an aggregate-only dataset's three files by opening them as the loader will. That replaces the
   * worker's tables, so the worker is discarded afterwards: the next check starts clean.
   */
  async checkAggregates(files: AggregateCheckFiles): Promise<AggregateReport | 'cancelled'> {
    const villages = await this.villages();
    let report: AggregateReport | null = null;
    try {
      const outcome = await this.run({ type: 'check-aggregates', villages, ...files }, (m) => {
        if (m.type === 'aggregate-report') report = m.report;
      });
      if (outcome === 'cancelled') return outcome;
    } finally {
      this.stop();
    }
    if (!report) throw new Error('the checking worker sent no report');
    return report;
  }

  /**
   * The data tables the last complete check built (as Arrow IPC); empty when there is no such check (none
   * yet, or the worker was discarded by a cancel or a failure).
   */
  async checkedTables(): Promise<Partial<Record<DataTable, Uint8Array>>> {
    if (!this.worker) return {};
    let tables: Partial<Record<DataTable, Uint8Array>> = {};
    const outcome = await this.run({ type: 'export-tables' }, (m) => {
      if (m.type === 'tables') tables = m.tables;
    });
    return outcome === 'done' ? tables : {};
  }

  private async run(
    request: CheckRequest | CheckAggregatesRequest | ExportTablesRequest,
    onMessage: (m: CheckMessage) => void,
  ): Promise<CheckOutcome> {
    this.worker ??= new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
    const worker = this.worker;
    const outcome = await new Promise<CheckOutcome | Error>((resolve) => {
      this.settle = resolve;
      worker.onmessage = (event: MessageEvent<CheckMessage>) => {
        const m = event.data;
        if (m.type === 'done') resolve('done');
        else if (m.type === 'error') resolve(new Error(m.message));
        else onMessage(m);
      };
      worker.onerror = (event) => {
        event.preventDefault();
        this.stop();
        resolve(new Error(event.message || 'the checking worker failed'));
      };
      worker.postMessage(request);
    });
    this.settle = null;
    if (outcome instanceof Error) throw outcome;
    return outcome;
  }

  /** Stops the running check now: the worker (and its database) is discarded. */
  cancel(): void {
    this.stop();
    this.settle?.('cancelled');
  }

  dispose(): void {
    this.stop();
  }

  private stop(): void {
    this.worker?.terminate();
    this.worker = null;
  }
}
