import { beforeAll, describe, expect, it } from 'vitest';
import { computeHouseholdCoverage } from '../../../src/core/dataset/load-dataset';
import { closeToNetwork } from '../../../src/core/sql/duckdb-lockdown';
import type { SqlClient } from '../../../src/core/sql/sql-client';
import { fixtureDb } from '../../helpers/fixture-db';
import { personalFixture } from '../../helpers/personal-fixture';
import { overviewUnder } from '../../helpers/planner-overview';

// The import staging database (ImportDialog) is closed this way once its only file (villages.csv) is in;
// the SQL sandbox (sql-sandbox.test.ts) before any user SQL.
let db: SqlClient;
beforeAll(async () => {
  db = await fixtureDb(personalFixture(200, 20, 50).tables);
}, 60_000);

describe('closeToNetwork on a loaded database', () => {
  it('before: the raw file registered at load is readable by SQL (what the SQL panel exposed)', async () => {
    const raw = await db.queryTable("SELECT count(*)::INTEGER AS n FROM read_csv('households.csv')");
    expect(raw.getChild('n')?.get(0)).toBe(200);
  });

  it('after: no file or URL can be read and no setting changed, while the app keeps working', async () => {
    await closeToNetwork(db, { lock: true });
    for (const sql of [
      "SELECT * FROM read_csv('households.csv')",
      "SELECT * FROM read_text('http://127.0.0.1:9/x')",
      "SELECT * FROM 'http://127.0.0.1:9/x.csv'",
    ]) {
      await expect(db.queryTable(sql)).rejects.toThrow(/Permission Error/);
    }
    for (const sql of [
      'SET enable_external_access=true',
      'RESET enable_external_access',
      'SET autoload_known_extensions=true',
    ]) {
      await expect(db.queryTable(sql)).rejects.toThrow(/locked/);
    }
    // Arrow inserts, tables and prepared statements still work: coverage is derived exactly as at load.
    await computeHouseholdCoverage(db, '2025-06-30');
    const { summary } = await overviewUnder(db, { thresholdM: 1000, visitDays: 90 });
    expect(summary.households).toBe(200);
  });
});
