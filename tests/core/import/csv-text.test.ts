import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvLine } from '../../../scripts/demo/csv';
import { readCsvRecords, readCsvRows, readTrimmedRows } from '../../../src/core/import/csv-text';

describe('the one CSV reader', () => {
  // Line breaks inside quotes are read too (below), but a line inside a quoted value that looks like a record
  // of its own ends the value: the import's guard against an unclosed quote swallowing the file.
  it('reads back whatever the CSV writer wrote (quotes, commas, spaces, semicolons in fields)', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', ' ', 'é', ';') });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.array(field), { maxLength: 8 }),
        (width, raw) => {
          const header = Array.from({ length: width }, (_, i) => `c${i}`);
          const rows = raw
            .map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''))
            // A record whose fields hold no text at all is blank (skipped by design).
            .filter((r) => r.some((f) => f.trim() !== ''));
          const text = `${[header, ...rows].map((r) => csvLine(r)).join('\n')}\n`;
          const read = readCsvRows(text, ',');
          expect(read.problems).toEqual([]);
          expect(read.rows).toEqual([header, ...rows]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('an unclosed quote costs its own line, named, never the rest of the file', () => {
    const text = 'id;nama\n1;"Ani\n2;"Budi"\n3;Citra\n';
    const { rows, problems } = readCsvRows(text);
    expect(rows).toEqual([
      ['id', 'nama'],
      ['2', 'Budi'],
      ['3', 'Citra'],
    ]);
    expect(problems).toMatchObject([{ line: 2, problem: 'unclosed_quote' }]);
    expect(() => readCsvRecords('id,nama\n1,"Ani\n2,Budi\n')).toThrow(/line 2: unclosed_quote/);
  });

  it('drops a BOM, detects ; and takes CR, LF and CRLF line ends; trimmed rows leave out empty ones', () => {
    expect(readCsvRows('\uFEFFa;b\r1;2\r\n3;4\n').rows).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(readTrimmedRows(' a , b \n\n , \n 1 ,2\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(readCsvRecords('x,y\n1,2\n')).toEqual([{ x: '1', y: '2' }]);
    expect(readCsvRecords('nama,alamat\nAni,"Jl. Merdeka 1\nRT 02"\n')).toEqual([
      { nama: 'Ani', alamat: 'Jl. Merdeka 1\nRT 02' },
    ]);
  });
});
