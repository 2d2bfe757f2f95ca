import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ExportColumn, toCsv } from '../../../src/core/export/table-export';

const cells = (csv: string) =>
  csv
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
    .slice(1);

describe('numbers rounded as the screen writes them', () => {
  const columns: ExportColumn[] = [
    { key: 'rate', header: 'Per 100 KK', kind: 'number', decimals: 1 },
    { key: 'households', header: 'Keluarga', kind: 'number', decimals: 0 },
    { key: 'raw', header: 'Mentah', kind: 'number' },
  ];

  it('rounds to the column decimals and leaves other columns as they are', () => {
    const csv = toCsv(columns, [
      { rate: 12.3456, households: 41, raw: 1.23456 },
      { rate: '7.25', households: 2.6, raw: null },
      { rate: -0.04, households: 0, raw: 3 },
    ]);
    expect(cells(csv)).toEqual(['12.3,41,1.23456', '7.3,3,', '0,0,3']);
  });

  it('never writes more decimals than asked, and stays within half a step of the value', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e9, max: 1e9, noNaN: true }),
        fc.integer({ min: 0, max: 3 }),
        (value, decimals) => {
          const [line] = cells(toCsv([{ key: 'v', header: 'v', kind: 'number', decimals }], [{ v: value }]));
          const written = line as string;
          expect((written.split('.')[1] ?? '').length).toBeLessThanOrEqual(decimals);
          expect(Math.abs(Number(written) - value)).toBeLessThanOrEqual(0.5 * 10 ** -decimals + 1e-6);
        },
      ),
    );
  });
});
