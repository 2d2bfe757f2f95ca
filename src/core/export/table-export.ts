/**
 * Table export to CSV and XLSX, built in the browser (nothing leaves the device until the
 * user saves the file). Ids are NOT masked here: callers write them through the masking policy
 * (./privacy: `policy.id(kind, raw, mode)`), full ids only in an export the user marked internal.
 *
 * Cell values are normalised the same way for both formats:
 * - null, undefined, NaN and ±Infinity → empty cell;
 * - a finite number or bigint → a number (CSV: JS notation, '.' decimals, no grouping);
 *   in a `kind: 'number'` column a string holding a plain decimal number is a number too;
 * - a Date (or epoch milliseconds in a `kind: 'date'` column) → the ISO date `YYYY-MM-DD`
 *   of its UTC calendar day (DuckDB/Arrow DATE values are UTC midnights); in a
 *   `kind: 'date'` column a `YYYY-MM-DD` string is that date;
 * - anything else → text (`String(value)`); objects never become formulas or hyperlinks.
 */

/**
 * What an export says about itself (contents, data source and whether it is synthetic, dates, settings):
 * label–value lines above the table — in CSV the first records, then one empty record, then the table's
 * header; in XLSX the first rows of every sheet, bold labels, the view frozen below the table's header.
 */
export type ExportAbout = readonly (readonly [label: string, value: string])[];

export interface ExportColumn {
  /** Key of the value in each row. */
  key: string;
  /** Header text written in the first row. */
  header: string;
  /** How the values are meant; without it the JS type of each value decides. */
  kind?: 'text' | 'number' | 'date';
  /** Numbers rounded to this many decimals, as the screen shows them (a rate: 1); unrounded without it. */
  decimals?: number;
}

type Cell =
  | { type: 'empty' }
  | { type: 'number'; value: number | bigint }
  | { type: 'date'; value: Date }
  | { type: 'text'; value: string };

const EMPTY: Cell = { type: 'empty' };
const DECIMAL = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const rounded = (value: number, decimals: number | undefined): number =>
  decimals === undefined ? value : Number(value.toFixed(decimals)) || 0;

function toCell(value: unknown, kind: ExportColumn['kind'], decimals?: number): Cell {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return EMPTY;
    return kind === 'date'
      ? toCell(new Date(value), kind)
      : { type: 'number', value: rounded(value, decimals) };
  }
  if (typeof value === 'bigint') return { type: 'number', value };
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? EMPTY : { type: 'date', value };
  const text = String(value);
  if (kind === 'number' && DECIMAL.test(text.trim())) {
    const n = Number(text.trim());
    if (Number.isFinite(n)) return { type: 'number', value: rounded(n, decimals) };
  }
  if (kind === 'date' && ISO_DATE.test(text.trim())) {
    const date = new Date(`${text.trim()}T00:00:00Z`);
    if (!Number.isNaN(date.getTime()) && isoDate(date) === text.trim()) return { type: 'date', value: date };
  }
  return { type: 'text', value: text };
}

const isoDate = (date: Date): string => date.toISOString().slice(0, 10);

/**
 * Characters that make a spreadsheet read a CSV cell as a formula (OWASP "CSV injection"):
 * = + - @, tab and carriage return at the start of the text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Prefixes text that a spreadsheet would evaluate with an apostrophe, so it stays text. */
export const neutraliseFormula = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);

const NEEDS_QUOTES = /[",;\r\n]/;

function csvField(cell: Cell): string {
  if (cell.type === 'empty') return '';
  // Real numbers (negative ones too) are data, not formulas: written as they are.
  if (cell.type === 'number') return String(cell.value);
  if (cell.type === 'date') return isoDate(cell.value);
  const text = neutraliseFormula(cell.value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Byte order mark: tells Excel the file is UTF-8, so Indonesian text reads correctly. */
export const UTF8_BOM = '\uFEFF';

/**
 * CSV text (RFC 4180: CRLF after every record, fields with quotes, delimiters or line
 * breaks quoted, quotes doubled), prefixed with a UTF-8 BOM. Text cells starting with
 * = + - @ tab or CR get a leading apostrophe (formula injection); numbers never do.
 * Numbers always use '.' decimals, also with the ';' delimiter that Excel in an
 * Indonesian locale expects; a field containing ',' or ';' is quoted either way.
 * Save it with MIME type `text/csv;charset=utf-8`.
 */
export function toCsv(
  columns: readonly ExportColumn[],
  rows: readonly Record<string, unknown>[],
  opts: { delimiter?: ',' | ';'; about?: ExportAbout } = {},
): string {
  return toCsvSheets([{ name: '', columns, rows }], opts);
}

/**
 * Several tables in one CSV file: the `about` block (label, value per record) and an empty record, then
 * the first table; every further table after an empty record, under a record holding its name.
 */
export function toCsvSheets(
  sheets: readonly ExportSheet[],
  opts: { delimiter?: ',' | ';'; about?: ExportAbout } = {},
): string {
  const delimiter = opts.delimiter ?? ',';
  const text = (value: string) => csvField({ type: 'text', value });
  const lines = (opts.about ?? []).map(([label, value]) => `${text(label)}${delimiter}${text(value)}`);
  if (lines.length > 0) lines.push('');
  sheets.forEach(({ name, columns, rows }, i) => {
    if (i > 0) lines.push('', text(name));
    lines.push(columns.map((c) => text(c.header)).join(delimiter));
    for (const row of rows)
      lines.push(columns.map((c) => csvField(toCell(row[c.key], c.kind, c.decimals))).join(delimiter));
  });
  return `${UTF8_BOM}${lines.join('\r\n')}\r\n`;
}

/** Excel's limit, header row included. */
export const XLSX_MAX_ROWS = 1_048_576;

/** Characters Excel forbids in sheet names, and its length limit. */
const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/g;
const SHEET_NAME_MAX = 31;

/** A sheet name Excel accepts: forbidden characters become '_', at most 31 characters. */
export function safeSheetName(name: string): string {
  const cleaned = Array.from(
    name
      .replace(SHEET_NAME_FORBIDDEN, '_')
      .trim()
      .replace(/^'+|'+$/g, ''),
  )
    .slice(0, SHEET_NAME_MAX)
    .join('');
  return cleaned === '' || cleaned.toLowerCase() === 'history' ? 'Sheet1' : cleaned;
}

const MIN_WIDTH = 8;
const MAX_WIDTH = 60;

const displayLength = (cell: Cell): number =>
  cell.type === 'empty'
    ? 0
    : cell.type === 'date'
      ? 10
      : Math.max(
          0,
          ...String(cell.value)
            .split('\n')
            .map((line) => line.length),
        );

/**
 * XLSX workbook with one sheet: header row bold and frozen, column widths from the content
 * (8–60 characters), numbers as numbers, dates as dates (format yyyy-mm-dd), text as text.
 *
 * Formula injection: exceljs writes a formula only for a cell value object `{ formula }`;
 * every value here is a string, number or Date, and strings are stored as shared strings
 * (`t="s"`), which Excel and LibreOffice show literally and never evaluate — so no
 * apostrophe is added (it would alter the data). Text cells also get the Text number
 * format ('@'), so a text like `=cmd` stays text even when a user edits the cell.
 *
 * exceljs (≈ 1 MB) is loaded on first use, in its own chunk: in the browser Vite resolves
 * the package's `browser` field (`exceljs/dist/exceljs.min.js`), in Node its `main`.
 */
export async function toXlsx(
  sheetName: string,
  columns: readonly ExportColumn[],
  rows: readonly Record<string, unknown>[],
  about: ExportAbout = [],
): Promise<Uint8Array> {
  return toXlsxSheets([{ name: sheetName, columns, rows }], about);
}

/** One sheet of a workbook. */
export interface ExportSheet {
  name: string;
  columns: readonly ExportColumn[];
  rows: readonly Record<string, unknown>[];
}

/**
 * A workbook of several sheets (e.g. the action list and the households it could not place), each with
 * the `about` block above its table and the view frozen below the table's header.
 */
export async function toXlsxSheets(
  sheets: readonly ExportSheet[],
  about: ExportAbout = [],
): Promise<Uint8Array> {
  // Rows above the data: the about block and its empty row (when there is one), and the header.
  const above = about.length > 0 ? about.length + 2 : 1;
  for (const { rows } of sheets) {
    if (rows.length + above > XLSX_MAX_ROWS) {
      throw new RangeError(
        `XLSX holds at most ${XLSX_MAX_ROWS - above} data rows here, got ${rows.length}: export CSV`,
      );
    }
  }
  const mod = await import('exceljs');
  // CommonJS/UMD module: depending on the loader the API is the namespace or its default.
  const ExcelJS = (mod as unknown as { default?: typeof mod }).default ?? mod;

  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date();
  // Excel compares sheet names ignoring case: a repeated one gets " (2)", " (3)", … within its 31 characters.
  const taken = new Set<string>();
  for (const { name, columns, rows } of sheets) {
    let unique = safeSheetName(name);
    for (let k = 2; taken.has(unique.toLowerCase()); k++) {
      const suffix = ` (${k})`;
      unique = safeSheetName(
        `${Array.from(safeSheetName(name))
          .slice(0, SHEET_NAME_MAX - suffix.length)
          .join('')}${suffix}`,
      );
    }
    taken.add(unique.toLowerCase());
    addSheet(workbook, unique, columns, rows, about);
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}

type Workbook = InstanceType<typeof import('exceljs').Workbook>;

function addSheet(
  workbook: Workbook,
  sheetName: string,
  columns: readonly ExportColumn[],
  rows: readonly Record<string, unknown>[],
  about: ExportAbout,
): void {
  const headerRow = about.length > 0 ? about.length + 2 : 1;
  const sheet = workbook.addWorksheet(safeSheetName(sheetName), {
    views: [{ state: 'frozen', xSplit: 0, ySplit: headerRow }],
  });
  for (const [label, value] of about) {
    const added = sheet.addRow([label, value]);
    added.getCell(1).font = { bold: true };
    added.getCell(2).numFmt = '@';
  }
  if (about.length > 0) sheet.addRow([]);

  const widths = columns.map((c) => Math.max(MIN_WIDTH, c.header.length));
  sheet.addRow(columns.map((c) => c.header));
  sheet.getRow(headerRow).font = { bold: true };

  for (const row of rows) {
    const cells = columns.map((c, i) => {
      const cell = toCell(row[c.key], c.kind, c.decimals);
      widths[i] = Math.max(widths[i] ?? MIN_WIDTH, displayLength(cell));
      return cell;
    });
    const added = sheet.addRow(
      cells.map((cell) => {
        switch (cell.type) {
          case 'empty':
            return null;
          case 'number':
            // Excel numbers are doubles: a bigint beyond 2^53 is kept exactly, as text.
            if (typeof cell.value === 'number') return cell.value;
            return Number.isSafeInteger(Number(cell.value)) ? Number(cell.value) : String(cell.value);
          default:
            return cell.value;
        }
      }),
    );
    cells.forEach((cell, i) => {
      if (cell.type === 'text') added.getCell(i + 1).numFmt = '@';
      else if (cell.type === 'date') added.getCell(i + 1).numFmt = 'yyyy-mm-dd';
    });
  }

  widths.forEach((width, i) => {
    sheet.getColumn(i + 1).width = Math.min(MAX_WIDTH, width + 2);
  });
}
