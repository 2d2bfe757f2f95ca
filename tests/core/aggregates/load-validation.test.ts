/**
 * Bad aggregate files: each bad row rejected with its line number and the right message (id and en), the
 * valid rows loaded; a file that cannot be used at all changes no table.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { FIGURE_COLUMNS, MONTH_COLUMNS } from '../../../src/core/aggregates/format';
import { type AggregateFiles, loadAggregates } from '../../../src/core/aggregates/load-aggregates';
import { aggregateIssueMessage } from '../../../src/core/aggregates/messages';
import { manifestJson } from '../../../src/core/aggregates/write';
import { queryRows, type SqlClient } from '../../../src/core/sql/sql-client';
import { gazetteerDb } from './publish-helpers';

const enc = (text: string) => new TextEncoder().encode(text);
const MANIFEST = manifestJson(
  {
    name: 'Uji',
    date: '2026-10-31',
    thresholdM: 1000,
    minGroup: 3,
    synthetic: false,
    tables: { households: 'loaded', agents: 'loaded', cases: 'loaded' },
    months: { first: '2025-01', last: '2025-02' },
    hiddenVillages: 1,
  },
  new Date('2026-11-01T00:00:00Z'),
);

/** A figures row: 10 households, 5 covered, 1 of 10 with each need, 3 of 10 with any; `set` overrides cells. */
function figuresRow(code: string, set: Record<string, string> = {}): string {
  const base: Record<string, string> = { households: '10', covered: '5', s_any: '3', k_any: '10' };
  for (const c of FIGURE_COLUMNS) if (c.startsWith('s_') && !(c in base)) base[c] = '1';
  for (const c of FIGURE_COLUMNS) if (c.startsWith('k_') && !(c in base)) base[c] = '10';
  return [code, ...FIGURE_COLUMNS.map((c) => set[c] ?? base[c] ?? '')].join(',');
}
const EMPTY_FIGURES = Object.fromEntries(FIGURE_COLUMNS.map((c) => [c, '']));
const monthRow = (month: string, code: string, v: string) =>
  [month, code, ...MONTH_COLUMNS.map(() => v)].join(',');

const FIGURES = [
  ['village_code', ...FIGURE_COLUMNS].join(','),
  figuresRow('17.01.01.2001'), // 2 valid
  figuresRow('1701012002'), // 3 valid, 10-digit code
  figuresRow('17.01.99.9999'), // 4
  figuresRow('ABC'), // 5
  figuresRow('17.01.01.2003', { covered: 'abc' }), // 6
  figuresRow('17.01.01.2004', { households: '2', covered: '1', k_any: '2', s_any: '1' }), // 7
  figuresRow('17.01.01.2005', { covered: '11' }), // 8
  figuresRow('17.01.01.2006', { s_rtlh: '5', k_rtlh: '4' }), // 9
  figuresRow('17.01.01.2007', EMPTY_FIGURES), // 10 valid, hidden
  figuresRow('17.01.01.2008', { covered: '' }), // 11
  figuresRow('17.01.01.2009'), // 12
  figuresRow('17.01.01.2009'), // 13
  figuresRow('17.01.01.2010', { s_any: '-1' }), // 14
  '17.01.01.2011,10,5', // 15
].join('\n');

const MONTHS = [
  ['month', 'village_code', ...MONTH_COLUMNS].join(','),
  monthRow('2025-01', '17.01.01.2001', '1'), // 2 valid
  monthRow('2025-13', '17.01.01.2001', '1'), // 3
  monthRow('2025-01', '17.01.01.2007', ''), // 4 valid (hidden)
  monthRow('2025-02', '17.01.01.2007', '0'), // 5
  monthRow('2025-01', '17.01.01.2013', '0'), // 6
  monthRow('2025-01', '17.01.01.2002', '11'), // 7
  monthRow('2025-02', '17.01.01.2002', '2'), // 8
  monthRow('2025-02', '17.01.01.2002', '2'), // 9
].join('\n');

let db: SqlClient;
beforeAll(async () => {
  db = await gazetteerDb();
}, 120_000);

const files = (over: Partial<Record<keyof AggregateFiles, string>> = {}): AggregateFiles => ({
  manifest: enc(over.manifest ?? MANIFEST),
  figures: enc(over.figures ?? FIGURES),
  months: enc(over.months ?? MONTHS),
});

describe('loadAggregates on bad rows', () => {
  it('rejects each bad row with its line and reason, and loads the rest', async () => {
    const { manifest, report } = await loadAggregates(db, files());
    expect(manifest?.name).toBe('Uji');
    expect(report.fatal).toBeNull();
    const found = report.issues.map((i) => `${i.file}:${i.row}:${i.code}${i.column ? `:${i.column}` : ''}`);
    expect(found).toEqual([
      'village-figures.csv:4:unknown_village',
      'village-figures.csv:5:invalid_village_code',
      'village-figures.csv:6:not_a_count:covered',
      'village-figures.csv:7:small_group',
      'village-figures.csv:8:above_households:covered',
      'village-figures.csv:9:count_above_known:s_rtlh',
      'village-figures.csv:11:partly_empty',
      'village-figures.csv:12:duplicate_row',
      'village-figures.csv:13:duplicate_row',
      'village-figures.csv:14:not_a_count:s_any',
      'village-figures.csv:15:wrong_field_count',
      'village-months.csv:3:bad_month',
      'village-months.csv:5:hidden_mismatch',
      'village-months.csv:6:not_in_figures',
      'village-months.csv:7:above_households:o_kesehatan',
      'village-months.csv:8:duplicate_row',
      'village-months.csv:9:duplicate_row',
    ]);
    expect(report.figures).toEqual({ rows: 14, valid: 3, rejected: 11 });
    expect(report.months).toEqual({ rows: 8, valid: 2, rejected: 6 });
    expect(report.hiddenVillages).toEqual(['17.01.01.2007']);
    const cube = await queryRows<{ village_code: string; n: number | null }>(
      db,
      'SELECT village_code, n FROM planner_cube ORDER BY 1',
    );
    expect(cube).toEqual([
      { village_code: '17.01.01.2001', n: 10 },
      { village_code: '17.01.01.2002', n: 10 },
      { village_code: '17.01.01.2007', n: null },
    ]);
    const month = await queryRows(db, 'SELECT month, village_code, o_any FROM planner_month_cube');
    expect(month).toEqual([{ month: '2025-01', village_code: '17.01.01.2001', o_any: 1 }]);
  });

  it('says what is wrong in Bahasa Indonesia and English, with the row number', async () => {
    const { report } = await loadAggregates(db, files());
    const at = (row: number, file = 'village-figures.csv') =>
      report.issues.find((i) => i.row === row && i.file === file) ?? report.issues[0];
    const id = (row: number, file?: string) => aggregateIssueMessage(at(row, file) as never, 'id');
    const en = (row: number, file?: string) => aggregateIssueMessage(at(row, file) as never, 'en');
    expect(id(4)).toBe('village-figures.csv, baris 4: kode desa 17.01.99.9999 tidak ada di daftar desa');
    expect(en(4)).toBe('village-figures.csv, row 4: village code 17.01.99.9999 is not in the village list');
    expect(id(7)).toBe(
      'village-figures.csv, baris 7: 2 keluarga ditampilkan; kelompok di bawah 3 keluarga harus disembunyikan',
    );
    expect(en(9)).toBe(
      'village-figures.csv, row 9: s_rtlh (5) is more than the households whose status is known (4)',
    );
    expect(id(6)).toBe(
      'village-figures.csv, baris 6: covered harus bilangan bulat 0 atau lebih, atau kosong: “abc”',
    );
    expect(en(3, 'village-months.csv')).toBe('village-months.csv, row 3: month must be YYYY-MM: “2025-13”');
    expect(id(5, 'village-months.csv')).toBe(
      'village-months.csv, baris 5: desa 17.01.01.2007 disembunyikan di satu berkas tetapi ditampilkan di berkas lain',
    );
  });

  it('reads a file saved by a spreadsheet (BOM, semicolons, CRLF)', async () => {
    const excel = `\uFEFF${['village_code', ...FIGURE_COLUMNS].join(';')}\r\n${figuresRow('17.01.01.2001').replaceAll(',', ';')}\r\n`;
    const { report } = await loadAggregates(
      db,
      files({ figures: excel, months: MONTHS.split('\n')[0] ?? '' }),
    );
    expect(report.fatal).toBeNull();
    expect(report.figures).toEqual({ rows: 1, valid: 1, rejected: 0 });
  });
});

describe('loadAggregates on unusable files', () => {
  const broken = JSON.parse(MANIFEST);
  it.each([
    [
      'broken JSON',
      { manifest: '{"format":' },
      'aggregates.json: not a readable aggregate dataset description (broken JSON)',
    ],
    [
      'another format',
      { manifest: JSON.stringify({ ...broken, format: 'geojson' }) },
      'aggregates.json: not a Gancang Pikat aggregate dataset (format “geojson”)',
    ],
    [
      'a newer version',
      { manifest: JSON.stringify({ ...broken, version: 2 }) },
      'aggregates.json: unknown version 2; this app reads version 1',
    ],
    [
      'a bad date',
      { manifest: JSON.stringify({ ...broken, date: '31-10-2026' }) },
      'aggregates.json: field date is missing or invalid',
    ],
    [
      'a missing column',
      { figures: FIGURES.replace(',k_any', '') },
      'village-figures.csv: required columns missing: k_any',
    ],
    ['an empty months file', { months: '' }, 'village-months.csv: the file is empty'],
  ])('%s: fatal, with its message, and no table changed', async (_, over, message) => {
    await loadAggregates(db, files());
    const before = await queryRows(db, 'SELECT count(*)::INTEGER AS n FROM planner_cube');
    const { manifest, report } = await loadAggregates(db, files(over));
    expect(manifest).toBeNull();
    expect(report.fatal && aggregateIssueMessage(report.fatal, 'en')).toBe(message);
    expect(await queryRows(db, 'SELECT count(*)::INTEGER AS n FROM planner_cube')).toEqual(before);
  });
});
