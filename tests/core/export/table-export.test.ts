import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ExportAbout,
  type ExportColumn,
  type ExportSheet,
  neutraliseFormula,
  safeSheetName,
  toCsv,
  toCsvSheets,
  toXlsx,
  toXlsxSheets,
  UTF8_BOM,
  XLSX_MAX_ROWS,
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

// ---------------------------------------------------------------------------------------------------------
// The `about` block and several tables per file (toCsv's about, toCsvSheets, toXlsxSheets, toXlsx's about).
// ---------------------------------------------------------------------------------------------------------

const ABOUT: ExportAbout = [
  ['Isi', 'Daftar agen'],
  ['Data', 'Bengkulu Selatan · data contoh (sintetis)'],
  ['Diekspor', '2026-11-30'],
];

/** The CSV without its BOM, split into records (the last, empty piece after the final CRLF dropped). */
const csvRecords = (csv: string): string[] => {
  expect(csv.startsWith(BOM)).toBe(true);
  expect(csv.endsWith('\r\n')).toBe(true);
  return csv.slice(BOM.length).split('\r\n').slice(0, -1);
};

/** A small RFC 4180 reader (quoted fields may hold delimiters, quotes and line breaks). */
function parseCsv(csv: string, delimiter: string): string[][] {
  const text = csv.slice(BOM.length);
  const out: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === '' && !wasQuoted) {
      quoted = true;
      wasQuoted = true;
    } else if (c === delimiter) {
      record.push(field);
      field = '';
      wasQuoted = false;
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      out.push(record);
      record = [];
      field = '';
      wasQuoted = false;
      i++;
    } else field += c;
  }
  expect(quoted).toBe(false);
  expect(field).toBe('');
  expect(record).toEqual([]);
  return out;
}

describe('toCsv with an about block', () => {
  const columns: ExportColumn[] = [
    { key: 'a', header: 'Agen' },
    { key: 'n', header: 'Keluarga', kind: 'number' },
  ];
  const rows = [{ a: 'AG-QWERTZ', n: 12 }];

  it('writes label,value records, one empty record, then the table', () => {
    expect(csvRecords(toCsv(columns, rows, { about: ABOUT }))).toEqual([
      'Isi,Daftar agen',
      'Data,Bengkulu Selatan · data contoh (sintetis)',
      'Diekspor,2026-11-30',
      '',
      'Agen,Keluarga',
      'AG-QWERTZ,12',
    ]);
  });

  it('an empty about is no about: the header is the first record', () => {
    expect(toCsv(columns, rows, { about: [] })).toBe(toCsv(columns, rows));
    expect(csvRecords(toCsv(columns, rows, { about: [] }))[0]).toBe('Agen,Keluarga');
  });

  it('uses the chosen delimiter in the about block too', () => {
    expect(csvRecords(toCsv(columns, rows, { about: [['Isi', 'Daftar']], delimiter: ';' }))).toEqual([
      'Isi;Daftar',
      '',
      'Agen;Keluarga',
      'AG-QWERTZ;12',
    ]);
  });

  it('quotes and neutralises about labels and values like any text', () => {
    const about: ExportAbout = [
      ['=HYPERLINK("x")', '+62 812'],
      ['Jarak', '-4.45'], // text, not a number: neutralised
      ['@label', '1,5 km'],
      ['Ambang; jarak', 'a "b"'],
      ['Baris', 'satu\ndua'],
      ['', ''],
    ];
    expect(csvRecords(toCsv([{ key: 'a', header: 'A' }], [], { about }))).toEqual([
      `"'=HYPERLINK(""x"")",'+62 812`,
      "Jarak,'-4.45",
      `'@label,"1,5 km"`,
      `"Ambang; jarak","a ""b"""`,
      // A quoted LF inside a record: the split on CRLF keeps it whole.
      'Baris,"satu\ndua"',
      ',',
      '',
      'A',
    ]);
  });
});

describe('toCsvSheets', () => {
  const agents: ExportSheet = {
    name: 'Agen',
    columns: [
      { key: 'a', header: 'Agen' },
      { key: 'km', header: 'Km', kind: 'number' },
    ],
    rows: [
      { a: 'AG-A', km: 1.2 },
      { a: 'AG-B', km: null },
    ],
  };
  const unresolved: ExportSheet = {
    name: 'Belum terselesaikan',
    columns: [{ key: 'h', header: 'Keluarga' }],
    rows: [{ h: 'KL-X' }],
  };

  it('about block, empty record, first table; each further table after an empty record under its name', () => {
    expect(csvRecords(toCsvSheets([agents, unresolved], { about: ABOUT.slice(0, 1) }))).toEqual([
      'Isi,Daftar agen',
      '',
      'Agen,Km',
      'AG-A,1.2',
      'AG-B,',
      '',
      'Belum terselesaikan',
      'Keluarga',
      'KL-X',
    ]);
  });

  it('without an about block the first table starts the file, and its name is not written', () => {
    expect(csvRecords(toCsvSheets([agents, unresolved]))).toEqual([
      'Agen,Km',
      'AG-A,1.2',
      'AG-B,',
      '',
      'Belum terselesaikan',
      'Keluarga',
      'KL-X',
    ]);
  });

  it('one sheet is exactly toCsv', () => {
    expect(toCsvSheets([agents], { about: ABOUT, delimiter: ';' })).toBe(
      toCsv(agents.columns, agents.rows, { about: ABOUT, delimiter: ';' }),
    );
  });

  it('a further table without rows still gets its name and header', () => {
    expect(csvRecords(toCsvSheets([agents, { ...unresolved, rows: [] }])).slice(-3)).toEqual([
      '',
      'Belum terselesaikan',
      'Keluarga',
    ]);
  });

  it('quotes and neutralises the names of further tables', () => {
    const records = csvRecords(
      toCsvSheets([agents, { ...unresolved, name: '=evil' }, { ...unresolved, name: 'a;b' }], {
        delimiter: ';',
      }),
    );
    expect(records).toContain("'=evil");
    expect(records).toContain('"a;b"');
    expect(records).not.toContain('=evil');
  });

  it('reads back as the about block and the tables, for any text (property)', () => {
    const text = fc.string({
      maxLength: 6,
      unit: fc.constantFrom('a', 'Z', ' ', ',', ';', '"', '\n', '\r', '=', '+', '-', '@', '\t', "'", '·'),
    });
    const sheet = fc
      .record({
        name: text,
        headers: fc.array(text, { minLength: 1, maxLength: 3 }),
        rows: fc.array(fc.array(text, { minLength: 3, maxLength: 3 }), { maxLength: 3 }),
      })
      .map(({ name, headers, rows }) => ({
        name,
        columns: headers.map((header, i) => ({ key: `c${i}`, header, kind: 'text' as const })),
        rows: rows.map((r) => Object.fromEntries(r.map((v, i) => [`c${i}`, v]))),
      }));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(text, text), { maxLength: 3 }),
        fc.array(sheet, { minLength: 1, maxLength: 3 }),
        fc.constantFrom(',' as const, ';' as const),
        (about, sheets, delimiter) => {
          const n = neutraliseFormula;
          const expected: string[][] = about.map(([l, v]) => [n(l), n(v)]);
          if (about.length > 0) expected.push(['']);
          sheets.forEach((s, i) => {
            if (i > 0) expected.push([''], [n(s.name)]);
            expected.push(s.columns.map((c) => n(c.header)));
            for (const r of s.rows) expected.push(s.columns.map((c) => n(String(r[c.key]))));
          });
          expect(parseCsv(toCsvSheets(sheets, { about, delimiter }), delimiter)).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('toXlsxSheets and toXlsx with an about block', () => {
  const load = async (bytes: Uint8Array): Promise<ExcelJS.Workbook> => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
    return workbook;
  };
  const values = (sheet: ExcelJS.Worksheet, row: number, cells: number) =>
    Array.from({ length: cells }, (_, i) => sheet.getRow(row).getCell(i + 1).value);

  const moves: ExportSheet = {
    name: 'Penugasan baru',
    columns: [
      { key: 'h', header: 'Keluarga' },
      { key: 'km', header: 'Km', kind: 'number' },
    ],
    rows: [
      { h: 'KL-A', km: 1.2 },
      { h: 'KL-B', km: 0.4 },
    ],
  };
  const unresolved: ExportSheet = {
    name: 'Belum terselesaikan',
    columns: [{ key: 'h', header: 'Keluarga' }],
    rows: [{ h: 'KL-C' }],
  };

  /** Checks one sheet: about rows with bold labels, an empty row, the bold header, the frozen view. */
  const checkSheet = (sheet: ExcelJS.Worksheet, about: ExportAbout, table: ExportSheet) => {
    about.forEach(([label, value], i) => {
      const row = sheet.getRow(i + 1);
      expect(row.getCell(1).value).toBe(label);
      expect(row.getCell(2).value).toBe(value);
      expect(row.getCell(1).font?.bold).toBe(true);
      expect(row.getCell(2).font?.bold).toBeFalsy();
      expect(row.getCell(2).type).toBe(ExcelJS.ValueType.String);
      expect(row.getCell(2).numFmt).toBe('@');
      expect(row.getCell(3).value).toBeNull();
    });
    const headerRow = about.length > 0 ? about.length + 2 : 1;
    if (about.length > 0) expect(sheet.getRow(about.length + 1).cellCount).toBe(0);
    const header = sheet.getRow(headerRow);
    expect(values(sheet, headerRow, table.columns.length)).toEqual(table.columns.map((c) => c.header));
    expect(header.getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: headerRow });
    expect((sheet.views[0] as { xSplit?: number } | undefined)?.xSplit ?? 0).toBe(0);
    table.rows.forEach((r, i) => {
      expect(values(sheet, headerRow + 1 + i, table.columns.length)).toEqual(
        table.columns.map((c) => r[c.key]),
      );
      // Data rows are not bold.
      expect(sheet.getRow(headerRow + 1 + i).getCell(1).font?.bold).toBeFalsy();
    });
    expect(sheet.rowCount).toBe(headerRow + table.rows.length);
  };

  it('toXlsx: about rows at the top, an empty row, the header, the view frozen below the header', async () => {
    const workbook = await load(await toXlsx('Agen', moves.columns, moves.rows, ABOUT));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Agen']);
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    checkSheet(sheet, ABOUT, moves);
    expect(sheet.views[0]).toMatchObject({ ySplit: 5 });
    expect(sheet.getRow(5).getCell(1).value).toBe('Keluarga');
  });

  it('toXlsx without about: header in row 1, ySplit 1', async () => {
    const workbook = await load(await toXlsx('Agen', moves.columns, moves.rows));
    checkSheet(workbook.worksheets[0] as ExcelJS.Worksheet, [], moves);
    const empty = await load(await toXlsx('Agen', moves.columns, moves.rows, []));
    checkSheet(empty.worksheets[0] as ExcelJS.Worksheet, [], moves);
  });

  it('toXlsxSheets: one sheet per table in order, each with the about block', async () => {
    const workbook = await load(await toXlsxSheets([moves, unresolved], ABOUT));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Penugasan baru', 'Belum terselesaikan']);
    checkSheet(workbook.worksheets[0] as ExcelJS.Worksheet, ABOUT, moves);
    checkSheet(workbook.worksheets[1] as ExcelJS.Worksheet, ABOUT, unresolved);
  });

  it('toXlsxSheets without about: every header in row 1', async () => {
    const workbook = await load(await toXlsxSheets([moves, unresolved]));
    checkSheet(workbook.worksheets[0] as ExcelJS.Worksheet, [], moves);
    checkSheet(workbook.worksheets[1] as ExcelJS.Worksheet, [], unresolved);
  });

  it('sanitises every sheet name', async () => {
    const workbook = await load(await toXlsxSheets([{ ...moves, name: 'Kasus [2026]/Q1' }, unresolved]));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Kasus _2026__Q1', 'Belum terselesaikan']);
  });

  it('keeps formula-looking about text as text (no formula, no apostrophe)', async () => {
    const about: ExportAbout = [
      ['=label', '=SUM(A1:A9)'],
      ['Data', '@cmd'],
      ['Jarak', '-4.45'],
    ];
    const workbook = await load(await toXlsx('Agen', moves.columns, moves.rows, about));
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    expect(values(sheet, 1, 2)).toEqual(['=label', '=SUM(A1:A9)']);
    expect(values(sheet, 2, 2)).toEqual(['Data', '@cmd']);
    expect(values(sheet, 3, 2)).toEqual(['Jarak', '-4.45']);
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        expect(cell.formula).toBeUndefined();
      });
    });
  });

  describe('row limit', () => {
    /** `n` rows that throw when read: the limit check only needs the count, a passing check reads on. */
    const countedRows = (n: number): Record<string, unknown>[] => {
      const rows: Record<string, unknown>[] = [];
      rows.length = n;
      Object.defineProperty(rows, Symbol.iterator, {
        value: function* () {
          yield* [];
          throw new Error('rows read: the limit check passed');
        },
      });
      return rows;
    };
    const sheetOf = (n: number): ExportSheet => ({
      name: 's',
      columns: [{ key: 'a', header: 'A' }],
      rows: countedRows(n),
    });

    it('with an about block: about rows + empty row + header + data fill the sheet exactly', async () => {
      const fits = XLSX_MAX_ROWS - ABOUT.length - 2;
      await expect(toXlsxSheets([sheetOf(fits)], ABOUT)).rejects.toThrow(/limit check passed/);
      await expect(toXlsxSheets([sheetOf(fits + 1)], ABOUT)).rejects.toBeInstanceOf(RangeError);
    });

    it('checks every sheet, not only the first', async () => {
      await expect(toXlsxSheets([{ ...moves }, sheetOf(XLSX_MAX_ROWS)], ABOUT)).rejects.toBeInstanceOf(
        RangeError,
      );
    });

    it('without about: one row more than the sheet holds is refused', async () => {
      await expect(toXlsxSheets([sheetOf(XLSX_MAX_ROWS)])).rejects.toBeInstanceOf(RangeError);
    });

    // Exactly Excel's limit without an about block: header + 1,048,575 data rows pass the size check.
    it('without about: header + XLSX_MAX_ROWS − 1 data rows fit', async () => {
      await expect(toXlsxSheets([sheetOf(XLSX_MAX_ROWS - 1)])).rejects.toThrow(/limit check passed/);
    });
  });

  // Names equal after sanitising (or ignoring case, or in their first 31 characters) get " (2)", … —
  // exceljs would otherwise throw "Worksheet name already exists".
  it('two tables whose sheet names collide still give a workbook', async () => {
    const bytes = await toXlsxSheets([moves, { ...unresolved, name: moves.name.toUpperCase() }]);
    expect((await load(bytes)).worksheets).toHaveLength(2);
  });
});
