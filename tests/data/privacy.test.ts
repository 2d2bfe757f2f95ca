import { describe, expect, it } from 'vitest';
import {
  ALL_PERSONAL_COLUMNS,
  MASK_CHAR,
  maskIdentifier,
  maskName,
  maskRows,
  maskValue,
  PERSONAL_COLUMNS,
} from '../../src/data/privacy';
import { TABLES } from '../../src/data/schema';

describe('maskIdentifier', () => {
  it.each([
    ['1701011110776526', '************6526'], // NIK, 16 digits
    ['1701010101010001', '************0001'], // KK number, 16 digits
    ['P1701012001000001', '*************0001'], // P3KE household id, 17 chars
    ['199510212023061830', '**************1830'], // NIP, 18 digits
    ['1234567890', '******7890'], // 10 chars: the long rule starts here
    ['123456789', '*******89'], // 9 chars: short rule
    ['AG00001', '*****01'],
    ['123456', '****56'],
    ['12345', '*****'], // too short to keep anything
    ['AG1', '***'],
    ['7', '*'],
    ['', ''],
    ['   ', ''],
    [' 1701011110776526 ', '************6526'], // trimmed first
  ])('%j → %j', (value, expected) => {
    expect(maskIdentifier(value)).toBe(expected);
  });

  it.each([null, undefined])('%s → empty', (value) => {
    expect(maskIdentifier(value)).toBe('');
  });

  it.each(['1701011110776526', 'P1701012001000001', 'AG00001', '12345', ''])(
    'keeps the length of %j, is idempotent and hides most of it',
    (value) => {
      const masked = maskIdentifier(value);
      expect(masked).toHaveLength(value.length);
      expect(maskIdentifier(masked)).toBe(masked);
      const hidden = [...masked].filter((c) => c === MASK_CHAR).length;
      expect(hidden).toBeGreaterThanOrEqual(value.length / 2);
    },
  );
});

describe('maskName', () => {
  it.each([
    ['Lukman Syahputra', 'L. S.'],
    ['Sukarno', 'S.'],
    ['  Arman   Sulaiman ', 'A. S.'],
    ['Muhammad Rizki Al Fajri', 'M. R. A. F.'],
    ['siti aminah', 'S. A.'],
    ['Sudirman Hakim, S.Pd.', 'S. H. S.'],
    ["Nur'aini Putri", 'N. P.'],
    ['H. Ahmad', 'H. A.'],
    ['Ahmad 2', 'A.'], // words without letters are dropped
    ['Émile Ölçer', 'É. Ö.'],
    ['', ''],
    [null, ''],
    [undefined, ''],
  ])('%j → %j', (name, expected) => {
    expect(maskName(name)).toBe(expected);
  });
});

describe('PERSONAL_COLUMNS', () => {
  it.each([
    ['villages', []],
    [
      'households',
      [
        ['household_id', 'identifier'],
        ['head_name', 'name'],
        ['head_nik', 'identifier'],
      ],
    ],
    [
      'agents',
      [
        ['agent_name', 'name'],
        ['nip', 'identifier'],
      ],
    ],
    ['cases', [['household_id', 'identifier']]],
  ] as const)('%s', (table, expected) => {
    expect([...PERSONAL_COLUMNS[table]]).toEqual(expected);
  });

  it('covers every column the schema marks personal', () => {
    for (const [table, specs] of Object.entries(TABLES)) {
      for (const spec of specs.filter((s) => s.personal)) {
        expect(PERSONAL_COLUMNS[table as keyof typeof TABLES].has(spec.name), `${table}.${spec.name}`).toBe(
          true,
        );
      }
    }
  });

  it('ALL_PERSONAL_COLUMNS is the union by column name', () => {
    expect([...ALL_PERSONAL_COLUMNS.keys()].sort()).toEqual([
      'agent_name',
      'head_name',
      'head_nik',
      'household_id',
      'nip',
    ]);
  });
});

describe('maskValue', () => {
  it.each([
    ['identifier', '1701011110776526', '************6526'],
    ['identifier', 1701011110776526, '************6526'], // a number read from a CSV
    ['name', 'Lukman Syahputra', 'L. S.'],
    ['identifier', null, null],
    ['name', undefined, undefined],
  ] as const)('%s %j → %j', (kind, value, expected) => {
    expect(maskValue(kind, value)).toBe(expected);
  });
});

describe('maskRows', () => {
  const rows = [
    {
      household_id: 'P1701012001000001',
      village_code: '17.01.01.2001',
      head_name: 'Lukman Syahputra',
      head_nik: '1701011110776526',
      members: 2,
    },
    { household_id: 'P1701012001000002', village_code: '17.01.01.2001', head_name: null, members: 3 },
  ];

  it('masks personal columns, keeps the others and does not touch the input', () => {
    const before = structuredClone(rows);
    expect(maskRows(rows)).toEqual([
      {
        household_id: '*************0001',
        village_code: '17.01.01.2001',
        head_name: 'L. S.',
        head_nik: '************6526',
        members: 2,
      },
      { household_id: '*************0002', village_code: '17.01.01.2001', head_name: null, members: 3 },
    ]);
    expect(rows).toEqual(before);
    expect(maskRows(rows)[1]).not.toHaveProperty('head_nik'); // absent columns are not added
  });

  it('uses the given column map', () => {
    expect(maskRows(rows, PERSONAL_COLUMNS.villages)).toEqual(rows);
  });
});
