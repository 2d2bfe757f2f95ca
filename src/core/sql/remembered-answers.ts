import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { type Table, tableFromIPC, tableToIPC } from 'apache-arrow';
import { contentDigest } from '../dataset/content-digest';
import { insertDerived, type SqlClient, type SqlParam } from './sql-client';

/**
 * A dataset's database answers the same statements the same way on every visit: its tables are made by the
 * writes the load asks (with the same files' bytes), and DuckDB's answer to a read is a function of those. A
 * client that remembers its answers gives them again on the next visit at once, while the database starts
 * and takes the same writes behind it: the planner's first map does not wait for DuckDB.
 *
 * The database's state is named by a chain of digests: the DuckDB build, then each write in the order asked
 * (its kind, text, parameters and a digest of its bytes). A read's answer is kept under the state it was
 * asked in, with its own text and parameters; a write's under the state it leads to. A visit whose writes
 * differ in any byte (another file, a changed statement, another reference date) reaches states the last
 * visit never named, and from there every answer comes from the database. Every write still goes to the
 * database, in the order asked, so its tables end as they would have without this client.
 */

/** Statements that only read (a conservative test: anything else is taken as a write, which is only slower). */
const READ_START = /^\s*(?:SELECT|WITH|FROM)\b/i;
const WRITE_WORD =
  /\b(?:INSERT|UPDATE|DELETE|CREATE|DROP|ALTER|COPY|ATTACH|DETACH|INSTALL|LOAD|SET|RESET|CHECKPOINT|EXPORT|IMPORT|PRAGMA|CALL|USE|VACUUM|TRUNCATE|MERGE|PREPARE|EXECUTE|DEALLOCATE|BEGIN|COMMIT|ROLLBACK)\b/i;
/** String literals and quoted names, whose words are not SQL's. */
const QUOTED = /'(?:[^']|'')*'|"(?:[^"]|"")*"/g;

export const isRead = (sql: string): boolean =>
  READ_START.test(sql) && !WRITE_WORD.test(sql.replace(QUOTED, "''"));

export interface RememberingOptions {
  /** Names the database build (its version): answers of another build are never given. */
  build: string;
  /** The last visit's answers (Arrow IPC) by key. */
  known: ReadonlyMap<string, Uint8Array>;
  /**
   * The database is opened when a statement needs its answer, or once this settles (the page has drawn what it
   * opened with, from memory): until then the writes answered from memory wait for it. Default: at once.
   */
  openWhen?: Promise<unknown>;
  /**
   * Quiet while the database is not open yet (SqlClient.quiet: work done ahead waits for it): nothing runs in
   * it then, and answers from memory are given at once. Default: at once.
   */
  quietBeforeOpen?: () => Promise<void>;
  /** A write answered from memory that the database then refused (it did not start, or failed). */
  onLateFailure: (error: unknown) => void;
  /** Answers larger than this are given but not kept for the next visit. */
  maxAnswerBytes?: number;
  /** What this load keeps for the next visit, at most; also the largest table given as rows it names. */
  maxTotalBytes?: number;
  /**
   * The largest file or table given as bytes that a load names (by a digest of its bytes); a larger one makes it
   * forget from there on. Default 1 GiB: a million households' Arrow file (about 140 MB) is named, so that the
   * next visit to such a dataset is drawn from this one's answers too.
   */
  maxBytesWrite?: number;
}

export interface RememberingClient extends SqlClient {
  /** The answers this load gave (from memory or from the database), to keep for the next visit. */
  given(): Map<string, Uint8Array>;
  /** True once a write too large to name was asked: the load's answers cannot draw its next visit. */
  forgot(): boolean;
  /** How many statements were answered from memory, and how many by the database. */
  counts(): { remembered: number; asked: number };
  /** Resolves once more than `count` answers have been given (at once when they have). */
  whenGiven(count: number): Promise<void>;
}

const MAX_ANSWER_BYTES = 4 * 1024 * 1024;
const MAX_TOTAL_BYTES = 24 * 1024 * 1024;
const MAX_BYTES_WRITE = 1024 * 1024 * 1024;
/** A write without a result of its own (a file registered, a table inserted) succeeded. */
const DONE = new Uint8Array(0);
const noop = () => undefined;
const encoder = new TextEncoder();

/**
 * Marked on the page's timeline when the database is opened: `why` is 'asked' (a statement not answered from
 * memory needed it) or 'due' (`openWhen` came).
 */
export const DATABASE_WANTED = 'gancang:database-wanted';
type OpenReason = 'asked' | 'due';

/**
 * One key from its parts (each ended by a NUL, so no two lists of parts give the same text): SHA-256, computed
 * synchronously here (small texts; files are named by content-digest.ts).
 */
const keyOf = async (...parts: string[]): Promise<string> =>
  bytesToHex(sha256(encoder.encode(parts.map((p) => `${p}\0`).join(''))));

/** An answer the load may keep: a table (written as IPC only when kept), or bytes already written. */
type Given = Table | Uint8Array;
const tableBytes = (table: Table) => table.batches.reduce((sum, batch) => sum + batch.data.byteLength, 0);

/**
 * A client over the database `open` gives (which may still be starting) that answers from `known` what the last
 * visit was answered in the same state, and asks the database the rest.
 */
export function rememberingClient(
  open: () => Promise<SqlClient>,
  options: RememberingOptions,
): RememberingClient {
  const { known, onLateFailure } = options;
  let opened = false;
  let wanted: (why: OpenReason) => void = noop;
  const database = new Promise<void>((resolve) => {
    wanted = (why) => {
      if (!opened) performance.mark(DATABASE_WANTED, { detail: { why } });
      opened = true;
      resolve();
    };
  }).then(open);
  /**
   * A derived write (insertDerived) runs as a read, then an insert: whatever is asked after it reaches the
   * database once it is done, as it would have had its caller awaited it.
   */
  let derivedDone: Promise<unknown> = Promise.resolve();
  /** Runs `run` on the database once it is open and the derived write before it is done. */
  const onDatabase = <T>(run: (c: SqlClient) => Promise<T>): Promise<T> => {
    const before = derivedDone;
    return database.then((c) => before.then(() => run(c)));
  };
  /** The database, opened now if it was not yet: a statement needs its answer. */
  const needed = <T>(run: (c: SqlClient) => Promise<T>): Promise<T> => {
    wanted('asked');
    return onDatabase(run);
  };
  const due = () => wanted('due');
  void (options.openWhen ?? Promise.resolve()).then(due, due);
  const maxAnswer = options.maxAnswerBytes ?? MAX_ANSWER_BYTES;
  const maxTotal = options.maxTotalBytes ?? MAX_TOTAL_BYTES;
  const maxBytesWrite = options.maxBytesWrite ?? MAX_BYTES_WRITE;
  // Reported by the statements that need it (and writes answered from memory, to onLateFailure).
  database.catch(noop);
  const given = new Map<string, Given>();
  let givenBytes = 0;
  let remembered = 0;
  let asked = 0;
  /** A write too large to name was asked: nothing after it is answered from memory or kept. */
  let forgetting = false;
  let state = keyOf('gancang remembered answers 1', options.build);
  /** Statements are decided one after another, in the order asked (what the database sees too). */
  let decided: Promise<unknown> = state;

  /** Who waits for more answers than they have seen (whenGiven). */
  let waiting: { count: number; resolve: () => void }[] = [];
  const keep = (key: string, answer: Given) => {
    const bytes = answer instanceof Uint8Array ? answer.byteLength : tableBytes(answer);
    if (given.has(key) || bytes > maxAnswer || givenBytes + bytes > maxTotal) return;
    given.set(key, answer);
    givenBytes += bytes;
    const told = waiting.filter((w) => given.size > w.count);
    waiting = waiting.filter((w) => given.size <= w.count);
    for (const w of told) w.resolve();
  };

  /** `decide` runs after the statements asked before it were decided; it returns its answer, boxed. */
  function inTurn<T>(decide: () => Promise<{ answer: Promise<T> }>): Promise<T> {
    const decision = decided.then(decide);
    decided = decision.catch(noop);
    return decision.then((d) => d.answer);
  }

  function read(sql: string, params: readonly SqlParam[], run: (c: SqlClient) => Promise<Table>) {
    return inTurn(async () => {
      if (forgetting) {
        asked += 1;
        return { answer: needed(run) };
      }
      const key = await keyOf('read', await state, sql, JSON.stringify(params));
      const bytes = known.get(key);
      if (bytes) {
        remembered += 1;
        keep(key, bytes);
        return { answer: Promise.resolve(tableFromIPC(bytes)) };
      }
      asked += 1;
      const answer = needed(run).then((table) => {
        keep(key, table);
        return table;
      });
      return { answer };
    });
  }

  /**
   * A write, named by `kind`, `text` and a digest of its payload (`size` bytes). A payload larger than `limit`
   * is not digested: the load forgets from there on.
   */
  function write<T>(
    kind: string,
    text: string,
    [size, digest]: [number, () => Promise<string>],
    run: (c: SqlClient) => Promise<T>,
    fromMemory: (bytes: Uint8Array) => T,
    toKeep: (result: T) => Given,
    { limit = maxTotal, derived = false } = {},
  ) {
    // Digested beside the statements before it; not once the load has forgotten (forgetting is never undone:
    // nothing after it could be named).
    const payload = size <= limit && !forgetting ? digest() : null;
    payload?.catch(noop);
    return inTurn(async () => {
      // Posted before its digest is known: the database takes writes in the order asked, as soon as it can.
      const posted = onDatabase(run);
      // Its failure is taken below, once it is known whether it is the answer or comes late.
      posted.catch(noop);
      if (derived) derivedDone = posted.catch(noop);
      if (forgetting || !payload) {
        forgetting = true;
        asked += 1;
        wanted('asked');
        return { answer: posted };
      }
      const next = keyOf('write', await state, kind, text, await payload);
      state = next;
      const key = await next;
      const bytes = known.get(key);
      if (bytes) {
        remembered += 1;
        keep(key, bytes);
        posted.catch(onLateFailure);
        return { answer: Promise.resolve(fromMemory(bytes)) };
      }
      asked += 1;
      wanted('asked');
      return {
        answer: posted.then((result) => {
          keep(key, toKeep(result));
          return result;
        }),
      };
    });
  }

  const statement = (sql: string, params: readonly SqlParam[], run: (c: SqlClient) => Promise<Table>) =>
    isRead(sql)
      ? read(sql, params, run)
      : write(
          'statement',
          sql,
          [0, () => keyOf(JSON.stringify(params))],
          run,
          tableFromIPC,
          (table) => table,
        );
  const done = () => undefined;
  /** A write of bytes (a file, a table as an Arrow stream), without a result of its own. */
  const bytesWrite = (kind: string, name: string, bytes: Uint8Array, run: (c: SqlClient) => Promise<void>) =>
    write(kind, name, [bytes.byteLength, () => contentDigest(bytes)], run, done, () => DONE, {
      limit: maxBytesWrite,
    });

  return {
    queryTable: (sql) => statement(sql, [], (c) => c.queryTable(sql)),
    queryPrepared: (sql, params, inline) =>
      statement(sql, params, (c) => c.queryPrepared(sql, params, inline)),
    registerFile: (name, bytes) => bytesWrite('file', name, bytes, (c) => c.registerFile(name, bytes)),
    insertArrow: (name, data) =>
      write(
        'arrow',
        name,
        [tableBytes(data), () => contentDigest(tableToIPC(data))],
        (c) => c.insertArrow(name, data),
        done,
        () => DONE,
      ),
    insertArrowStream: (name, bytes) =>
      bytesWrite('arrow', name, bytes, (c) => c.insertArrowStream(name, bytes)),
    // Named by its statement in the state it is asked in (the build names `derive`'s code), not by its rows: the
    // next visit takes it without reading or deriving, and the database is given it once it is open.
    insertDerived: (name, sql, derive) =>
      write(
        'derived',
        name,
        [0, () => keyOf(sql)],
        (c) => insertDerived(c, name, sql, derive),
        done,
        () => DONE,
        { derived: true },
      ),
    close: () => decided.then(() => needed(async (c) => c.close?.())),
    quiet: () =>
      opened ? onDatabase(async (c) => c.quiet?.()) : (options.quietBeforeOpen?.() ?? Promise.resolve()),
    given: () => {
      // Each table is written once, when first kept.
      for (const [key, answer] of given)
        if (!(answer instanceof Uint8Array)) given.set(key, tableToIPC(answer));
      return new Map(given as Map<string, Uint8Array>);
    },
    forgot: () => forgetting,
    counts: () => ({ remembered, asked }),
    whenGiven: (count) =>
      given.size > count
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            waiting.push({ count, resolve });
          }),
  };
}
