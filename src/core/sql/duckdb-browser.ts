import * as duckdb from '@duckdb/duckdb-wasm';
import ehWorkerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import ehWasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import { tableToIPC } from 'apache-arrow';
import { fileFailure, fileName, runStep, workerFailure } from '../dataset/load-guard';
import { Activity, quietAndShown } from './quiet';
import { ident, type SqlClient } from './sql-client';

/**
 * Names the DuckDB build the app ships: the package's version and its engine's file name (the build names it by
 * a digest of its bytes). Not its address, which holds the server's origin and folder: the same build answers
 * the same way wherever it is served.
 */
export const DUCKDB_BUILD = `${duckdb.PACKAGE_VERSION} ${ehWasmUrl.slice(ehWasmUrl.lastIndexOf('/') + 1)}`;

export interface DuckDbTimings {
  instantiateMs: number;
}

export interface DuckDb {
  /** A client over the first connection. */
  client: SqlClient;
  /**
   * A client for one dataset: a new connection whose tables live in a schema of their own, so datasets loaded
   * one after another in the page never see each other's tables; closing it drops them.
   */
  connect: () => Promise<SqlClient>;
  /** Ends the worker (and with it the database). */
  terminate: () => Promise<void>;
  timings: DuckDbTimings;
}

export interface DuckDbOptions {
  /** Each statement leaves a `gancang:sql` measure on the page's timeline (the dashboard's own instance). */
  timeline?: boolean;
  /** Every statement of every client of the instance is tracked in it too: the instance's work, page-wide. */
  work?: Activity;
}

/**
 * Starts DuckDB-WASM from the app's own origin (no CDN): only the exception-handling
 * build is shipped, which every current browser supports (STACK.md).
 */
export async function startDuckDb(options: DuckDbOptions = {}): Promise<DuckDb> {
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
  return {
    client: clientOf(db, conn, options),
    connect: async () => {
      const schema = `dataset_${++schemas}`;
      const datasetConn = await db.connect();
      await datasetConn.query(`CREATE SCHEMA ${schema}`);
      await datasetConn.query(`SET schema = '${schema}'`);
      return clientOf(db, datasetConn, options, schema);
    },
    terminate: () => db.terminate(),
    timings: { instantiateMs: performance.now() - t0 },
  };
}

const noop = () => undefined;

/** Datasets' schemas made so far (each `connect` makes the next). */
let schemas = 0;

/** The measure each statement leaves on the page's timeline (`startDuckDb({ timeline })`: the dashboard's own). */
const STATEMENT_MEASURE = 'gancang:sql';
/** Statements measured on the page's timeline before the oldest are cleared (it would grow for the page's life). */
const TIMELINE_STATEMENTS = 1_000;
let measured = 0;

/** Runs `work` as a statement: its client (and instance) busy until it settles. */
type Busy = <T>(work: () => Promise<T>) => Promise<T>;

/**
 * `work` as busy, and with `timeline` a `gancang:sql` measure on the page's performance timeline (its `detail`:
 * the statement's first words), which `npm run profile` lays out beside the threads.
 */
function tracked<T>(
  busy: Busy,
  timeline: boolean | undefined,
  what: string,
  work: () => Promise<T>,
): Promise<T> {
  if (!timeline) return busy(work);
  const start = performance.now();
  const measure = () => {
    if (++measured > TIMELINE_STATEMENTS) {
      performance.clearMeasures(STATEMENT_MEASURE);
      measured = 1;
    }
    performance.measure(STATEMENT_MEASURE, {
      start,
      end: performance.now(),
      // Its first words only: the whole text (kilobytes for the planner's tables) is not worth a pass per statement.
      detail: what.slice(0, 300).replace(/\s+/g, ' ').trim().slice(0, 100),
    });
  };
  return busy(work).finally(measure);
}

/**
 * A client over one connection, with its own prepared statements. With `schema`, the tables it creates live
 * there (DuckDB still finds `main`'s tables by an unqualified name, so datasets never use `main`).
 */
function clientOf(
  db: duckdb.AsyncDuckDB,
  conn: duckdb.AsyncDuckDBConnection,
  { timeline, work: instanceWork }: DuckDbOptions,
  schema?: string,
): SqlClient {
  const statements = new Map<string, Promise<duckdb.AsyncPreparedStatement>>();
  /** Statements run once with their values written in (queryPrepared's `inline`): prepared at the next use. */
  const ranOnce = new Set<string>();
  const activity = new Activity();
  const busy: Busy = (work) => activity.track(instanceWork ? () => instanceWork.track(work) : work);
  const track = <T>(what: string, work: () => Promise<T>) => tracked(busy, timeline, what, work);
  const insertArrowStream = async (name: string, bytes: Uint8Array) => {
    await conn.query(`DROP TABLE IF EXISTS ${ident(name)}`);
    // A file's bytes: a damaged stream leaves its connection's Arrow reader waiting for the rest, and every
    // later Arrow insert on that connection fails. They are read on a connection of their own, closed after.
    const reader = await db.connect();
    try {
      await reader.insertArrowFromIPCStream(bytes, { name, create: true, ...(schema ? { schema } : {}) });
    } finally {
      await reader.close();
    }
  };
  // DuckDB's worker runs statements in the order they are posted to it. A prepared statement is posted in two
  // steps (prepared, then run): what is asked after it is posted once it is posted whole. Otherwise statements
  // asked later (the figures beside the map, or work asked ahead, seconds at a million households) would run
  // before it. Every method keeps this order (SqlClient): the remembering client (remembered-answers.ts) posts
  // a load's writes without waiting for each.
  let queue: Promise<void> = Promise.resolve();
  const inOrder = <T>(post: () => { posted: Promise<void>; result: Promise<T> }): Promise<T> => {
    const mine = queue.then(post);
    queue = mine.then(
      ({ posted }) => posted,
      () => undefined,
    );
    return mine.then(({ result }) => result);
  };
  /**
   * Work of several messages, some on another connection (a file, a table inserted): what is asked after it is
   * posted once it has ended, as if the caller had waited for it.
   */
  const whole = <T>(work: () => Promise<T>): Promise<T> =>
    inOrder(() => {
      const result = work();
      return { posted: result.then(noop, noop), result };
    });
  return {
    queryTable: (sql) =>
      inOrder(() => ({ posted: Promise.resolve(), result: track(sql, () => conn.query(sql)) })),
    queryPrepared: (sql, params, inline) =>
      inOrder(() => {
        // Its first use: one message, with the values written in (SqlClient.queryPrepared).
        if (inline && !statements.has(sql) && !ranOnce.has(sql)) {
          ranOnce.add(sql);
          const text = inline();
          return { posted: Promise.resolve(), result: track(text, () => conn.query(text)) };
        }
        let statement = statements.get(sql);
        if (!statement) {
          // The database is busy while it prepares (work asked ahead waits for it to be quiet).
          statement = busy(() => conn.prepare(sql));
          statements.set(sql, statement);
          statement.catch(() => statements.delete(sql));
        }
        // Run as soon as it is prepared; the next statement is posted after that (its callback comes second).
        const result = statement.then((prepared) => track(sql, () => prepared.query(...params)));
        return { posted: statement.then(noop, noop), result };
      }),
    registerFile: (name, bytes) => whole(() => db.registerFileBuffer(name, bytes)),
    insertArrow: (name, data) =>
      whole(() => track(`insert ${name}`, () => insertArrowStream(name, tableToIPC(data, 'stream')))),
    insertArrowStream: (name, bytes) =>
      whole(() => track(`insert ${name}`, () => insertArrowStream(name, bytes))),
    quiet: () => quietAndShown(activity),
    close: async () => {
      if (schema) await conn.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await conn.close();
    },
  };
}
