import { createRequire } from 'node:module';
import path from 'node:path';
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import { Table, tableFromIPC, tableToIPC } from 'apache-arrow';
import { ident, type SqlClient } from './sql-client';

const require = createRequire(import.meta.url);
const dist = path.dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));
/**
 * The Arrow build DuckDB's Node build answers with (CommonJS): another copy of the library than the one this
 * module imports, whose functions do not take its tables (tableToIPC writes nothing for them).
 */
const itsArrow = require('apache-arrow') as typeof import('apache-arrow');
/** An answer as a table of the app's own Arrow, as the browser's client gives it. */
const ours = (table: Table): Table =>
  table instanceof Table ? table : tableFromIPC(itsArrow.tableToIPC(table as never, 'stream'));

/** A query's answer as Arrow IPC stream bytes (scripts writing columnar files). */
export interface NodeSqlClient extends SqlClient {
  arrowStream(sql: string): Promise<Uint8Array>;
}

/** The same SqlClient the app uses, over DuckDB-WASM's blocking Node build (tests: one per file; scripts/validate.ts). */
export async function startNodeDuckDb(): Promise<NodeSqlClient> {
  const db = await duckdb.createDuckDB(
    {
      mvp: {
        mainModule: path.join(dist, 'duckdb-mvp.wasm'),
        mainWorker: path.join(dist, 'duckdb-node-mvp.worker.cjs'),
      },
      eh: {
        mainModule: path.join(dist, 'duckdb-eh.wasm'),
        mainWorker: path.join(dist, 'duckdb-node-eh.worker.cjs'),
      },
    },
    new duckdb.VoidLogger(),
    duckdb.NODE_RUNTIME,
  );
  await db.instantiate();
  const conn = db.connect();
  conn.query('SET autoinstall_known_extensions=false');
  conn.query('SET autoload_known_extensions=false');
  const statements = new Map<string, duckdb.PreparedStatement>();
  const ranOnce = new Set<string>();
  const insertArrowStream = async (name: string, bytes: Uint8Array) => {
    conn.query(`DROP TABLE IF EXISTS ${ident(name)}`);
    // A connection of its own, as in the browser client (a damaged stream would poison this one's Arrow reader).
    const reader = db.connect();
    try {
      reader.insertArrowFromIPCStream(bytes, { name, create: true });
    } finally {
      reader.close();
    }
  };
  return {
    queryTable: async (sql) => ours(conn.query(sql)),
    queryPrepared: async (sql, params, inline) => {
      // As the browser's client: a statement's first use runs with its values written in.
      if (inline && !statements.has(sql) && !ranOnce.has(sql)) {
        ranOnce.add(sql);
        return ours(conn.query(inline()));
      }
      let statement = statements.get(sql);
      if (!statement) {
        statement = conn.prepare(sql);
        statements.set(sql, statement);
      }
      return ours(statement.query(...params));
    },
    registerFile: async (name, bytes) => db.registerFileBuffer(name, bytes),
    insertArrow: (name, data) => insertArrowStream(name, tableToIPC(data, 'stream')),
    insertArrowStream,
    arrowStream: async (sql) =>
      // DuckDB answers in Arrow's file format; the app's loader takes the stream format.
      tableToIPC(
        tableFromIPC(conn.useUnsafe((bindings, id) => bindings.runQuery(id, sql)).slice()),
        'stream',
      ),
  };
}
