/** Publishing without agents or cases, and input that cannot be published. */
import { describe, expect, it } from 'vitest';
import { FIGURES_FILE, MANIFEST_FILE, MONTHS_FILE } from '../../../src/core/aggregates/format';
import { publishAggregates } from '../../../src/core/aggregates/publish';
import { queryRows } from '../../../src/core/sql/sql-client';
import { MONTH_RANGE_SQL } from '../../../src/features/planner/data/planner-queries';
import { startNodeDuckDb } from '../../helpers/duckdb-node';
import { openPublished, publishTexts, readText } from './publish-helpers';

const HOUSEHOLDS = [
  'household_id,village_code,lon,lat,need_kesehatan,need_rtlh',
  ...[1, 2, 3, 4].map((i) => `A${i},17.01.01.2001,103.1664,-4.3554,${i % 2},`),
  ...[1, 2, 3, 4].map((i) => `B${i},17.01.01.2002,103.1258,-4.4211,1,${i > 2 ? 1 : 0}`),
].join('\n');

const options = (bytes: Uint8Array) => ({
  villages: { fileName: 'villages.csv', bytes },
  name: 'x',
  date: '2026-10-31',
  thresholdM: 1000,
  synthetic: false,
  created: new Date(0),
});

describe('publishAggregates', () => {
  it('publishes households alone: agents and cases marked missing, no months, figures as counted', async () => {
    const { outcome } = await publishTexts({ households: HOUSEHOLDS }, false);
    expect(outcome.tables).toEqual({ households: 'loaded', agents: 'missing', cases: 'missing' });
    expect(outcome.months).toEqual([]);
    const manifest = JSON.parse(outcome.files[MANIFEST_FILE] ?? '');
    expect(manifest.months).toBeNull();
    expect(manifest.tables).toEqual(outcome.tables);
    // households, covered, then s_/k_ per need (kesehatan, bencana, rtlh, adminduk, putus_sekolah, lingkungan), any.
    expect(outcome.files[FIGURES_FILE]?.split('\n').slice(1, 3)).toEqual([
      '17.01.01.2001,4,0,2,4,0,0,0,0,0,0,0,0,0,0,2,4',
      '17.01.01.2002,4,0,4,4,0,0,2,4,0,0,0,0,0,0,4,4',
    ]);
    expect(outcome.files[MONTHS_FILE]).toBe(
      'month,village_code,o_kesehatan,o_bencana,o_rtlh,o_adminduk,o_putus_sekolah,o_lingkungan,o_any\n',
    );
    const opened = await openPublished(outcome.files);
    expect(opened.report.fatal).toBeNull();
    expect(opened.manifest?.tables.agents).toBe('missing');
    expect(await queryRows(opened.db, MONTH_RANGE_SQL)).toEqual([{ first: null, last: null }]);
  });

  it('publishes nothing without households, with no valid household, or with an unreadable file', async () => {
    const villages = new TextEncoder().encode(readText('data/villages.csv'));
    const db = await startNodeDuckDb();
    expect(await publishAggregates(db, {}, options(villages))).toMatchObject({
      ok: false,
      reason: 'households_missing',
    });
    const invalid = new TextEncoder().encode(
      'household_id,village_code,lon,lat\nX,17.01.99.9999,103.1,-4.3\n',
    );
    const none = await publishAggregates(
      db,
      { households: { fileName: 'households.csv', bytes: invalid } },
      options(villages),
    );
    expect(none).toMatchObject({ ok: false, reason: 'no_households' });
    const garbage = new TextEncoder().encode('PAR1\u0000\u0001garbage');
    const fatal = await publishAggregates(
      db,
      { households: { fileName: 'households.parquet', bytes: garbage } },
      options(villages),
    );
    expect(fatal).toMatchObject({ ok: false, reason: 'fatal' });
    const bad = await publishAggregates(db, {}, options(new TextEncoder().encode('nonsense')));
    expect(bad).toMatchObject({ ok: false, reason: 'villages' });
  });
});
