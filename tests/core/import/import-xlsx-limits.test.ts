/** XLSX expansion bounds (issue 11.12): declared sizes first, then the real expansion while inflating. */
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { FatalError } from '../../../src/core/import/read-context';
import { checkXlsxExpansion, XLSX_LIMITS } from '../../../src/core/import/xlsx-limits';

const MB = 1024 * 1024;
const small = { ...XLSX_LIMITS, expandedBytes: MB, rows: 50, cells: 120, sharedStrings: 10 };

const zip = (files: Record<string, string>): Uint8Array =>
  zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])), { level: 9 });

const fatalOf = (fn: () => unknown): FatalError => {
  try {
    fn();
  } catch (err) {
    if (err instanceof FatalError) return err;
    throw err;
  }
  throw new Error('no fatal error');
};

describe('XLSX expansion limits', () => {
  it('counts rows, cells (also with a namespace prefix) and shared strings of a workbook within limits', () => {
    const sheet = `<x:worksheet><x:sheetData>${'<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c><x:c/></x:row>'.repeat(40)}</x:sheetData></x:worksheet>`;
    const seen = checkXlsxExpansion(
      zip({ 'xl/worksheets/sheet1.xml': sheet, 'xl/sharedStrings.xml': '<sst><si><t>a</t></si><si/></sst>' }),
      small,
    );
    expect(seen).toMatchObject({ rows: 40, cells: 80, sharedStrings: 2 });
  });

  it('refuses by the declared sizes before inflating', () => {
    const err = fatalOf(() =>
      checkXlsxExpansion(zip({ 'xl/worksheets/sheet1.xml': ' '.repeat(2 * MB) }), small),
    );
    expect(err.fatal.code).toBe('too_complex');
    expect(err.fatal.detail).toMatch(/expands to 2 MB of sheet data; at most 1 MB/);
  });

  it('refuses a part that expands beyond its declared size, while inflating', () => {
    const bytes = zip({ 'xl/worksheets/sheet1.xml': ' '.repeat(2 * MB) });
    const view = new DataView(bytes.buffer);
    for (let i = 0; i + 4 <= bytes.length; i++) {
      const sig = view.getUint32(i, true);
      if (sig === 0x04034b50) view.setUint32(i + 22, 1024, true);
      if (sig === 0x02014b50) view.setUint32(i + 24, 1024, true);
    }
    const err = fatalOf(() => checkXlsxExpansion(bytes, small));
    expect(err.fatal.detail).toMatch(/expand beyond their declared sizes/);
  });

  it('refuses too many rows, cells or shared strings, naming the limit', () => {
    const rows = (n: number, cells: number) =>
      `<worksheet><sheetData>${`<row>${'<c/>'.repeat(cells)}</row>`.repeat(n)}</sheetData></worksheet>`;
    expect(
      fatalOf(() => checkXlsxExpansion(zip({ 'xl/worksheets/sheet1.xml': rows(51, 1) }), small)).fatal.detail,
    ).toMatch(/more than 50 rows/);
    expect(
      fatalOf(() => checkXlsxExpansion(zip({ 'xl/worksheets/sheet1.xml': rows(10, 13) }), small)).fatal
        .detail,
    ).toMatch(/more than 120 cells/);
    const sst = `<sst>${'<si><t>x</t></si>'.repeat(11)}</sst>`;
    expect(
      fatalOf(() => checkXlsxExpansion(zip({ 'xl/sharedStrings.xml': sst }), small)).fatal.detail,
    ).toMatch(/more than 10 shared strings/);
  });

  it('refuses a file that is not a zip, or a cut-off one, as unreadable', () => {
    expect(fatalOf(() => checkXlsxExpansion(strToU8('PK\u0003\u0004 not really'))).fatal.code).toBe(
      'unreadable',
    );
    const whole = zip({ 'xl/worksheets/sheet1.xml': '<worksheet/>'.repeat(1000) });
    const cut = new Uint8Array([...whole.subarray(0, 60), ...whole.subarray(whole.length - 200)]);
    expect(fatalOf(() => checkXlsxExpansion(cut)).fatal.code).toBe('unreadable');
  });
});
