/**
 * The dialog's handle on the checking worker. One check at a time; `cancel` terminates the worker at once (even in
 * the middle of parsing a file) and the next check starts a fresh one.
 */
import type { ImportKind, ImportReport, ImportStage } from '../../data/import';
import type { CheckFile, CheckMessage } from './import-protocol';

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
    this.worker ??= new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
    const worker = this.worker;
    const outcome = await new Promise<CheckOutcome | Error>((resolve) => {
      this.settle = resolve;
      worker.onmessage = (event: MessageEvent<CheckMessage>) => {
        const m = event.data;
        if (m.type === 'progress') handlers.onProgress(m.kind, m.fraction, m.stage);
        else if (m.type === 'report') handlers.onReport(m.kind, m.report);
        else if (m.type === 'done') resolve('done');
        else resolve(new Error(m.message));
      };
      worker.onerror = (event) => {
        event.preventDefault();
        this.stop();
        resolve(new Error(event.message || 'the checking worker failed'));
      };
      worker.postMessage({ type: 'check', villages, files });
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
