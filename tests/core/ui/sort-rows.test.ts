import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareCells, type SortDirection, sortByKey } from '../../../src/core/ui/sort-rows';

const MISSING = [null, undefined, Number.NaN] as const;
const isMissing = (v: unknown) => v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v));

describe('compareCells', () => {
  it.each(['asc', 'desc'] as const)('puts every missing value after any value (%s)', (direction) => {
    for (const m of MISSING) {
      for (const v of [0, -1, 1e9, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY, '', 'a', 'zz']) {
        expect(compareCells(m, v, direction)).toBeGreaterThan(0);
        expect(compareCells(v, m, direction)).toBeLessThan(0);
      }
    }
  });

  it.each(['asc', 'desc'] as const)('ties missing values with each other (%s)', (direction) => {
    for (const a of MISSING) for (const b of MISSING) expect(compareCells(a, b, direction) === 0).toBe(true);
  });

  it('compares numbers by value, not as text', () => {
    expect(compareCells(9, 10, 'asc')).toBeLessThan(0); // '9' > '10' as text
    expect(compareCells(10, 9, 'asc')).toBeGreaterThan(0);
    expect(compareCells(9, 10, 'desc')).toBeGreaterThan(0);
    expect(compareCells(-2, 1, 'asc')).toBeLessThan(0);
    expect(compareCells(0.5, 0.25, 'asc')).toBeGreaterThan(0);
    expect(compareCells(3, 3, 'asc') === 0).toBe(true);
    expect(compareCells(3, 3, 'desc') === 0).toBe(true); // may be −0: a tie all the same
    expect(compareCells(Number.NEGATIVE_INFINITY, 0, 'asc')).toBeLessThan(0);
  });

  it('compares text in the Indonesian locale (case and accents next to their letter)', () => {
    // Code-point order would put 'B' before 'a' and 'á' after 'z'.
    expect(compareCells('a', 'B', 'asc')).toBeLessThan(0);
    expect(compareCells('B', 'a', 'asc')).toBeGreaterThan(0);
    expect(compareCells('á', 'z', 'asc')).toBeLessThan(0);
    expect(compareCells('a', 'B', 'desc')).toBeGreaterThan(0);
    expect(compareCells('Manna', 'Manna', 'desc') === 0).toBe(true); // may be −0: still a tie
  });

  // Infinity − Infinity is NaN: equal infinities must still read as a tie.
  it('ties two equal infinities with 0', () => {
    expect(compareCells(Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, 'asc') === 0).toBe(true);
  });

  it('sortByKey still keeps equal infinities in input order', () => {
    const data = [Number.POSITIVE_INFINITY, 1, Number.POSITIVE_INFINITY].map((v, id) => ({ id, v }));
    expect(sortByKey(data, 'v', 'asc').map((r) => r.id)).toEqual([1, 0, 2]);
    expect(sortByKey(data, 'v', 'desc').map((r) => r.id)).toEqual([0, 2, 1]);
  });

  it('text with digits is compared as text (a code, not a number)', () => {
    expect(compareCells('10', '9', 'asc')).toBeLessThan(0);
  });
});

interface Row {
  id: number;
  v: number | string | null | undefined;
  w?: number;
}

describe('sortByKey', () => {
  const rows: Row[] = [
    { id: 0, v: 3 },
    { id: 1, v: null },
    { id: 2, v: 10 },
    { id: 3, v: Number.NaN },
    { id: 4, v: 3 },
    { id: 5, v: undefined },
    { id: 6, v: -1 },
  ];

  it('sorts numbers ascending, missing last, ties in input order', () => {
    expect(sortByKey(rows, 'v', 'asc').map((r) => r.id)).toEqual([6, 0, 4, 2, 1, 3, 5]);
  });

  it('sorts numbers descending, missing still last, ties still in input order', () => {
    expect(sortByKey(rows, 'v', 'desc').map((r) => r.id)).toEqual([2, 0, 4, 6, 1, 3, 5]);
  });

  it('returns a copy and leaves the input alone', () => {
    const before = rows.map((r) => r.id);
    const out = sortByKey(rows, 'v', 'desc');
    expect(out).not.toBe(rows);
    expect(rows.map((r) => r.id)).toEqual(before);
  });

  it('breaks ties with the tie function before input order, missing values too', () => {
    const data: Row[] = [
      { id: 0, v: 1, w: 1 },
      { id: 1, v: null, w: 1 },
      { id: 2, v: 1, w: 5 },
      { id: 3, v: null, w: 9 },
      { id: 4, v: 1, w: 5 },
      { id: 5, v: 0, w: 0 },
    ];
    const byWDesc = (a: Row, b: Row) => (b.w ?? 0) - (a.w ?? 0);
    expect(sortByKey(data, 'v', 'asc', byWDesc).map((r) => r.id)).toEqual([5, 2, 4, 0, 3, 1]);
    // The tie order does not flip with the direction.
    expect(sortByKey(data, 'v', 'desc', byWDesc).map((r) => r.id)).toEqual([2, 4, 0, 5, 3, 1]);
  });

  it('sorts text by the Indonesian locale', () => {
    const data = ['b', 'A', 'a', 'Á', 'B', null, 'c'].map((v, id) => ({ id, v }));
    expect(sortByKey(data, 'v', 'asc').map((r) => r.v)).toEqual(['a', 'A', 'Á', 'b', 'B', 'c', null]);
    expect(sortByKey(data, 'v', 'desc').map((r) => r.v)).toEqual(['c', 'B', 'b', 'Á', 'A', 'a', null]);
  });

  it('handles empty and single-row input', () => {
    expect(sortByKey([] as Row[], 'v', 'asc')).toEqual([]);
    expect(sortByKey([{ id: 0, v: null }], 'v', 'desc')).toEqual([{ id: 0, v: null }]);
  });

  describe('properties', () => {
    const numCell = fc.oneof(
      { weight: 5, arbitrary: fc.integer({ min: -20, max: 20 }) },
      { weight: 2, arbitrary: fc.double({ noNaN: true }) },
      { weight: 1, arbitrary: fc.constantFrom(null, undefined, Number.NaN) },
    );
    const textCell = fc.oneof(
      {
        weight: 5,
        arbitrary: fc.string({ maxLength: 4, unit: fc.constantFrom('a', 'B', 'c', 'á', ' ', '1') }),
      },
      { weight: 1, arbitrary: fc.constantFrom(null, undefined) },
    );
    const direction = fc.constantFrom<SortDirection>('asc', 'desc');

    const check = (values: readonly unknown[], dir: SortDirection) => {
      const data = values.map((v, id) => ({ id, v }));
      const out = sortByKey(data, 'v', dir);
      // A permutation of the input.
      expect(out.map((r) => r.id).sort((a, b) => a - b)).toEqual(data.map((r) => r.id));
      const present = out.filter((r) => !isMissing(r.v));
      // Missing values all at the end.
      expect(out.slice(0, present.length).every((r) => !isMissing(r.v))).toBe(true);
      expect(out.slice(present.length).every((r) => isMissing(r.v))).toBe(true);
      // Non-missing part ordered; equal keys in input order; missing part in input order.
      for (let i = 1; i < present.length; i++) {
        const c = compareCells(present[i - 1]?.v, present[i]?.v, dir);
        expect(c > 0).toBe(false);
        if (!(c < 0))
          expect((present[i - 1] as { id: number }).id).toBeLessThan((present[i] as { id: number }).id);
      }
      const missingIds = out.slice(present.length).map((r) => r.id);
      expect(missingIds).toEqual([...missingIds].sort((a, b) => a - b));
    };

    it('numbers: permutation, ordered, stable, missing last', () => {
      fc.assert(
        fc.property(fc.array(numCell, { maxLength: 40 }), direction, (values, dir) => check(values, dir)),
      );
    });

    it('text: permutation, ordered, stable, missing last', () => {
      fc.assert(
        fc.property(fc.array(textCell, { maxLength: 40 }), direction, (values, dir) => check(values, dir)),
      );
    });

    it('numeric descending is ascending reversed on the non-missing part (up to ties)', () => {
      fc.assert(
        fc.property(fc.array(numCell, { maxLength: 40 }), (values) => {
          const data = values.map((v, id) => ({ id, v }));
          const asc = sortByKey(data, 'v', 'asc')
            .filter((r) => !isMissing(r.v))
            .map((r) => r.v);
          const desc = sortByKey(data, 'v', 'desc')
            .filter((r) => !isMissing(r.v))
            .map((r) => r.v);
          const noSignedZero = (v: unknown) => (v === 0 ? 0 : v);
          expect(desc.map(noSignedZero)).toEqual([...asc].reverse().map(noSignedZero));
        }),
      );
    });
  });
});
