import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  type ExportColumn,
  neutraliseFormula,
  safeSheetName,
  toCsv,
  toXlsx,
  UTF8_BOM,
} from '../../../src/core/export/table-export';

const BOM = '\uFEFF';

/** CSV of a single column with header `v`, without the BOM, split into records. */
const records = (values: unknown[], kind?: ExportColumn['kind'], delimiter?: ',' | ';'): string[] => {
  const csv = toCsv(
    [{ key: 'v', header: 'v', kind }],
    values.map((v) => ({ v })),
    { delimiter },
  );
  return csv.slice(BOM.length).split('\r\n').slice(1, -1);
};

describe('toCsv', () => {
  it('starts with a UTF-8 BOM, ends records with CRLF and keeps Indonesian text', () => {
    const csv = toCsv(
      [
        { key: 'name', header: 'Desa' },
        { key: 'n', header: 'Jumlah', kind: 'number' },
      ],
      [
        { name: 'Pasar Manna', n: 3 },
        { name: 'Gunung Ayu – Kedurang Ilir', n: 4.5 },
      ],
    );
    expect(UTF8_BOM).toBe(BOM);
    expect(csv).toBe(`${BOM}Desa,Jumlah\r\nPasar Manna,3\r\nGunung Ayu – Kedurang Ilir,4.5\r\n`);
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it('writes only the header for no rows', () => {
    expect(toCsv([{ key: 'a', header: 'A' }], [])).toBe(`${BOM}A\r\n`);
  });

  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['a;b', '"a;b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line1\nline2', '"line1\nline2"'],
    ['line1\r\nline2', '"line1\r\nline2"'],
    ['', ''],
  ])('quotes %j as %j', (value, expected) => {
    const csv = toCsv([{ key: 'v', header: 'v' }], [{ v: value }]);
    expect(csv).toBe(`${BOM}v\r\n${expected}\r\n`);
  });

  it('uses the ; delimiter on request, numbers keep . decimals', () => {
    const csv = toCsv(
      [
        { key: 'a', header: 'a' },
        { key: 'b', header: 'b' },
      ],
      [{ a: 'x,y', b: -4.45 }],
      { delimiter: ';' },
    );
    expect(csv).toBe(`${BOM}a;b\r\n"x,y";-4.45\r\n`);
  });

  it.each([
    // [value, kind, expected field]
    [null, undefined, ''],
    [undefined, undefined, ''],
    [Number.NaN, undefined, ''],
    [Number.POSITIVE_INFINITY, 'number', ''],
    [0, undefined, '0'],
    [1234567.5, undefined, '1234567.5'],
    [-4.45, undefined, '-4.45'],
    [-4.45, 'number', '-4.45'],
    [12n, undefined, '12'],
    ['-4.45', 'number', '-4.45'], // a decimal string in a number column is a number
    [' 3.5 ', 'number', '3.5'],
    [true, undefined, 'true'],
    [new Date('2025-04-30T00:00:00Z'), undefined, '2025-04-30'],
    [new Date('2025-04-30T00:00:00Z'), 'date', '2025-04-30'],
    [Date.UTC(2024, 1, 29), 'date', '2024-02-29'], // epoch ms, as Arrow DATE columns give
    ['2024-02-29', 'date', '2024-02-29'],
    ['2025-02-30', 'date', '2025-02-30'], // not a real date: kept as text
    [new Date(Number.NaN), undefined, ''],
  ] as const)('writes %s (kind %s) as %j', (value, kind, expected) => {
    expect(records([value], kind)).toEqual([expected]);
  });

  describe('formula injection', () => {
    it.each([
      ['=SUM(A1)', "'=SUM(A1)"],
      ['=HYPERLINK("http://x.invalid","klik")', '"\'=HYPERLINK(""http://x.invalid"",""klik"")"'],
      ['+1', "'+1"],
      ['-1+2', "'-1+2"],
      ['-4.45', "'-4.45"], // text (no number kind): neutralised like any text
      ['@cmd', "'@cmd"],
      ['\t=1', "'\t=1"],
      ['\r=1', '"\'\r=1"'],
      ['=1,2', '"\'=1,2"'],
      ['a=b', 'a=b'], // only the first character matters
      ['Rp 1.000', 'Rp 1.000'],
    ])('text %j → %j', (value, expected) => {
      expect(records([value])).toEqual([expected]);
      expect(records([value], 'text')).toEqual([expected]);
    });

    it.each([
      ['-1+2', "'-1+2"], // not a plain number: still text, still neutralised
      ['=1', "'=1"],
      ['-4.45', '-4.45'],
    ])('in a number column %j → %j', (value, expected) => {
      expect(records([value], 'number')).toEqual([expected]);
    });

    it('keeps real numbers as numbers', () => {
      expect(records([-4.45, -1, -0.5, 1e21])).toEqual(['-4.45', '-1', '-0.5', '1e+21']);
    });

    it('also protects headers', () => {
      const csv = toCsv([{ key: 'a', header: '=evil' }], []);
      expect(csv).toBe(`${BOM}'=evil\r\n`);
    });

    it('neutraliseFormula leaves safe text alone', () => {
      expect(neutraliseFormula('Manna')).toBe('Manna');
      expect(neutraliseFormula('')).toBe('');
    });
  });
});

describe('safeSheetName', () => {
  it.each([
    ['Rumah tangga', 'Rumah tangga'],
    ['a/b\\c?d*e[f]g:h', 'a_b_c_d_e_f_g_h'],
    ["'quoted'", 'quoted'],
    ['x'.repeat(40), 'x'.repeat(31)],
    ['', 'Sheet1'],
    ['History', 'Sheet1'],
  ])('%j → %j', (name, expected) => {
    expect(safeSheetName(name)).toBe(expected);
  });
});

describe('toXlsx', () => {
  const columns: ExportColumn[] = [
    { key: 'village', header: 'Desa' },
    { key: 'members', header: 'Anggota', kind: 'number' },
    { key: 'score', header: 'Skor' },
    { key: 'note', header: 'Catatan', kind: 'text' },
    { key: 'visit', header: 'Kunjungan', kind: 'date' },
  ];
  const rows = [
    { village: 'Pasar Manna', members: 2, score: -4.45, note: '=cmd|" /C calc"!A0', visit: '2026-08-26' },
    {
      village: 'Kedurang',
      members: '3',
      score: null,
      note: '@SUM(1+1)',
      visit: new Date('2025-01-02T00:00:00Z'),
    },
    { village: 'Gunung Ayu', members: 12n, score: 0, note: '+62 812', visit: null },
  ];

  const read = async (bytes: Uint8Array): Promise<ExcelJS.Worksheet> => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    return sheet;
  };

  it('round-trips: header, types, and formula-like text stays text', async () => {
    const bytes = await toXlsx('Rumah tangga', columns, rows);
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect([...bytes.slice(0, 2)]).toEqual([0x50, 0x4b]); // a zip ("PK")

    const sheet = await read(bytes);
    expect(sheet.name).toBe('Rumah tangga');
    expect(sheet.rowCount).toBe(4);

    const header = sheet.getRow(1);
    expect(columns.map((_, i) => header.getCell(i + 1).value)).toEqual(columns.map((c) => c.header));
    expect(header.getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });

    const r2 = sheet.getRow(2);
    expect(r2.getCell(1).value).toBe('Pasar Manna');
    expect(r2.getCell(1).type).toBe(ExcelJS.ValueType.String);
    expect(r2.getCell(2).value).toBe(2);
    expect(r2.getCell(2).type).toBe(ExcelJS.ValueType.Number);
    expect(r2.getCell(3).value).toBe(-4.45);
    expect(r2.getCell(3).type).toBe(ExcelJS.ValueType.Number);
    expect(r2.getCell(4).value).toBe('=cmd|" /C calc"!A0');
    expect(r2.getCell(4).type).toBe(ExcelJS.ValueType.String);
    expect(r2.getCell(4).formula).toBeUndefined();
    expect(r2.getCell(4).numFmt).toBe('@');
    expect(r2.getCell(5).type).toBe(ExcelJS.ValueType.Date);
    expect((r2.getCell(5).value as Date).toISOString()).toBe('2026-08-26T00:00:00.000Z');
    expect(r2.getCell(5).numFmt).toBe('yyyy-mm-dd');

    const r3 = sheet.getRow(3);
    expect(r3.getCell(2).value).toBe(3); // numeric string in a number column
    expect(r3.getCell(3).type).toBe(ExcelJS.ValueType.Null);
    expect(r3.getCell(4).value).toBe('@SUM(1+1)');
    expect(r3.getCell(4).type).toBe(ExcelJS.ValueType.String);
    expect((r3.getCell(5).value as Date).toISOString()).toBe('2025-01-02T00:00:00.000Z');

    const r4 = sheet.getRow(4);
    expect(r4.getCell(2).value).toBe(12); // bigint
    expect(r4.getCell(3).value).toBe(0);
    expect(r4.getCell(4).value).toBe('+62 812');
    expect(r4.getCell(5).type).toBe(ExcelJS.ValueType.Null);

    // No cell anywhere is a formula.
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
      });
    });
  });

  it('sizes columns from content within 8–60 characters', async () => {
    const sheet = await read(
      await toXlsx(
        'w',
        [
          { key: 'a', header: 'A' },
          { key: 'b', header: 'Nama kepala keluarga' },
          { key: 'c', header: 'C' },
        ],
        [{ a: 'x', b: 'short', c: 'y'.repeat(200) }],
      ),
    );
    expect(sheet.getColumn(1).width).toBe(10); // minimum 8 + padding 2
    expect(sheet.getColumn(2).width).toBe('Nama kepala keluarga'.length + 2);
    expect(sheet.getColumn(3).width).toBe(60);
  });

  it('sanitises the sheet name and writes a header-only sheet for no rows', async () => {
    const sheet = await read(await toXlsx('Kasus [2026]/Q1', [{ key: 'a', header: 'A' }], []));
    expect(sheet.name).toBe('Kasus _2026__Q1');
    expect(sheet.rowCount).toBe(1);
  });
});
