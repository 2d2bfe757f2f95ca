import { describe, expect, it } from 'vitest';
import {
  filterSortRows,
  matchesFilter,
  matchesNumber,
  parseNumberFilter,
  parseTextFilter,
} from '../../../src/features/planner/planner-table';

describe('parseNumberFilter', () => {
  it.each([
    ['', null],
    ['  ', null],
    ['> 10', { op: '>', value: 10 }],
    ['<5', { op: '<', value: 5 }],
    ['>= 2,5', { op: '>=', value: 2.5 }],
    ['<= -1', { op: '<=', value: -1 }],
    ['= 0', { op: '=', value: 0 }],
    ['7', { op: '=', value: 7 }],
    ['10..20', { op: 'between', min: 10, max: 20 }],
    ['20 - 10', { op: 'between', min: 10, max: 20 }],
    ['1,5 – 3', { op: 'between', min: 1.5, max: 3 }],
    ['5 sampai 9', { op: 'between', min: 5, max: 9 }],
    ['abc', undefined],
    ['>> 3', undefined],
  ])('%j', (text, expected) => {
    expect(parseNumberFilter(text)).toEqual(expected);
  });
});

describe('matchesNumber', () => {
  it.each([
    [10, '> 10', false],
    [10, '>= 10', true],
    [10, '< 10', false],
    [10, '<= 10', true],
    [10, '10..20', true],
    [20, '10..20', true],
    [20.01, '10..20', false],
    [null, '>= 0', false],
  ])('%s %s → %s', (value, text, expected) => {
    const f = parseNumberFilter(text);
    if (!f) throw new Error('unparsed');
    expect(matchesNumber(value, f)).toBe(expected);
  });
});

describe('filterSortRows', () => {
  const rows = [
    { name: 'Beta', rate: 12 },
    { name: 'alpha', rate: null },
    { name: 'Gamma', rate: 40 },
    { name: 'Delta', rate: 12 },
  ];
  it('sorts numbers both ways with nulls last and ties in input order', () => {
    expect(filterSortRows(rows, {}, 'rate', 'desc').map((r) => r.name)).toEqual([
      'Gamma',
      'Beta',
      'Delta',
      'alpha',
    ]);
    expect(filterSortRows(rows, {}, 'rate', 'asc').map((r) => r.name)).toEqual([
      'Beta',
      'Delta',
      'Gamma',
      'alpha',
    ]);
  });
  it('sorts text by locale, case-insensitively', () => {
    expect(filterSortRows(rows, {}, 'name', 'asc').map((r) => r.name)).toEqual([
      'alpha',
      'Beta',
      'Delta',
      'Gamma',
    ]);
  });
  it('applies every column filter; no data never passes', () => {
    expect(filterSortRows(rows, { rate: parseNumberFilter('>= 12') }, 'name', 'asc')).toHaveLength(3);
    expect(filterSortRows(rows, { rate: parseNumberFilter('13..50') }, 'name', 'asc')).toEqual([
      { name: 'Gamma', rate: 40 },
    ]);
    expect(filterSortRows(rows, { rate: undefined }, 'name', 'asc')).toHaveLength(4);
  });
});

describe('text filters on name columns', () => {
  const places = [
    { name: 'Tanjung Besar', district: 'Kedurang' },
    { name: 'Pasar Baru', district: 'Kota Manna' },
    { name: 'Padang Kedondong', district: 'Manna' },
    { name: 'Café Désa', district: 'Seginim' },
  ];
  it('matches part of a name, ignoring case and accents; empty is no filter', () => {
    expect(parseTextFilter('  ')).toBeNull();
    expect(parseTextFilter(' MANNA ')).toEqual({ op: 'contains', text: 'manna' });
    const by = (column: 'name' | 'district', text: string) =>
      filterSortRows(places, { [column]: parseTextFilter(text) }, 'name', 'asc').map((p) => p.name);
    expect(by('district', 'manna')).toEqual(['Padang Kedondong', 'Pasar Baru']);
    expect(by('name', 'desa')).toEqual(['Café Désa']);
    expect(by('name', 'ng')).toEqual(['Padang Kedondong', 'Tanjung Besar']);
    expect(by('name', 'x')).toEqual([]);
  });
  it('text and number filters together; a number column never matches text', () => {
    expect(matchesFilter(12, { op: 'contains', text: '12' })).toBe(false);
    expect(matchesFilter(null, { op: 'contains', text: 'a' })).toBe(false);
    expect(matchesFilter('12', { op: '>', value: 1 })).toBe(false);
  });
});
