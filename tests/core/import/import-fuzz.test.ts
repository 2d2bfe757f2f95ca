/**
 * Property-based tests (fast-check): random bytes, CSV-ish text, random cells, random JSON and broken XLSX/Parquet
 * thrown at the parsers and at importTable. None may throw; importTable must always return a report that is
 * either fatal or accounts for every row. Run counts add up to ≥ 10,000 inputs (see RUNS). The Parquet cases found
 * two hyparquet failure modes on corrupted pages (an endless page loop, and a V8 abort on an RLE run longer than
 * its page); read-parquet.ts now checks page headers and RLE runs before decoding.
 */

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveColumns, TABLES } from '../../../src/core/domain/schema';
import { detectFormat, type ImportReport, importTable, validateBoundaries } from '../../../src/core/import';
import { CsvParser } from '../../../src/core/import/csv-parse';
import { detectDelimiter } from '../../../src/core/import/csv-sniff';
import { FatalError, type ReadContext, uniqueHeaders } from '../../../src/core/import/read-context';
import { readCsv } from '../../../src/core/import/read-csv';
import { readParquet } from '../../../src/core/import/read-parquet';
import { readXlsx } from '../../../src/core/import/read-xlsx';
import { loadCsvTable } from '../../../src/core/sql/load-table';
import type { SqlClient } from '../../../src/core/sql/sql-client';
import { startNodeDuckDb } from '../../helpers/duckdb-node';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const enc = (s: string) => new TextEncoder().encode(s);

/** Fixed by default so a failure reproduces; FUZZ_SEED=<n> (or `random`) explores other inputs. */
const SEED =
  process.env.FUZZ_SEED === 'random' ? Date.now() % 2 ** 31 : Number(process.env.FUZZ_SEED ?? 20260101);
fc.configureGlobal({ seed: SEED });

const RUNS = {
  csvParserChunks: 3000,
  readCsvBytes: 2500,
  readCsvText: 2000,
  detectFormat: 1000,
  boundariesJson: 1000,
  parquetBytes: 300,
  xlsxBytes: 100,
  importTableCells: 150,
  importTableBytes: 100,
};
let total = 0;
const t0 = performance.now();

/** A ReadContext that only collects (no DuckDB): for the readers alone. */
function collectingContext(): ReadContext & { rows: number; headers: string[] } {
  const ctx = {
    rows: 0,
    headers: [] as string[],
    begin: async (h: string[]) => {
      ctx.headers = h;
    },
    row: async (_row: number, cells: readonly (string | null | undefined)[]) => {
      expect(cells.length).toBe(ctx.headers.length);
      ctx.rows++;
    },
    recognised: (cells: readonly (string | null)[]) =>
      resolveColumns('households', uniqueHeaders(cells.map((c) => c ?? ''))).size,
    rowsInDatabase: () => Promise.reject(new Error('these readers hand rows over one by one')),
    reject: () => {},
    progress: () => {},
    checkAbort: () => {},
  };
  return ctx;
}

/** Runs a reader: it may end normally or with a FatalError (a report), never with anything else. */
async function readsOrFatal(read: () => Promise<unknown>): Promise<void> {
  try {
    await read();
  } catch (err) {
    if (!(err instanceof FatalError)) throw err;
  }
}

const csvChar = fc.constantFrom(
  ',',
  ';',
  '\t',
  '"',
  '\n',
  '\r',
  ' ',
  'a',
  '1',
  '.',
  '-',
  'é',
  '\u00a0',
  '\uFEFF',
);
const csvText = fc.array(csvChar, { maxLength: 200 }).map((chars) => chars.join(''));

describe('parsers (no DuckDB)', () => {
  it('CsvParser: the same records for any chunking, never throws', () => {
    fc.assert(
      fc.property(
        csvText,
        fc.integer({ min: 1, max: 17 }),
        fc.constantFrom(',', ';', '\t', '|'),
        (text, size, d) => {
          const whole = new CsvParser(d as ',');
          const expected = [...whole.feed(text), ...whole.end()];
          const p = new CsvParser(d as ',');
          const got = [];
          for (let i = 0; i < text.length; i += size) got.push(...p.feed(text.slice(i, i + size)));
          got.push(...p.end());
          expect(got).toEqual(expected);
          for (const r of got) expect(r.line).toBeGreaterThanOrEqual(1);
          detectDelimiter(text);
        },
      ),
      { numRuns: RUNS.csvParserChunks },
    );
    total += RUNS.csvParserChunks;
  });

  it('readCsv on random bytes ends or fails with a fatal report', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
        await readsOrFatal(() => readCsv(bytes, collectingContext()));
      }),
      { numRuns: RUNS.readCsvBytes },
    );
    total += RUNS.readCsvBytes;
  });

  it('readCsv on CSV-ish text: every record becomes a row or a rejection', async () => {
    await fc.assert(
      fc.asyncProperty(csvText, async (text) => {
        await readsOrFatal(() => readCsv(enc(text), collectingContext()));
      }),
      { numRuns: RUNS.readCsvText },
    );
    total += RUNS.readCsvText;
  });

  it('detectFormat classifies any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.string({ maxLength: 12 }), (bytes, name) => {
        const f = detectFormat(name, bytes);
        expect(typeof f === 'string' || typeof f.code === 'string').toBe(true);
      }),
      { numRuns: RUNS.detectFormat },
    );
    total += RUNS.detectFormat;
  });

  it('validateBoundaries on random JSON and FeatureCollection-shaped values', () => {
    const position = fc.oneof(
      fc.tuple(fc.double({ min: 102.7, max: 103.4 }), fc.double({ min: -4.7, max: -4.1 })),
      fc.anything(),
    );
    const feature = fc.record({
      type: fc.constantFrom('Feature', 'feature', 1),
      properties: fc.oneof(
        fc.record({ village_code: fc.constantFrom('17.01.04.2019', '1701042019', '17.01.99.0000', 7, '') }),
        fc.anything(),
      ),
      geometry: fc.oneof(
        fc.record({
          type: fc.constantFrom('Polygon', 'MultiPolygon', 'Point'),
          coordinates: fc.array(fc.array(position, { maxLength: 6 }), { maxLength: 3 }),
        }),
        fc.anything(),
      ),
    });
    const json = fc.oneof(
      fc.record({ type: fc.constant('FeatureCollection'), features: fc.array(feature, { maxLength: 5 }) }),
      fc.jsonValue(),
    );
    fc.assert(
      fc.property(json, fc.boolean(), (value, known) => {
        try {
          const { report } = validateBoundaries(
            'x.geojson',
            enc(JSON.stringify(value) ?? ''),
            known ? new Set(['17.01.04.2019']) : null,
          );
          expect(report.validRows + report.rejectedRows).toBe(report.totalRows);
        } catch (err) {
          if (!(err instanceof FatalError)) throw err;
        }
      }),
      { numRuns: RUNS.boundariesJson },
    );
    total += RUNS.boundariesJson;
  });

  it('readParquet and readXlsx on broken files fail with a fatal report only', async () => {
    const valid = readFileSync(`${ROOT}/tests/fixtures/import/hh-parquet.parquet`);
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), fc.nat(valid.length), async (noise, cut) => {
        // PAR1 magic + noise, or a real file with noise written over a part of it.
        const bytes =
          noise.length % 2 ? new Uint8Array([0x50, 0x41, 0x52, 0x31, ...noise]) : Uint8Array.from(valid);
        if (!(noise.length % 2)) bytes.set(noise.subarray(0, Math.max(0, bytes.length - cut)), cut);
        await readsOrFatal(() => readParquet(bytes, collectingContext()));
      }),
      { numRuns: RUNS.parquetBytes },
    );
    total += RUNS.parquetBytes;
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), async (noise) => {
        await readsOrFatal(() =>
          readXlsx(new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...noise]), collectingContext()),
        );
      }),
      { numRuns: RUNS.xlsxBytes },
    );
    total += RUNS.xlsxBytes;
  });
});

describe('importTable (DuckDB)', () => {
  let db: SqlClient;
  beforeAll(async () => {
    db = await startNodeDuckDb();
    await db.registerFile('villages.csv', readFileSync(`${ROOT}/data/villages.csv`));
    await loadCsvTable(db, 'villages', 'villages.csv');
  });

  const check = (report: ImportReport): void => {
    // Bugs surface as internal_error: that is a failure here, never an acceptable outcome.
    expect(report.fatal?.code, report.fatal?.detail).not.toBe('internal_error');
    if (report.fatal === null) {
      expect(report.validRows + report.rejectedRows).toBe(report.totalRows);
      expect(report.rejectedRows === 0 || Object.keys(report.issueCounts).length > 0).toBe(true);
    }
  };

  const cell = fc.oneof(
    fc.constantFrom(
      '',
      ' ',
      '17.01.04.2019',
      '1701040002',
      '102,9085',
      '-4.4855',
      '102.9085',
      'ya',
      'NaN',
      '2025-02-30',
      '11',
      '"',
      "O'Brien",
      '=1+1',
      '\u0000',
      'asn',
      'selesai',
      'rtlh',
    ),
    fc.string({ maxLength: 8 }),
    fc.double().map(String),
  );

  it('random cells under real headers', async () => {
    const kinds = ['households', 'agents', 'cases', 'villages'] as const;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...kinds),
        fc.array(fc.array(cell, { minLength: 1, maxLength: 12 }), { maxLength: 6 }),
        fc.constantFrom(',', ';'),
        async (kind, rows, d) => {
          const headers = TABLES[kind].map((s) => s.name).slice(0, 12);
          const quote = (v: string) => `"${v.replaceAll('"', '""')}"`;
          const text = [headers.join(d), ...rows.map((r) => r.map(quote).join(d))].join('\n');
          check(await importTable(db, { kind, fileName: 'fuzz.csv', bytes: enc(text) }));
        },
      ),
      { numRuns: RUNS.importTableCells },
    );
    total += RUNS.importTableCells;
  });

  it('random bytes and text as any kind', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('households', 'agents', 'cases', 'villages', 'boundaries') as fc.Arbitrary<
          'households' | 'agents' | 'cases' | 'villages' | 'boundaries'
        >,
        fc.oneof(fc.uint8Array({ maxLength: 200 }), csvText.map(enc)),
        fc.constantFrom('f.csv', 'f.xlsx', 'f.parquet', 'f.geojson', 'f'),
        async (kind, bytes, name) => {
          check(await importTable(db, { kind, fileName: name, bytes }));
        },
      ),
      { numRuns: RUNS.importTableBytes },
    );
    total += RUNS.importTableBytes;
  });
});

afterAll(() => {
  console.log(`fuzz (seed ${SEED}): ${total} inputs in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
});
