/**
 * Issue 11.5: an unclosed quote must not swallow the file. Every physical line of a CSV ends up accounted for in
 * the report (valid + rejected rows + header + title + blank + continuation lines = physical lines), and a stray
 * quote costs only the line it is on: every untouched well-formed line is still read as a valid row.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { importTable, issueMessage } from '../../../src/core/import';
import { CsvParser, MAX_LINE_CHARS, MAX_RECORD_LINES } from '../../../src/core/import/csv-parse';
import type { ReadContext } from '../../../src/core/import/read-context';
import { readCsv } from '../../../src/core/import/read-csv';
import type { ImportIssue, LineAccount } from '../../../src/core/import/types';
import { loadCsvTable } from '../../../src/core/sql/load-table';
import type { SqlClient } from '../../../src/core/sql/sql-client';
import { startNodeDuckDb } from '../../helpers/duckdb-node';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const enc = (s: string) => new TextEncoder().encode(s);
fc.configureGlobal({ seed: Number(process.env.FUZZ_SEED ?? 20260105) });

/** Physical lines of a text, counted independently of the parser (CRLF, LF, lone CR). */
const physicalLines = (text: string): number =>
  text === '' ? 0 : text.split(/\r\n|\r|\n/).length - (/[\r\n]$/.test(text) ? 1 : 0);

interface Collected {
  rows: Map<number, readonly (string | null | undefined)[]>;
  rejected: Map<number, ImportIssue>;
  headerRow: number | null;
}

/** A ReadContext that keeps rows and rejections; header cells are named h0, h1, …. */
function collecting(): ReadContext & Collected {
  const ctx: ReadContext & Collected = {
    rows: new Map(),
    rejected: new Map(),
    headerRow: null,
    begin: async (_headers, headerRow) => {
      ctx.headerRow = headerRow ?? null;
    },
    recognised: (cells) => cells.filter((c) => c !== null && /^h\d+$/.test(c)).length,
    row: async (row, cells) => {
      expect(ctx.rows.has(row) || ctx.rejected.has(row)).toBe(false);
      ctx.rows.set(row, cells);
    },
    rowsInDatabase: () => Promise.reject(new Error('a CSV hands its rows over one by one')),
    reject: (issue) => {
      expect(ctx.rows.has(issue.row) || ctx.rejected.has(issue.row)).toBe(false);
      ctx.rejected.set(issue.row, issue);
    },
    progress: () => {},
    checkAbort: () => {},
  };
  return ctx;
}

const accounted = (ctx: Collected, lines: LineAccount): number =>
  ctx.rows.size + ctx.rejected.size + lines.header + lines.title + lines.blank + lines.continuation;

/** A well-formed field: plain, or quoted with a delimiter and a doubled quote inside. */
const field = fc.oneof(
  fc.stringMatching(/^[a-z0-9 .]{0,8}$/),
  fc.stringMatching(/^[a-z0-9 ]{0,5}$/).map((s) => `"${s},""x"""`),
);
const unquote = (f: string): string => (f.startsWith('"') ? f.slice(1, -1).replace(/""/g, '"') : f);

/** A CSV with a header, well-formed lines (some blank), and stray quotes injected into some data lines. */
const damagedCsv = fc.integer({ min: 2, max: 6 }).chain((width) =>
  fc.record({
    width: fc.constant(width),
    lines: fc.array(
      fc.oneof(
        { weight: 9, arbitrary: fc.array(field, { minLength: width, maxLength: width }) },
        { weight: 1, arbitrary: fc.constant([] as string[]) },
      ),
      { minLength: 1, maxLength: 60 },
    ),
    quotes: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 1, max: 3 })), { maxLength: 6 }),
    brk: fc.constantFrom('\n', '\r\n', '\r'),
    finalBreak: fc.boolean(),
    chunk: fc.integer({ min: 1, max: 64 }),
  }),
);

describe('CSV: stray and unclosed quotes', () => {
  it('accounts for every physical line; every untouched well-formed line is still a valid row', async () => {
    await fc.assert(
      fc.asyncProperty(damagedCsv, async ({ width, lines, quotes, brk, finalBreak }) => {
        const header = Array.from({ length: width }, (_, i) => `h${i}`).join(',');
        const text = lines.map((fields) => fields.join(','));
        const touched = new Set<number>();
        for (const [at, pos, count] of quotes) {
          const i = at % text.length;
          const line = text[i] ?? '';
          const p = pos % (line.length + 1);
          text[i] = `${line.slice(0, p)}${'"'.repeat(count)}${line.slice(p)}`;
          touched.add(i);
        }
        const csv = [header, ...text].join(brk) + (finalBreak ? brk : '');
        const ctx = collecting();
        const info = await readCsv(enc(csv), ctx);
        expect(ctx.headerRow).toBe(1);
        expect(info.lines.physical).toBe(physicalLines(csv));
        expect(accounted(ctx, info.lines)).toBe(info.lines.physical);
        lines.forEach((fields, i) => {
          if (touched.has(i) || fields.every((f) => unquote(f).trim() === '')) return; // blank
          expect(ctx.rows.get(i + 2)).toEqual(fields.map(unquote));
        });
      }),
      { numRuns: 1500 },
    );
  });

  it('gives the same records and problems whatever the chunking', () => {
    fc.assert(
      fc.property(damagedCsv, ({ lines, quotes, brk, chunk }) => {
        const text = lines.map((f) => f.join(';'));
        for (const [at, pos] of quotes) {
          const i = at % text.length;
          const p = pos % ((text[i] ?? '').length + 1);
          text[i] = `${text[i]?.slice(0, p)}"${text[i]?.slice(p)}`;
        }
        const csv = text.join(brk);
        const whole = new CsvParser(';');
        const expected = [...whole.feed(csv), ...whole.end()];
        const parts = new CsvParser(';');
        const got = [];
        for (let i = 0; i < csv.length; i += chunk) got.push(...parts.feed(csv.slice(i, i + chunk)));
        got.push(...parts.end());
        expect(got).toEqual(expected);
        expect(parts.physicalLines).toBe(physicalLines(csv));
      }),
      { numRuns: 1500 },
    );
  });

  it('keeps a real multi-line value, and gives up one that runs too far', async () => {
    const ok = new CsvParser(',');
    ok.setWidth(3);
    expect([...ok.feed('1,"Jl. Merdeka\nRT 01\nRW 02",x\n2,b,c\n'), ...ok.end()]).toEqual([
      { fields: ['1', 'Jl. Merdeka\nRT 01\nRW 02', 'x'], line: 1, lines: 3 },
      { fields: ['2', 'b', 'c'], line: 4, lines: 1 },
    ]);
    // Free text without delimiters never looks like a record: only the line limit stops it.
    const long = ['1,"open', ...Array.from({ length: MAX_RECORD_LINES + 5 }, (_, i) => `text ${i}`)];
    const p = new CsvParser(',');
    p.setWidth(2);
    const records = [...p.feed(long.join('\n')), ...p.end()];
    expect(records[0]).toMatchObject({ line: 1, problem: 'unclosed_quote', excerpt: '1,"open' });
    expect(records.slice(1).every((r) => r.fields.length === 1 && r.lines === 1)).toBe(true);
    expect(records).toHaveLength(long.length);
  });

  it('reports a line longer than the limit without holding it, and reads on', () => {
    const p = new CsvParser(',');
    const huge = 'x'.repeat(MAX_LINE_CHARS + 10);
    const text = `a,b\r${huge}\r\n1,2`;
    const got = [];
    for (let i = 0; i < text.length; i += 65_536) got.push(...p.feed(text.slice(i, i + 65_536)));
    got.push(...p.end());
    expect(got).toEqual([
      { fields: ['a', 'b'], line: 1, lines: 1 },
      { fields: [], line: 2, lines: 1, problem: 'line_too_long', excerpt: '' },
      { fields: ['1', '2'], line: 3, lines: 1 },
    ]);
  });
});

describe('CSV: large first chunks', () => {
  it('reads a first chunk of 300,000 short lines (no spread of that many arguments)', async () => {
    const ctx = collecting();
    const info = await readCsv(enc(`h0,h1\n${'1,2\n'.repeat(300_000)}`), ctx);
    expect(ctx.rows.size).toBe(300_000);
    expect(info.lines).toEqual({ physical: 300_001, header: 1, title: 0, blank: 0, continuation: 0 });
  }, 120_000);
});

describe('CSV: unclosed quotes through importTable', () => {
  let db: SqlClient;
  beforeAll(async () => {
    db = await startNodeDuckDb();
    await db.registerFile('villages.csv', readFileSync(`${ROOT}/data/villages.csv`));
    await loadCsvTable(db, 'villages', 'villages.csv');
  }, 60_000);

  const agents = (n: number, damage: (line: string, i: number) => string): string => {
    const lines = ['id_agen,jenis_pegawai,kode_desa_domisili,lon,lat'];
    for (let i = 1; i <= n; i++) lines.push(damage(`A${i},asn,17.01.04.2019,102.9085,-4.4855`, i));
    return `${lines.join('\n')}\n`;
  };

  it('a quote opened in the last field of row 5 of 10,000 costs that row only', async () => {
    const csv = agents(10_000, (line, i) => (i === 5 ? line.replace('-4.4855', '"-4.4855') : line));
    const report = await importTable(db, { kind: 'agents', fileName: 'agen.csv', bytes: enc(csv) });
    expect(report).toMatchObject({ fatal: null, totalRows: 10_000, validRows: 9_999, rejectedRows: 1 });
    expect(report.issues).toEqual([
      { row: 6, column: null, code: 'unclosed_quote', value: 'A5,asn,17.01.04.2019,102.9085,"-4.4855' },
    ]);
    expect(report.lines).toEqual({ physical: 10_001, header: 1, title: 0, blank: 0, continuation: 0 });
    expect(issueMessage(report.issues[0] as ImportIssue, 'id')).toMatch(/^Baris 6: tanda kutip dibuka/);
    expect(issueMessage(report.issues[0] as ImportIssue, 'en')).toMatch(/^Row 6: a quote opens/);
  });

  it('a quote on line 2, before the header is known, costs line 2 only', async () => {
    const csv = agents(3_000, (line, i) => (i === 1 ? `"${line}` : line));
    const report = await importTable(db, { kind: 'agents', fileName: 'agen.csv', bytes: enc(csv) });
    expect(report).toMatchObject({ fatal: null, totalRows: 3_000, validRows: 2_999, rejectedRows: 1 });
    expect(report.issues.map((i) => [i.row, i.code])).toEqual([[2, 'unclosed_quote']]);
  });

  it('a file that is one endless line is refused with a reason, not read as one row', async () => {
    const report = await importTable(db, {
      kind: 'agents',
      fileName: 'satu-baris.csv',
      bytes: enc(`id_agen,${'x'.repeat(MAX_LINE_CHARS * 3)}`),
    });
    expect(report.fatal).toMatchObject({ code: 'no_header' });
    expect(report.fatal?.detail).toMatch(/line 1 is longer than/);
  });
});
