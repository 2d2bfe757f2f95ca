import { tableFromArrays } from 'apache-arrow';
import fc from 'fast-check';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { startNodeDuckDb } from '../../../src/core/sql/duckdb-node';
import { DATABASE_WANTED, isRead, rememberingClient } from '../../../src/core/sql/remembered-answers';
import { insertDerived, rowsOf, type SqlClient } from '../../../src/core/sql/sql-client';

/**
 * The remembering client's promise: whatever it answers from memory is what the database would have answered
 * in the same state, and the database still ends with the tables it would have had. Checked over generated
 * programs of writes and reads, replayed as they were, asked all at once, and changed at any one write.
 */

type Step =
  | { kind: 'range'; table: number; n: number }
  | { kind: 'arrow'; table: number; values: number[] }
  | { kind: 'csv'; table: number; values: number[] }
  | { kind: 'derived'; table: number; from: number }
  | { kind: 'drop'; table: number }
  | { kind: 'sum'; table: number }
  | { kind: 'above'; table: number; limit: number };

const table = fc.integer({ min: 0, max: 2 });
const values = fc.array(fc.integer({ min: -50, max: 50 }), { maxLength: 6 });
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('range' as const), table, n: fc.integer({ min: 0, max: 20 }) }),
  fc.record({ kind: fc.constant('arrow' as const), table, values }),
  fc.record({ kind: fc.constant('csv' as const), table, values }),
  fc.record({ kind: fc.constant('derived' as const), table, from: table }),
  fc.record({ kind: fc.constant('drop' as const), table }),
  fc.record({ kind: fc.constant('sum' as const), table }),
  fc.record({ kind: fc.constant('sum' as const), table }),
  fc.record({ kind: fc.constant('above' as const), table, limit: fc.integer({ min: -20, max: 20 }) }),
);

/**
 * One step's answer as plain data: rows, or that it failed (a failure's words may suggest tables of the other
 * runs' schemas).
 */
type Answer = { rows: unknown[] } | { error: true };

function ask(client: SqlClient, s: Step): Promise<unknown> {
  const name = `t${s.table}`;
  switch (s.kind) {
    case 'range':
      return client.queryTable(
        `CREATE OR REPLACE TABLE ${name} AS SELECT range::INTEGER AS x FROM range(${s.n})`,
      );
    case 'arrow':
      return client.insertArrow(name, tableFromArrays({ x: Int32Array.from(s.values) }));
    case 'csv':
      // Both asked at once (the client keeps the order asked).
      return Promise.all([
        client.registerFile(`${name}.csv`, new TextEncoder().encode(`x\n${s.values.join('\n')}\n`)),
        client.queryTable(
          `CREATE OR REPLACE TABLE ${name} AS SELECT x::INTEGER AS x FROM read_csv('${name}.csv', header = true, columns = {'x': 'INTEGER'})`,
        ),
      ]).then(([, created]) => created);
    case 'derived':
      // A table made in JavaScript from a read (as the load's household_coverage is); a missing x is -1.
      return insertDerived(client, name, `SELECT x FROM t${s.from} ORDER BY x`, (answer) =>
        tableFromArrays({
          x: Int32Array.from(answer.getChild('x') ?? [], (x: number | null) => (x === null ? -1 : x * 2 + 1)),
        }),
      );
    case 'drop':
      return client.queryTable(`DROP TABLE IF EXISTS ${name}`);
    case 'sum':
      return client.queryTable(
        `SELECT count(*)::INTEGER AS n, coalesce(sum(x), 0)::DOUBLE AS s FROM ${name}`,
      );
    case 'above':
      return client.queryPrepared(`SELECT count(*)::INTEGER AS n FROM ${name} WHERE x > $1::DOUBLE`, [
        String(s.limit),
      ]);
  }
}

const settle = (p: Promise<unknown>): Promise<Answer> =>
  p.then(
    (value) => ({
      rows: value && typeof value === 'object' && 'toArray' in value ? rowsOf(value as never) : [],
    }),
    () => ({ error: true as const }),
  );

/** What the database holds at the end: every table's rows, read straight from it. */
async function tablesOf(db: SqlClient): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const t of [0, 1, 2]) out.push(await settle(db.queryTable(`SELECT x FROM t${t} ORDER BY x`)));
  return out;
}

let node: Awaited<ReturnType<typeof startNodeDuckDb>>;
/** The one Node database, emptied: each run starts from no tables. */
async function freshDb(): Promise<SqlClient> {
  for (const t of [0, 1, 2]) await node.queryTable(`DROP TABLE IF EXISTS t${t}`);
  return node;
}

const NO_FAILURE = (error: unknown) => {
  throw error;
};

async function runSequentially(client: SqlClient, program: Step[]): Promise<Answer[]> {
  const answers: Answer[] = [];
  for (const s of program) answers.push(await settle(ask(client, s)));
  return answers;
}

/** A first visit of `program` (nothing known): its client, holding what it gives the next visit, and its answers. */
async function firstVisit(program: Step[], build = 'b') {
  const client = rememberingClient(() => freshDb(), { build, known: new Map(), onLateFailure: NO_FAILURE });
  return { client, expected: await runSequentially(client, program) };
}

beforeAll(async () => {
  node = await startNodeDuckDb();
});

describe('isRead', () => {
  it('takes only statements that begin by reading and name no write as reads', () => {
    expect(isRead('SELECT 1')).toBe(true);
    expect(isRead('  with a AS (SELECT 1) SELECT * FROM a')).toBe(true);
    expect(isRead('SELECT \'drop table x\' AS words, "create" FROM t')).toBe(true);
    expect(isRead('FROM t')).toBe(true);
    expect(isRead('CREATE OR REPLACE TABLE a AS WITH b AS (SELECT 1) SELECT * FROM b')).toBe(false);
    expect(isRead('WITH b AS (SELECT 1) INSERT INTO a SELECT * FROM b')).toBe(false);
    expect(isRead('DROP TABLE IF EXISTS "villages"')).toBe(false);
    expect(isRead("SET schema = 'x'")).toBe(false);
    expect(isRead('PRAGMA table_info(t)')).toBe(false);
  });
});

describe('rememberingClient', () => {
  it('answers a program as the database does, remembers it, and replays it without the database', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 14 }), async (program) => {
        // The database alone.
        const plainDb = await freshDb();
        const expected = await runSequentially(plainDb, program);
        const expectedTables = await tablesOf(plainDb);

        // First visit: nothing known; every answer comes from the database and is remembered.
        const first = rememberingClient(() => freshDb(), {
          build: 'b',
          known: new Map(),
          onLateFailure: NO_FAILURE,
        });
        expect(await runSequentially(first, program)).toEqual(expected);
        expect(first.counts().remembered).toBe(0);
        expect(first.forgot()).toBe(false);
        const known = first.given();

        // Next visit: every statement asked at once, while the database has not started.
        let start: (db: SqlClient) => void = () => undefined;
        const later = new Promise<SqlClient>((resolve) => {
          start = resolve;
        });
        const replay = rememberingClient(() => later, { build: 'b', known, onLateFailure: NO_FAILURE });
        const pending = program.map((s) => settle(ask(replay, s)));
        // What succeeded last time is answered before the database exists.
        const succeeded = expected.filter((a) => 'rows' in a).length;
        const early = await Promise.race([
          Promise.all(pending.filter((_, i) => 'rows' in (expected[i] as Answer))),
          new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), 200)),
        ]);
        expect(early).not.toBe('late');
        start(await freshDb());
        expect(await Promise.all(pending)).toEqual(expected);
        // CSV steps are two statements (a file, then a table).
        const statements = (answers: Step[]) => answers.reduce((n, s) => n + (s.kind === 'csv' ? 2 : 1), 0);
        expect(replay.counts().remembered).toBeGreaterThanOrEqual(succeeded);
        expect(replay.counts().remembered + replay.counts().asked).toBe(statements(program));
        // The database took every write, in order: its tables are the database's own.
        await replay.quiet?.();
        await Promise.resolve();
        expect(await tablesOf(node)).toEqual(expectedTables);
      }),
      { numRuns: 40 },
    );
  });

  it('answers from the database from the first write that differs from the last visit', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { minLength: 1, maxLength: 12 }),
        fc.nat(),
        fc.integer({ min: 21, max: 40 }),
        async (program, at, n) => {
          const first = rememberingClient(() => freshDb(), {
            build: 'b',
            known: new Map(),
            onLateFailure: NO_FAILURE,
          });
          await runSequentially(first, program);
          // One write changed (another file's rows, another statement), or put in at any place.
          const i = at % (program.length + 1);
          const changed: Step[] = [
            ...program.slice(0, i),
            { kind: 'range', table: i % 3, n },
            ...program.slice(i + 1),
          ];
          const expected = await runSequentially(await freshDb(), changed);
          const next = rememberingClient(() => freshDb(), {
            build: 'b',
            known: first.given(),
            onLateFailure: NO_FAILURE,
          });
          expect(await runSequentially(next, changed)).toEqual(expected);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('gives nothing from memory to another build of the database', async () => {
    const program: Step[] = [
      { kind: 'range', table: 0, n: 5 },
      { kind: 'sum', table: 0 },
    ];
    const { client: first } = await firstVisit(program, 'a');
    const other = rememberingClient(() => freshDb(), {
      build: 'b',
      known: first.given(),
      onLateFailure: NO_FAILURE,
    });
    await runSequentially(other, program);
    expect(other.counts()).toEqual({ remembered: 0, asked: 2 });
  });

  it('reports a write answered from memory that the database then refused', async () => {
    const program: Step[] = [
      { kind: 'range', table: 0, n: 5 },
      { kind: 'sum', table: 0 },
    ];
    const { client: first, expected } = await firstVisit(program);
    const failures: unknown[] = [];
    const replay = rememberingClient(() => Promise.reject(new Error('the database did not start')), {
      build: 'b',
      known: first.given(),
      onLateFailure: (error) => failures.push(error),
    });
    expect(await runSequentially(replay, program)).toEqual(expected);
    expect(expected[1]).toEqual({ rows: [{ n: 5, s: 10 }] });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(failures).toHaveLength(1);
    expect(String(failures[0])).toContain('did not start');
    // A statement the last visit did not ask needs the database, and says why it has no answer.
    await expect(replay.queryTable('SELECT 42')).rejects.toThrow('did not start');
  });

  it('opens the database only when asked what it did not remember, or once the page has drawn', async () => {
    const program: Step[] = [
      { kind: 'range', table: 1, n: 3 },
      { kind: 'sum', table: 1 },
    ];
    const { client: first, expected } = await firstVisit(program);
    performance.clearMarks(DATABASE_WANTED);
    /** Why each opening was made, as marked on the timeline. */
    const whys = () =>
      performance.getEntriesByName(DATABASE_WANTED).map((m) => (m as PerformanceMark).detail.why);
    let opened = 0;
    const open = () => {
      opened += 1;
      return freshDb();
    };
    let drawn: () => void = () => undefined;
    let quietAsked = 0;
    const replay = rememberingClient(open, {
      build: 'b',
      known: first.given(),
      onLateFailure: NO_FAILURE,
      openWhen: new Promise<void>((resolve) => {
        drawn = resolve;
      }),
      quietBeforeOpen: async () => {
        quietAsked += 1;
      },
    });
    expect(await runSequentially(replay, program)).toEqual(expected);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(opened).toBe(0);
    expect(whys()).toEqual([]);
    // Quiet is the page's while nothing runs in the database (it is not open).
    await replay.quiet?.();
    expect(quietAsked).toBe(1);
    drawn();
    // The writes answered from memory reach it once it is open: its table is there.
    await expect
      .poll(async () => settle(node.queryTable('SELECT count(*)::INTEGER AS n FROM t1')))
      .toEqual({
        rows: [{ n: 3 }],
      });
    expect(opened).toBe(1);
    expect(whys()).toEqual(['due']);

    // Another visit asks something new before the page is drawn: the database opens for it at once.
    const asking = rememberingClient(open, {
      build: 'b',
      known: first.given(),
      onLateFailure: NO_FAILURE,
      openWhen: new Promise<void>(() => undefined),
    });
    await runSequentially(asking, program);
    expect(await settle(asking.queryTable('SELECT 7 AS seven'))).toEqual({ rows: [{ seven: 7 }] });
    expect(opened).toBe(2);
    expect(whys()).toEqual(['due', 'asked']);
  });

  it('tells who waits for more answers than they have seen once one more is given, and never before', async () => {
    const macrotask = () => new Promise((resolve) => setTimeout(resolve, 0));
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { minLength: 1, maxLength: 10 }),
        fc.boolean(),
        fc.option(fc.integer({ min: 60, max: 400 }), { nil: undefined }),
        async (program, replayed, maxAnswerBytes) => {
          // A first visit's client, or the next visit's (answers from memory are given too); some answers may be
          // too large to keep, and are not told.
          const known = replayed ? (await firstVisit(program)).client.given() : new Map();
          const client = rememberingClient(() => freshDb(), {
            build: 'b',
            known,
            onLateFailure: NO_FAILURE,
            maxAnswerBytes,
          });
          for (const s of program) {
            const seen = client.given().size;
            let told = false;
            void client.whenGiven(seen).then(() => {
              told = true;
            });
            await settle(ask(client, s));
            await macrotask();
            expect(told).toBe(client.given().size > seen);
            // Fewer than given: at once.
            if (seen > 0) {
              let early = false;
              void client.whenGiven(seen - 1).then(() => {
                early = true;
              });
              await macrotask();
              expect(early).toBe(true);
            }
          }
        },
      ),
      { numRuns: 30 },
    );
  });

  it('forgets from a write larger than what a load may keep: nothing after it is remembered or kept', async () => {
    const small: Step = { kind: 'arrow', table: 0, values: [1] };
    const large: Step = { kind: 'arrow', table: 1, values: Array.from({ length: 200 }, (_, i) => i) };
    const program: Step[] = [small, { kind: 'sum', table: 0 }, large, { kind: 'sum', table: 1 }];
    const options = { build: 'b', onLateFailure: NO_FAILURE, maxTotalBytes: 600 };
    const first = rememberingClient(() => freshDb(), { ...options, known: new Map() });
    const expected = await runSequentially(first, program);
    expect(expected[3]).toEqual({ rows: [{ n: 200, s: 19_900 }] });
    // The small table and its read only.
    expect(first.given().size).toBe(2);
    expect(first.forgot()).toBe(true);
    const next = rememberingClient(() => freshDb(), { ...options, known: first.given() });
    expect(await runSequentially(next, program)).toEqual(expected);
    expect(next.counts()).toEqual({ remembered: 2, asked: 2 });
  });

  it('names a file larger than what a load may keep, up to its own bound (a million households), and forgets past it', async () => {
    const big: Step = { kind: 'csv', table: 1, values: Array.from({ length: 300 }, (_, i) => i - 150) };
    const program: Step[] = [big, { kind: 'sum', table: 1 }, { kind: 'above', table: 1, limit: 7 }];
    const base = { build: 'b', onLateFailure: NO_FAILURE, maxTotalBytes: 600 };
    for (const [maxBytesWrite, named] of [
      [5_000, true],
      [600, false],
    ] as const) {
      const options = { ...base, maxBytesWrite };
      const first = rememberingClient(() => freshDb(), { ...options, known: new Map() });
      const expected = await runSequentially(first, program);
      expect(expected[1]).toEqual({ rows: [{ n: 300, s: -150 }] });
      expect(first.forgot()).toBe(!named);
      const next = rememberingClient(() => freshDb(), { ...options, known: first.given() });
      expect(await runSequentially(next, program)).toEqual(expected);
      // Named: the file, the table made from it and both reads come from memory.
      expect(next.counts()).toEqual(named ? { remembered: 4, asked: 0 } : { remembered: 0, asked: 4 });
    }
  });

  it('digests no write asked after it has forgotten (it could name nothing)', async () => {
    const options = { build: 'b', onLateFailure: NO_FAILURE, maxTotalBytes: 600, known: new Map() };
    const client = rememberingClient(() => freshDb(), options);
    const large: Step = { kind: 'arrow', table: 1, values: Array.from({ length: 200 }, (_, i) => i) };
    await runSequentially(client, [large]);
    expect(client.forgot()).toBe(true);
    const digest = vi.spyOn(globalThis.crypto.subtle, 'digest');
    try {
      const after: Step[] = [
        { kind: 'arrow', table: 0, values: [1, 2, 3] },
        { kind: 'csv', table: 2, values: [4] },
        { kind: 'sum', table: 0 },
      ];
      expect((await runSequentially(client, after))[2]).toEqual({ rows: [{ n: 3, s: 6 }] });
      expect(digest).not.toHaveBeenCalled();
    } finally {
      digest.mockRestore();
    }
  });
});
