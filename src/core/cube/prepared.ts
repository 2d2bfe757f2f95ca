import type { SqlClient } from '../sql/sql-client';
import { plannerTableStages } from './tables';

/**
 * The planner's tables of one client's dataset (tables.ts), made on first use in stages. DuckDB runs one
 * statement at a time, in the order asked: the stored household rows and the case tables (seconds at a million
 * households) are asked for (`wantCaseTables`) once the first map is on screen, or by an answer that needs
 * them. The first map then neither queues behind them nor is drawn while DuckDB makes them on the same cores.
 */
interface Preparation {
  cube: Promise<void>;
  households: Promise<void>;
  all: Promise<void>;
  /** `urgent`: an answer waits for them; else they are made when the database is quiet. */
  want: (urgent: boolean) => void;
}

/** Marked on the page's timeline once every planner table is made (the build's script waits for it). */
export const PLANNER_TABLES_MADE = 'gancang:planner-tables-made';

// One preparation per client (the tables live in DuckDB for the page's life).
const preparations = new WeakMap<SqlClient, Preparation>();

/** Asks `statements` at once, one after the other (DuckDB runs them in that order); a failure fails the rest. */
async function run(client: SqlClient, statements: readonly string[]): Promise<void> {
  await Promise.all(statements.map((sql) => client.queryTable(sql)));
}

function preparation(client: SqlClient): Preparation {
  let p = preparations.get(client);
  if (!p) {
    const stages = plannerTableStages();
    const cube = run(client, stages.cube);
    let wanted = () => {};
    const asked = new Promise<void>((resolve) => {
      wanted = resolve;
    });
    // Once an answer waits for them (which may keep the page loading), no wait for a quiet moment any more.
    let urgent = false;
    let hurry = () => {};
    const hurried = new Promise<void>((resolve) => {
      hurry = resolve;
    });
    const makeAhead = async (statements: readonly string[]) => {
      for (const sql of statements) {
        // Asked ahead, each statement waits for a quiet moment.
        if (!urgent) await Promise.race([client.quiet?.(), hurried]);
        await client.queryTable(sql);
      }
    };
    const households = Promise.all([cube, asked]).then(() => makeAhead(stages.households));
    const all = households.then(() => makeAhead(stages.cases));
    // Reported by whoever awaits them.
    households.catch(() => undefined);
    all.then(
      () => performance.mark(PLANNER_TABLES_MADE),
      () => undefined,
    );
    const want = (now: boolean) => {
      if (now) {
        urgent = true;
        hurry();
      }
      wanted();
    };
    p = { cube, households, all, want };
    preparations.set(client, p);
  }
  return p;
}

/** The tables the map needs without a case filter or month (planner_villages, planner_cube). */
export const plannerCube = (client: SqlClient): Promise<void> => preparation(client).cube;

/**
 * `ask`, an answer that reads the cube, asked at once: DuckDB runs statements in the order they are asked, so it
 * runs right after the cube's. Waiting for the cube first would cost a trip through the page's thread, which is
 * busy drawing the first map then. Resolves with the answer once the cube is made (its failure is the one told).
 */
export async function afterPlannerCube<T>(client: SqlClient, ask: () => Promise<T>): Promise<T> {
  const cube = plannerCube(client);
  const answer = ask();
  answer.catch(() => undefined);
  await cube;
  return answer;
}

/**
 * The household rows too (planner_households), made now, for an answer that reads them (the household points);
 * the case tables follow at once.
 */
export function wantHouseholdTables(client: SqlClient): Promise<void> {
  const p = preparation(client);
  p.want(true);
  return p.households;
}

/** All of the planner's tables: resolves once the case tables are made too (after `wantCaseTables`). */
export const plannerTables = (client: SqlClient): Promise<void> => preparation(client).all;

/** The case tables are made now (after the cube), for an answer that needs them. */
export function wantCaseTables(client: SqlClient): Promise<void> {
  const p = preparation(client);
  p.want(true);
  return p.all;
}

/**
 * The case tables are made when the database is quiet (once the first map is drawn): a user who opens another
 * section at once does not wait behind them, and an answer that needs them meanwhile makes them at once.
 */
export function caseTablesWhenQuiet(client: SqlClient): void {
  preparation(client).want(false);
}

/** An aggregate dataset fills the planner's tables itself (from its published figures): never prepare them. */
export function plannerTablesLoaded(client: SqlClient): void {
  const done = Promise.resolve();
  preparations.set(client, { cube: done, households: done, all: done, want: () => {} });
}
