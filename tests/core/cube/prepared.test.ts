import { describe, expect, it } from 'vitest';
import {
  caseTablesWhenQuiet,
  plannerCube,
  plannerTables,
  wantCaseTables,
  wantHouseholdTables,
} from '../../../src/core/cube/prepared';
import { plannerTableStages } from '../../../src/core/cube/tables';
import type { SqlClient } from '../../../src/core/sql/sql-client';

/** A client that runs nothing: it records the statements in the order DuckDB would run them (one at a time). */
function recordingClient() {
  const log: string[] = [];
  const client = {
    queryTable: async (sql: string) => {
      log.push(sql);
      await new Promise((resolve) => setTimeout(resolve, 1));
      return {};
    },
  } as unknown as SqlClient;
  return { client, log };
}

const stages = plannerTableStages();
/** Made after the first map: the stored household rows, then the case tables. */
const later = [...stages.households, ...stages.cases];
const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('the planner tables, in stages', () => {
  it('makes the cube first and the case tables only once they are wanted (after the first map), behind what was asked before', async () => {
    const { client, log } = recordingClient();
    let all = false;
    void plannerTables(client).then(() => {
      all = true;
    });
    await plannerCube(client);
    expect(log).toEqual(stages.cube);
    await tick();
    // Nobody has asked for the case tables: they are not made, and the tables are not all ready.
    expect(log).toEqual(stages.cube);
    expect(all).toBe(false);
    // What was asked before (the first map's rows) goes before them.
    await client.queryTable('SELECT first rows');
    await wantCaseTables(client);
    expect(all).toBe(true);
    expect(log).toEqual([...stages.cube, 'SELECT first rows', ...later]);
    // Asked again, nothing is made twice.
    await wantCaseTables(client);
    await plannerTables(client);
    expect(log).toHaveLength(stages.cube.length + 1 + later.length);
  });

  it('makes the case tables right after the cube when an answer wants them first', async () => {
    const { client, log } = recordingClient();
    await wantCaseTables(client);
    expect(log).toEqual([...stages.cube, ...later]);
  });

  it('makes the household rows right after the cube when the household points want them, before the case tables', async () => {
    const { client, log } = recordingClient();
    let all = false;
    void plannerTables(client).then(() => {
      all = true;
    });
    await wantHouseholdTables(client);
    expect(all).toBe(false);
    expect(log.slice(0, stages.cube.length + stages.households.length)).toEqual([
      ...stages.cube,
      ...stages.households,
    ]);
    await plannerTables(client);
    expect(log).toEqual([...stages.cube, ...later]);
  });

  it('reports a failed cube to whoever waits for any of the tables', async () => {
    const client = {
      queryTable: async () => {
        throw new Error('out of memory');
      },
    } as unknown as SqlClient;
    await expect(plannerCube(client)).rejects.toThrow('out of memory');
    await expect(wantCaseTables(client)).rejects.toThrow('out of memory');
  });

  it('asked ahead, makes each case table only when the database is quiet; an answer that waits ends the waiting', async () => {
    const { client, log } = recordingClient();
    const quiet: (() => void)[] = [];
    client.quiet = () => new Promise<void>((resolve) => quiet.push(resolve));
    await plannerCube(client);
    caseTablesWhenQuiet(client);
    await tick();
    // Another section's queries run meanwhile: nothing of the case stage has been asked.
    expect(log).toEqual(stages.cube);
    expect(quiet).toHaveLength(1);
    quiet.shift()?.();
    await tick();
    expect(log).toEqual([...stages.cube, ...later.slice(0, 1)]);
    // The next waits again, until an answer needs the tables: then the rest are made at once.
    expect(quiet).toHaveLength(1);
    const all = wantCaseTables(client);
    quiet.shift()?.();
    await all;
    expect(log).toEqual([...stages.cube, ...later]);
    expect(quiet).toHaveLength(0);
  });

  it('an answer that waits for the case tables does not wait for a quiet moment that never comes', async () => {
    // The page stays loading until that answer is drawn, so the database's quiet (quietAndShown) would never come.
    const { client, log } = recordingClient();
    client.quiet = () => new Promise<void>(() => undefined);
    await plannerCube(client);
    caseTablesWhenQuiet(client);
    await tick();
    expect(log).toEqual(stages.cube);
    await wantCaseTables(client);
    expect(log).toEqual([...stages.cube, ...later]);
  });
});
