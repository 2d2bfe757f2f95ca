/** importTable API: mapping override, fatal cases leave tables alone, cancellation, progress, messages, CSV report. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  checkFileSize,
  fatalMessage,
  type ImportIssue,
  ISSUE_CODES,
  importTable,
  issueLabel,
  issueMessage,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_BYTES_BY_FORMAT,
  reportToCsv,
} from '../../../src/core/import';
import { CsvParser } from '../../../src/core/import/csv-parse';
import { detectDelimiter, leadingLines } from '../../../src/core/import/csv-sniff';
import { HEADER_SEARCH_ROWS, headerIndex } from '../../../src/core/import/read-context';
import { loadCsvTable } from '../../../src/core/sql/load-table';
import type { SqlClient } from '../../../src/core/sql/sql-client';
import { startNodeDuckDb } from '../../helpers/duckdb-node';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const enc = (s: string) => new TextEncoder().encode(s);
let db: SqlClient;

const count = async (table: string): Promise<number> =>
  Number((await db.queryTable(`SELECT count(*)::INTEGER AS n FROM ${table}`)).toArray()[0]?.n);

beforeAll(async () => {
  db = await startNodeDuckDb();
  await db.registerFile('villages.csv', readFileSync(`${ROOT}/data/villages.csv`));
  await loadCsvTable(db, 'villages', 'villages.csv');
}, 60_000);

beforeEach(async () => {
  await db.registerFile(
    'agents.csv',
    enc('id_agen,jenis_pegawai,kode_desa_domisili,lon,lat\nAG001,asn,17.01.04.2019,102.9085,-4.4855\n'),
  );
  await loadCsvTable(db, 'agents', 'agents.csv');
});

describe('importTable', () => {
  it('uses a mapping override and reports unmapped headers', async () => {
    const csv = 'nomor,desa,bujur_x,lintang_y,catatan\nA9,17.01.04.2019,102.9085,-4.4855,x\n';
    const auto = await importTable(db, { kind: 'agents', fileName: 'a.csv', bytes: enc(csv) });
    expect(auto.fatal?.code).toBe('missing_columns');
    expect(auto.fatal?.detail).toBe('agent_id, agent_type, home_village_code, lon, lat');
    expect(await count('agents')).toBe(1); // unchanged
    const mapped = await importTable(
      db,
      {
        kind: 'agents',
        fileName: 'a.csv',
        bytes: enc(csv.replace('catatan', 'jenis').replace(',x', ',asn')),
      },
      {
        mapping: {
          agent_id: 'nomor',
          agent_type: 'jenis',
          home_village_code: 'desa',
          lon: 'bujur_x',
          lat: 'lintang_y',
        },
      },
    );
    expect(mapped.fatal).toBeNull();
    expect(mapped.mapping).toEqual({
      agent_id: 'nomor',
      agent_type: 'jenis',
      home_village_code: 'desa',
      lon: 'bujur_x',
      lat: 'lintang_y',
    });
    expect(mapped.validRows).toBe(1);
    const bad = await importTable(
      db,
      { kind: 'agents', fileName: 'a.csv', bytes: enc(csv) },
      { mapping: { agent_id: 'no_such_header' } },
    );
    expect(bad.fatal?.code).toBe('bad_mapping');
    const unknown = await importTable(
      db,
      { kind: 'agents', fileName: 'a.csv', bytes: enc(csv) },
      { mapping: { salary: 'nomor' } },
    );
    expect(unknown.fatal?.code).toBe('bad_mapping');
  });

  it('replaces the table with the valid rows only, and leaves it alone on fatal errors', async () => {
    const ok = await importTable(db, {
      kind: 'agents',
      fileName: 'a.csv',
      bytes: enc(
        'id_agen,jenis_pegawai,kode_desa_domisili,lon,lat\nB1,asn,1701042019,102.9,-4.48\nB2,x,1701042019,102.9,-4.48\n',
      ),
    });
    expect(ok).toMatchObject({ totalRows: 2, validRows: 1, rejectedRows: 1, loadedTable: 'agents' });
    const rows = (await db.queryTable('SELECT agent_id, home_village_code, active FROM agents')).toArray();
    expect(rows.map((r) => r.toJSON())).toEqual([
      { agent_id: 'B1', home_village_code: '17.01.04.2019', active: 1 },
    ]);
    const fatal = await importTable(db, { kind: 'agents', fileName: 'a.csv', bytes: enc('id_agen\n') });
    expect(fatal.fatal?.code).toBe('missing_columns');
    expect(fatal.loadedTable).toBeNull();
    expect(await count('agents')).toBe(1);
    const tables = (
      await db.queryTable(
        `SELECT table_name FROM information_schema.tables WHERE table_name LIKE '_import_%'`,
      )
    ).numRows;
    expect(tables).toBe(0); // scratch tables dropped
  });

  it('refuses a file too large before parsing it', async () => {
    expect(MAX_IMPORT_BYTES).toBe(MAX_IMPORT_BYTES_BY_FORMAT.csv);
    expect(checkFileSize('big.xlsx', 40 * 1024 * 1024)?.code).toBe('file_too_large');
    expect(checkFileSize('ok.csv', 40 * 1024 * 1024)).toBeNull();
    // A 33 MB "XLSX" (ZIP magic) is refused by size, never handed to exceljs.
    const bytes = new Uint8Array(MAX_IMPORT_BYTES_BY_FORMAT.xlsx + 1);
    bytes.set([0x50, 0x4b, 0x03, 0x04]);
    const report = await importTable(db, { kind: 'households', fileName: 'big.xlsx', bytes });
    expect(report.fatal?.code).toBe('file_too_large');
    expect(fatalMessage(report.fatal ?? { code: 'empty_file', detail: '' }, 'id')).toMatch(/terlalu besar/);
  });

  it('can be cancelled, and reports progress from 0 to 1', async () => {
    const lines = ['id_agen,jenis_pegawai,kode_desa_domisili,lon,lat'];
    for (let i = 0; i < 120_000; i++) lines.push(`C${i},asn,17.01.04.2019,102.9085,-4.4855`);
    const bytes = enc(`${lines.join('\n')}\n`);
    const controller = new AbortController();
    const stages: string[] = [];
    const cancelled = await importTable(
      db,
      { kind: 'agents', fileName: 'big.csv', bytes },
      {
        signal: controller.signal,
        onProgress: (f, stage) => {
          stages.push(stage);
          if (f > 0.2) controller.abort();
        },
      },
    );
    expect(cancelled.fatal?.code).toBe('cancelled');
    expect(await count('agents')).toBe(1);
    const fractions: number[] = [];
    const done = await importTable(
      db,
      { kind: 'agents', fileName: 'big.csv', bytes },
      { onProgress: (f) => fractions.push(f) },
    );
    expect(done).toMatchObject({ fatal: null, validRows: 120_000 });
    expect(fractions.at(-1)).toBe(1);
    expect(fractions.every((f, i) => i === 0 || f >= (fractions[i - 1] ?? 0))).toBe(true);
  });

  it('skips reference checks when the reference table is absent', async () => {
    await db.queryTable('DROP TABLE IF EXISTS households');
    const report = await importTable(db, {
      kind: 'cases',
      fileName: 'c.csv',
      bytes: enc(
        'id_kasus,id_keluarga_p3ke,kebutuhan,status_kasus,tanggal_lapor\nK1,H1,rtlh,dilaporkan,2025-01-01\n',
      ),
    });
    expect(report.skippedChecks).toEqual(['unknown_household']);
    expect(report.validRows).toBe(1);
  });
});

describe('messages and the CSV report', () => {
  const issue: ImportIssue = { row: 12, column: 'desil', code: 'decile_out_of_range', value: '11' };

  it('names the row, the column and the problem in both languages, for every code', () => {
    expect(issueMessage(issue, 'id')).toBe(
      'Baris 12: desil kesejahteraan harus 1–10, tetapi desil berisi "11".',
    );
    expect(issueMessage(issue, 'en')).toBe('Row 12: welfare decile must be 1–10, but desil holds "11".');
    for (const code of ISSUE_CODES) {
      for (const lang of ['id', 'en'] as const) {
        const text = issueMessage({ row: 3, column: 'kolom_x', code, value: 'v' }, lang);
        expect(text).toMatch(lang === 'id' ? /^Baris 3: / : /^Row 3: /);
        expect(issueLabel(code, lang).length).toBeGreaterThan(0);
      }
    }
  });

  it('exports every issue, formula-like values neutralised', async () => {
    const report = await importTable(db, {
      kind: 'agents',
      fileName: 'inj.csv',
      bytes: readFileSync(`${ROOT}/tests/fixtures/import/agents-formula-injection.csv`),
    });
    const csv = reportToCsv(report, 'en');
    expect(csv.startsWith('\uFEFFrow,column,code,severity,value,message\r\n')).toBe(true);
    expect(csv).toContain("4,jenis_pegawai,invalid_value,rejected,'@SUM(A1),");
    expect(csv.split('\r\n').filter((l) => l !== '')).toHaveLength(report.issues.length + 1);
    for (const line of csv.split('\r\n').slice(1)) expect(line).not.toMatch(/(^|,)[=+\-@]/);
  });
});

describe('CSV parser', () => {
  it('detects the delimiter from the header', () => {
    expect(detectDelimiter('a;b;c')).toBe(';');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
    expect(detectDelimiter('"a,b";c;d')).toBe(';');
    expect(detectDelimiter('single')).toBe(',');
  });

  it('detects the delimiter below title lines, from the line that holds most of one', () => {
    const text = 'DATA P3KE\r\nManna, Bengkulu Selatan, 2025\n\nid;desa;"lon, x";lat\n"a\nb";c;1;2\nlast';
    const lines = leadingLines(text, 20);
    expect(lines).toEqual([
      'DATA P3KE',
      'Manna, Bengkulu Selatan, 2025',
      '',
      'id;desa;"lon, x";lat',
      '"a\nb";c;1;2',
    ]);
    expect(leadingLines(text, 2)).toHaveLength(2);
    expect(detectDelimiter(lines)).toBe(';');
  });

  it('gives the same records whatever the chunking', () => {
    const text = 'a,b\r\n"x\r\ny","say ""hi"""\r\n1,2\r\n\r\n3,"4"\r';
    const whole = new CsvParser(',');
    const expected = [...whole.feed(text), ...whole.end()];
    expect(expected).toEqual([
      { fields: ['a', 'b'], line: 1, lines: 1 },
      { fields: ['x\r\ny', 'say "hi"'], line: 2, lines: 2 },
      { fields: ['1', '2'], line: 4, lines: 1 },
      { fields: ['3', '4'], line: 6, lines: 1 },
    ]);
    for (let size = 1; size <= 5; size++) {
      const p = new CsvParser(',');
      const got = [];
      for (let i = 0; i < text.length; i += size) got.push(...p.feed(text.slice(i, i + size)));
      got.push(...p.end());
      expect(got).toEqual(expected);
    }
  });
});

describe('header row', () => {
  const known = new Set(['id', 'desa', 'lon', 'lat', 'x']);
  const score = (cells: readonly (string | null)[]) => cells.filter((c) => c && known.has(c)).length;

  it('skips title rows above the row naming the most columns', () => {
    expect(headerIndex([['DATA P3KE'], ['per 1 Maret 2025'], ['id', 'desa', 'lon', 'lat']], score)).toBe(2);
  });

  it('keeps the first row when no later row names at least two columns more convincingly', () => {
    // A data value that happens to be a column name ("x") does not make a data row the header.
    expect(
      headerIndex(
        [
          ['nomor', 'kode'],
          ['A9', 'x'],
        ],
        score,
      ),
    ).toBe(0);
    expect(
      headerIndex(
        [
          ['id', 'desa'],
          ['id', 'lat'],
        ],
        score,
      ),
    ).toBe(0); // a tie keeps the first
    expect(headerIndex([], score)).toBe(0);
  });

  it('searches only the first rows', () => {
    const rows = [...Array.from({ length: HEADER_SEARCH_ROWS }, () => ['judul']), ['id', 'lon', 'lat']];
    expect(headerIndex(rows, score)).toBe(0);
    expect(headerIndex(rows.slice(1), score)).toBe(HEADER_SEARCH_ROWS - 1);
  });
});
