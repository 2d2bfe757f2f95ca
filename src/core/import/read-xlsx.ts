/**
 * XLSX → staging rows, with exceljs (loaded on first use, like table-export.ts). The first worksheet that has any
 * cell is read; its header is the row among the first non-empty ones that names the most known columns (rows
 * above it — titles, dates — are skipped). Row numbers are the sheet's own row numbers.
 * The workbook's expansion is bounded first (xlsx-limits.ts).
 * Cell values become text: numbers in JS notation ('.' decimals), dates as ISO `YYYY-MM-DD` (with the time when it
 * is not midnight), booleans as true/false, formulas as their cached result, rich text and hyperlinks as their text.
 */
import { fail, headerIndex, type ReadContext, uniqueHeaders } from './read-context';
import { MAX_COLUMNS } from './types';
import { checkXlsxExpansion } from './xlsx-limits';

/** A date cell as ISO text (exceljs gives the sheet's date as a UTC instant). */
export function isoFromDate(date: Date): string | null {
  if (Number.isNaN(date.getTime())) return null;
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** The text of one exceljs cell value (null when empty). */
export function cellText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return isoFromDate(value);
  if (isRecord(value)) {
    if (Array.isArray(value.richText)) {
      return value.richText.map((part) => (isRecord(part) ? String(part.text ?? '') : '')).join('');
    }
    if ('result' in value) return cellText(value.result);
    if ('formula' in value || 'sharedFormula' in value) return null;
    if ('text' in value) return cellText(value.text);
    if ('error' in value) return String(value.error);
  }
  return String(value);
}

export async function readXlsx(bytes: Uint8Array, ctx: ReadContext): Promise<{ sheet: string }> {
  // Refuses a workbook that would expand beyond what exceljs can hold, before it builds anything.
  checkXlsxExpansion(bytes);
  ctx.progress(0.1);
  ctx.checkAbort();
  const mod = await import('exceljs');
  // CommonJS/UMD module: depending on the loader the API is the namespace or its default.
  const ExcelJS = (mod as unknown as { default?: typeof mod }).default ?? mod;
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types ask for a Node Buffer; it reads any ArrayBuffer view (JSZip underneath).
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (err) {
    fail('unreadable', `not a readable XLSX workbook: ${err instanceof Error ? err.message : String(err)}`);
  }
  ctx.progress(0.5);
  ctx.checkAbort();
  const sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet) fail('no_header', 'the workbook has no worksheet with data');
  const rows: { number: number; cells: (string | null)[] }[] = [];
  sheet?.eachRow((row, rowNumber) => {
    // row.values is 1-based (index 0 unused).
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    rows.push({ number: rowNumber, cells: Array.from(values, (v) => cellText(v)) });
  });
  const nonEmpty = rows.filter((r) => r.cells.some((c) => c !== null && c.trim() !== ''));
  const header =
    nonEmpty[
      headerIndex(
        nonEmpty.map((r) => r.cells),
        (cells) => ctx.recognised(cells),
      )
    ];
  if (!header) return fail('no_header', 'the worksheet has no header row');
  rows.splice(0, rows.indexOf(header) + 1);
  // The header's width is its last non-empty cell.
  let width = header.cells.length;
  while (width > 0 && (header.cells[width - 1] ?? '').trim() === '') width--;
  if (width === 0) fail('no_header', 'the header row is empty');
  if (width > MAX_COLUMNS) fail('too_many_columns', `${width} columns (at most ${MAX_COLUMNS})`);
  await ctx.begin(uniqueHeaders(header.cells.slice(0, width).map((c) => c ?? '')), header.number);
  let done = 0;
  for (const { number, cells } of rows) {
    if (cells.every((c) => c === null || c.trim() === '')) continue;
    let last = cells.length;
    while (last > width && (cells[last - 1] ?? '').trim() === '') last--;
    if (last > width) {
      ctx.reject({ row: number, column: null, code: 'wrong_field_count', value: `${last}/${width}` });
      continue;
    }
    await ctx.row(number, cells.slice(0, width));
    if (++done % 10_000 === 0) {
      ctx.checkAbort();
      ctx.progress(0.5 + (0.5 * done) / rows.length);
    }
  }
  ctx.progress(1);
  return { sheet: sheet?.name ?? '' };
}
