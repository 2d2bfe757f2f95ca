/** Messages between the import dialog and its checking worker (import.worker.ts). */
import type { AggregateReport } from '../../core/aggregates/load-aggregates';
import type { DataTable } from '../../core/dataset/table-status';
import type { ImportKind, ImportReport, ImportStage } from '../../core/import';

export interface CheckFile {
  kind: ImportKind;
  fileName: string;
  /** The File itself: the worker reads its bytes, the page never holds them for the check. */
  file: Blob;
  mapping?: Record<string, string | null>;
}

export interface CheckRequest {
  type: 'check';
  /** The gazetteer (villages.csv), for the reference checks; the worker cannot resolve the page's URLs. */
  villages: Uint8Array;
  /** In reference order: each kind's references point to the kinds before it. */
  files: CheckFile[];
}

/** The tables the last complete check built (agents, households, cases), as Arrow IPC. */
export interface ExportTablesRequest {
  type: 'export-tables';
}

/** The three files of an aggregate-only dataset, checked as the loader will open them. */
export interface CheckAggregatesRequest {
  type: 'check-aggregates';
  villages: Uint8Array;
  manifest: Blob;
  figures: Blob;
  months: Blob;
  /** The files' names as the user gave them, for the report. */
  names: { manifest: string; figures: string; months: string };
}

export type CheckMessage =
  | { type: 'progress'; kind: ImportKind; fraction: number; stage: ImportStage }
  | { type: 'report'; kind: ImportKind; report: ImportReport }
  | { type: 'aggregate-report'; report: AggregateReport }
  | { type: 'tables'; tables: Partial<Record<DataTable, Uint8Array>> }
  | { type: 'done' }
  | { type: 'error'; message: string };
