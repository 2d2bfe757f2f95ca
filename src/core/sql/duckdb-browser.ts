import * as duckdb from '@duckdb/duckdb-wasm';
import ehWorkerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import ehWasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import { tableToIPC } from 'apache-arrow';
import { fileFailure, fileName, runStep, workerFailure } from '../dataset/load-guard';
import type { SqlClient } from './sql-client';

export interface DuckDbTimings {
  instantiateMs: number;
}

/**
 * Starts DuckDB-WASM from the app's own origin (no CDN): only the exception-handling
 * build is shipped, which every current browser supports (STACK.md).
 */
export async function startDuckDb(): Promise<{ client: SqlClient; timings: DuckDbTimings }> {
  const t0 = performance.now();
  const worker = new Worker(ehWorkerUrl);
  const failed = workerFailure(worker);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  // Under the load deadline: the worker must answer a ping (its script loaded), then fetch and compile the
  // wasm (each progress message restarts the deadline). A worker that fails to load never answers: its
  // 'error' event ends the step at once.
  await runStep({ step: 'duckdb-worker', file: fileName(ehWorkerUrl) }, () =>
    Promise.race([db.ping(), failed]),
  );
  const conn = await runStep(
    { step: 'duckdb-wasm', file: fileName(ehWasmUrl) },
    async ({ signal, alive }) => {
      await Promise.race([db.instantiate(ehWasmUrl, null, alive), failed, fileFailure(ehWasmUrl, signal)]);
      return db.connect();
    },
  );
  // Offline, an extension autoload tries the network and can break the instance.
  await conn.query('SET autoinstall_known_extensions=false');
  await conn.query('SET autoload_known_extensions=false');
  const statements = new Map<string, Promise<duckdb.AsyncPreparedStatement>>();
  const client: SqlClient = {
    queryTable: (sql) => conn.query(sql),
    queryPrepared: async (sql, params) => {
      let statement = statements.get(sql);
      if (!statement) {
        statement = conn.prepare(sql);
        statements.set(sql, statement);
        statement.catch(() => statements.delete(sql));
      }
      return (await statement).query(...params);
    },
    registerFile: (name, bytes) => db.registerFileBuffer(name, bytes),
    insertArrow: async (name, data) => {
      await conn.query(`DROP TABLE IF EXISTS "${name}"`);
      await conn.insertArrowFromIPCStream(tableToIPC(data, 'stream'), { name, create: true });
    },
  };
  return { client, timings: { instantiateMs: performance.now() - t0 } };
}
