/**
 * Arrow IPC files through the import: read by DuckDB itself, checked exactly like the same rows as CSV, and a
 * damaged file is a plain "cannot be read", never an internal error or a half table.
 */
import { Table, tableToIPC } from 'apache-arrow';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ImportReport, importTable } from '../../../src/core/import';
import { detectFormat } from '../../../src/core/import/detect';
import { utf8Vector } from '../../../src/core/sql/arrow-vectors';
import { loadCsvTable } from '../../../src/core/sql/load-table';
import type { SqlClient } from '../../../src/core/sql/sql-client';
import { gazetteerClient, reportSummary } from '../../helpers/import-reports';

const enc = (s: string) => new TextEncoder().encode(s);
let csvDb: SqlClient;
let arrowDb: SqlClient;

/** A client with the gazetteer and one agent, as the households' references. */
async function referenceClient(): Promise<SqlClient> {
  const db = await gazetteerClient();
  await db.registerFile(
    'agents.csv',
    enc('id_agen,jenis_pegawai,kode_desa_domisili,lon,lat\nAG001,asn,17.01.04.2019,102.9085,-4.4855\n'),
  );
  await loadCsvTable(db, 'agents', 'agents.csv');
  return db;
}

beforeAll(async () => {
  [csvDb, arrowDb] = await Promise.all([referenceClient(), referenceClient()]);
}, 60_000);

const HEADERS = [
  'household_id',
  'village_code',
  'lon',
  'lat',
  'members',
  'agent_id',
  'need_rtlh',
  'last_visit',
];

/** Cells as a P3KE export may hold them: mostly valid, with every kind of fault the checks look for. */
const cell: Record<string, fc.Arbitrary<string | null>> = {
  household_id: fc.constantFrom('H1', 'H2', 'H3', 'H4', 'H5', 'H6', '', null),
  village_code: fc.constantFrom('17.01.04.2019', '1701042019', '17.01.01.2001', '99.99.99.9999', '', null),
  lon: fc.constantFrom('102.9085', '102,9101', '110.5', 'abc', '', null),
  lat: fc.constantFrom('-4.4855', '-4.4870', '4.4855', '', null),
  members: fc.constantFrom('1', '4', '12', '-2', 'empat', '', null),
  agent_id: fc.constantFrom('AG001', 'AG999', '', null),
  need_rtlh: fc.constantFrom('1', '0', 'ya', 'tidak', 'mungkin', '', null),
  last_visit: fc.constantFrom('2026-03-01', '2026-02-30', '01/03/2026', '', null),
};
const rowsArb = fc.array(fc.tuple(...HEADERS.map((h) => cell[h] as fc.Arbitrary<string | null>)), {
  minLength: 1,
  maxLength: 40,
});

/** The rows as CSV text (an empty cell and a missing one are the same there; a decimal comma is quoted). */
const asCsv = (rows: readonly (string | null)[][]): string =>
  [
    HEADERS.join(','),
    ...rows.map((r) => r.map((c) => (c?.includes(',') ? `"${c}"` : (c ?? ''))).join(',')),
  ].join('\n');

/** The rows as an Arrow IPC stream (or file) of text columns (null where the CSV cell is empty). */
function asArrow(rows: readonly (string | null)[][], format: 'stream' | 'file' = 'stream'): Uint8Array {
  const columns = Object.fromEntries(
    HEADERS.map((h, i) => [h, utf8Vector(rows.map((r) => (r[i] === '' ? null : (r[i] ?? null))))]),
  );
  return tableToIPC(new Table(columns), format);
}

async function contents(db: SqlClient): Promise<string[]> {
  return (await db.queryTable('SELECT * FROM households ORDER BY ALL'))
    .toArray()
    .map((r) => JSON.stringify(r));
}

describe('an Arrow file in the import', () => {
  it('is recognised by its bytes, as a stream and as a file', () => {
    const rows = [['H1', '17.01.04.2019', '102.9', '-4.48', '1', 'AG001', '1', '2026-03-01']];
    expect(detectFormat('x.bin', asArrow(rows))).toBe('arrow');
    expect(detectFormat('x.bin', asArrow(rows, 'file'))).toBe('arrow');
  });

  it('gives the same report and the same table as the same rows in CSV', async () => {
    await fc.assert(
      fc.asyncProperty(rowsArb, async (rows) => {
        const csv = await importTable(csvDb, {
          kind: 'households',
          fileName: 'h.csv',
          bytes: enc(asCsv(rows)),
        });
        const arrow = await importTable(arrowDb, {
          kind: 'households',
          fileName: 'h.arrow',
          bytes: asArrow(rows),
        });
        expect(arrow.format).toBe('arrow');
        expect(reportSummary(arrow)).toEqual(reportSummary(csv));
        // Rows are counted from 1 in an Arrow file, from the line after the header in a CSV.
        const issueRows = (r: ImportReport, shift: number) =>
          Object.values(r.examples)
            .flat()
            .map((i) => i.row - shift)
            .sort((a, b) => a - b);
        expect(issueRows(arrow, 0)).toEqual(issueRows(csv, 1));
        if (!csv.fatal) expect(await contents(arrowDb)).toEqual(await contents(csvDb));
      }),
      { numRuns: 25 },
    );
  }, 240_000);

  it('reads a file (ARROW1) exactly as a stream', async () => {
    const rows = [
      ['H1', '17.01.04.2019', '102.9085', '-4.4855', '3', 'AG001', 'ya', '2026-03-01'],
      ['H2', '1701042019', 'abc', '-4.4855', '3', 'AG001', '0', null],
    ];
    const stream = await importTable(arrowDb, {
      kind: 'households',
      fileName: 'h.arrow',
      bytes: asArrow(rows),
    });
    const file = await importTable(arrowDb, {
      kind: 'households',
      fileName: 'h.feather',
      bytes: asArrow(rows, 'file'),
    });
    expect(stream.validRows).toBe(1);
    expect(reportSummary(file)).toEqual(reportSummary(stream));
  });

  it('says a damaged file cannot be read, leaves the loaded table as it was, and the next imports work', async () => {
    const rows = Array.from({ length: 200 }, (_, i) => [
      `H${i}`,
      '17.01.04.2019',
      '102.9085',
      '-4.4855',
      '2',
      'AG001',
      '1',
      '2026-03-01',
    ]);
    const good = asArrow(rows);
    const loaded = await importTable(arrowDb, { kind: 'households', fileName: 'h.arrow', bytes: good });
    expect(loaded.validRows).toBe(200);
    const before = await contents(arrowDb);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.integer({ min: 4, max: good.length - 1 }).map((n) => good.slice(0, n)),
          fc
            .array(fc.tuple(fc.nat({ max: good.length - 1 }), fc.nat({ max: 255 })), {
              minLength: 1,
              maxLength: 12,
            })
            .map((flips) => {
              const b = good.slice();
              for (const [at, value] of flips) b[at] = value;
              return b;
            }),
          fc
            .uint8Array({ minLength: 1, maxLength: 3000 })
            .map((tail) => Uint8Array.from([0xff, 0xff, 0xff, 0xff, ...tail])),
          fc
            .uint8Array({ minLength: 1, maxLength: 3000 })
            .map((tail) => Uint8Array.from([...enc('ARROW1'), ...tail])),
        ),
        async (bytes) => {
          const report = await importTable(arrowDb, { kind: 'households', fileName: 'h.arrow', bytes });
          // Either the checks ran on what DuckDB could read, or the file is plainly unreadable.
          expect(report.fatal?.code ?? 'read').not.toBe('internal_error');
          if (report.fatal) expect(await contents(arrowDb)).toEqual(before);
          else expect(report.totalRows).toBeLessThanOrEqual(200);
          // And the next imports work, of either format: DuckDB's Arrow reader keeps a damaged stream's state
          // on its connection, which would fail every later Arrow insert there (CSV rows are staged as Arrow too).
          const csv = await importTable(arrowDb, {
            kind: 'households',
            fileName: 'h.csv',
            bytes: enc(asCsv(rows)),
          });
          expect(csv.validRows).toBe(200);
          const again = await importTable(arrowDb, { kind: 'households', fileName: 'h.arrow', bytes: good });
          expect(again.validRows).toBe(200);
        },
      ),
      { numRuns: 60 },
    );
    expect(await contents(arrowDb)).toEqual(before);
  }, 240_000);
});
