/**
 * The import checks off the main thread: reading and parsing the files (CSV, XLSX, GeoJSON, Parquet), the
 * geometry checks and the report all run here; SQL runs in this worker's own DuckDB (a worker of its own), so the
 * data on screen is never touched. Cancelling terminates this worker, whatever it is doing.
 */

import { tableToIPC } from 'apache-arrow';
import { loadAggregates } from '../../core/aggregates/load-aggregates';
import { DATA_TABLES, type DataTable } from '../../core/dataset/table-status';
import { importTable } from '../../core/import';
import { tableRows } from '../../core/import/checks';
import { startDuckDb } from '../../core/sql/duckdb-browser';
import { closeToNetwork } from '../../core/sql/duckdb-lockdown';
import { loadCsvTable } from '../../core/sql/load-table';
import type { SqlClient } from '../../core/sql/sql-client';
import type {
  CheckAggregatesRequest,
  CheckMessage,
  CheckRequest,
  ExportTablesRequest,
} from './import-protocol';

let db: Promise<SqlClient> | null = null;

const post = (message: CheckMessage, transfer: Transferable[] = []): void =>
  self.postMessage(message, transfer);

async function checkingDb(villages: Uint8Array): Promise<SqlClient> {
  const { client } = await startDuckDb();
  await client.registerFile('villages.csv', villages);
  await loadCsvTable(client, 'villages', 'villages.csv');
  // Imported files are parsed in JS and inserted as Arrow, never read by SQL: close it to files and URLs.
  await closeToNetwork(client, { lock: true });
  return client;
}

const bytesOf = async (file: Blob) => new Uint8Array(await file.arrayBuffer());

/** Opens the aggregate files exactly as the loader will (it replaces this database's tables: the dialog then
 * starts a fresh worker for the next check). */
async function checkAggregates(client: SqlClient, request: CheckAggregatesRequest): Promise<void> {
  const { report } = await loadAggregates(client, {
    manifest: await bytesOf(request.manifest),
    figures: await bytesOf(request.figures),
    months: await bytesOf(request.months),
    names: request.names,
  });
  post({ type: 'aggregate-report', report });
}

/** The data tables this worker's last check built, as Arrow IPC (moved, not copied, to the page). */
async function exportTables(): Promise<void> {
  const tables: Partial<Record<DataTable, Uint8Array>> = {};
  const client = db ? await db : null;
  for (const table of DATA_TABLES) {
    if (!client || (await tableRows(client, table)) === null) continue;
    tables[table] = tableToIPC(await client.queryTable(`SELECT * FROM ${table}`), 'stream');
  }
  post(
    { type: 'tables', tables },
    Object.values(tables).map((bytes) => bytes.buffer),
  );
}

self.onmessage = async (event: MessageEvent<CheckRequest | CheckAggregatesRequest | ExportTablesRequest>) => {
  const request = event.data;
  try {
    if (request.type === 'export-tables') {
      await exportTables();
      post({ type: 'done' });
      return;
    }
    db ??= checkingDb(request.villages);
    const client = await db;
    if (request.type === 'check-aggregates') {
      await checkAggregates(client, request);
      post({ type: 'done' });
      return;
    }
    for (const { kind, fileName, file, mapping } of request.files) {
      post({ type: 'progress', kind, fraction: 0, stage: 'read' });
      const bytes = await bytesOf(file);
      let shown = -1;
      const report = await importTable(
        client,
        { kind, fileName, bytes },
        {
          mapping,
          onProgress: (fraction, stage) => {
            // One message per percent at most.
            const pct = Math.floor(fraction * 100);
            if (pct === shown) return;
            shown = pct;
            post({ type: 'progress', kind, fraction, stage });
          },
        },
      );
      post({ type: 'report', kind, report });
    }
    post({ type: 'done' });
  } catch (err) {
    db = null;
    post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};
