/**
 * The import checks off the main thread: reading and parsing the files (CSV, XLSX, GeoJSON, Parquet), the
 * geometry checks and the report all run here; SQL runs in this worker's own DuckDB (a worker of its own), so the
 * data on screen is never touched. Cancelling terminates this worker, whatever it is doing.
 */
import { loadAggregates } from '../../core/aggregates/load-aggregates';
import { importTable } from '../../core/import';
import { startDuckDb } from '../../core/sql/duckdb-browser';
import { closeToNetwork } from '../../core/sql/duckdb-lockdown';
import { loadCsvTable } from '../../core/sql/load-table';
import type { SqlClient } from '../../core/sql/sql-client';
import type { CheckAggregatesRequest, CheckMessage, CheckRequest } from './import-protocol';

let db: Promise<SqlClient> | null = null;

const post = (message: CheckMessage): void => self.postMessage(message);

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

self.onmessage = async (event: MessageEvent<CheckRequest | CheckAggregatesRequest>) => {
  const request = event.data;
  try {
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
