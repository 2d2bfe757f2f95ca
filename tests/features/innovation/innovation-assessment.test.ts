import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../src/core/export/table-export';
import { readTrimmedRows as parseCsv } from '../../../src/core/import/csv-text';
import {
  ASSESSMENT_COLUMNS,
  assessmentToRows,
  recordsToAssessments,
} from '../../../src/features/innovation/data/innovation-assessment';
import { computeIndex, type Rubric } from '../../../src/features/innovation/data/innovation-index';

const rubrics = new Map<number, Rubric>(
  [2023, 2026].map((y) => [y, JSON.parse(readFileSync(`data/iid/${y}.json`, 'utf8')) as Rubric]),
);
const example = readFileSync('data/iid/example-assessment.csv', 'utf8');
const HEADER = ASSESSMENT_COLUMNS.join(',');

describe('parseCsv', () => {
  it('reads quotes, doubled quotes, CRLF, a BOM and the ; delimiter', () => {
    expect(parseCsv('\uFEFFa,b\r\n"x, ""y""",2\r\n')).toEqual([
      ['a', 'b'],
      ['x, "y"', '2'],
    ]);
    expect(parseCsv('a;b\n1;"2;3"\n\n')).toEqual([
      ['a', 'b'],
      ['1', '2;3'],
    ]);
  });
});

describe('recordsToAssessments', () => {
  it('reads the shipped example: two years, the data-filled beneficiaries indicator', () => {
    const { assessments, issues } = recordsToAssessments(parseCsv(example), rubrics);
    expect(issues).toEqual([]);
    expect(assessments.map((a) => a.year)).toEqual([2023, 2026]);
    const a26 = assessments[1];
    expect(a26?.innovations[0]?.name).toMatch(/^Gancang Pikat/);
    expect(a26?.innovations[0]?.indicators['sid-33']?.level).toBe('data');
    expect(a26?.innovations.slice(1).every((i) => i.name.startsWith('Contoh'))).toBe(true);
  });

  it('round-trips through CSV export unchanged', () => {
    const { assessments } = recordsToAssessments(parseCsv(example), rubrics);
    const rows = assessments.flatMap((a) => assessmentToRows(rubrics.get(a.year) as Rubric, a));
    const csv = toCsv(
      ASSESSMENT_COLUMNS.map((c) => ({ key: c, header: c })),
      rows,
    );
    const again = recordsToAssessments(parseCsv(csv), rubrics);
    expect(again.assessments).toEqual(assessments);
    for (const a of assessments) {
      const r = rubrics.get(a.year) as Rubric;
      expect(computeIndex(r, again.assessments.find((x) => x.year === a.year) ?? a).iid).toBe(
        computeIndex(r, a).iid,
      );
    }
  });

  it('skips the block our exports open with, and counts rows as they stand in the file', () => {
    const { assessments } = recordsToAssessments(parseCsv(example), rubrics);
    const rows = assessments.flatMap((a) => assessmentToRows(rubrics.get(a.year) as Rubric, a));
    const columns = ASSESSMENT_COLUMNS.map((c) => ({ key: c, header: c }));
    const about = [
      ['Isi', 'Penilaian mandiri'],
      ['Nilai', 'CONTOH'],
      ['Diekspor', '1 Desember 2026'],
    ] as const;
    const csv = toCsv(columns, rows, { about });
    expect(recordsToAssessments(parseCsv(csv), rubrics).assessments).toEqual(assessments);
    // A bad level on the first data row: line 1–3 the block, 4 blank, 5 the header, 6 that row.
    const lines = csv.split('\r\n');
    expect(lines[4]?.split(',')[0]).toBe('tahun');
    lines[5] = (lines[5] ?? '').replace(/,(\d),(?=[^,]*$)/, ',9,');
    const bad = recordsToAssessments(parseCsv(lines.join('\r\n')), rubrics);
    expect(bad.issues.map((i) => [i.row, i.code])).toEqual([[6, 'level']]);
  });

  it('names the row and the problem of every bad line, and rejects the file', () => {
    const csv = [
      HEADER,
      '2026,,,,spd-01,3,Perbup 12/2024',
      '20x6,,,,spd-01,3,',
      '2025,,,,spd-01,3,',
      '2026,,,,spd-99,3,',
      '2026,INV-01,A,Sosial,spd-02a,3,',
      '2026,,,,sid-16,3,',
      '2026,INV-01,A,Sosial,sid-16,5,',
      '2026,INV-01,A,Sosial,sid-17,data,',
      '2026,,,,spd-01,2,',
    ].join('\n');
    const { assessments, issues } = recordsToAssessments(parseCsv(csv), rubrics);
    expect(assessments).toEqual([]);
    expect(issues.map((i) => [i.row, i.code])).toEqual([
      [3, 'year'],
      [4, 'noRubric'],
      [5, 'indicator'],
      [6, 'regionWithInnovation'],
      [7, 'innovationMissing'],
      [8, 'level'],
      [9, 'dataNotAllowed'],
      [10, 'duplicate'],
    ]);
    expect(issues[1]?.params).toEqual({ year: 2025, years: '2023, 2026' });
  });

  it('reports missing columns and an empty file', () => {
    expect(recordsToAssessments(parseCsv('tahun,indikator\n2026,spd-01'), rubrics).issues[0]).toMatchObject({
      row: 1,
      code: 'missingColumns',
      params: { columns: 'inovasi_id, inovasi_nama, urusan, level' },
    });
    expect(recordsToAssessments([], rubrics).issues[0]?.code).toBe('empty');
  });

  it('warns (without rejecting) when one innovation id carries two names', () => {
    const csv = [HEADER, '2026,INV-01,A,Sosial,sid-16,3,', '2026,INV-01,B,Sosial,sid-17,2,'].join('\n');
    const { assessments, issues } = recordsToAssessments(parseCsv(csv), rubrics);
    expect(assessments[0]?.innovations).toHaveLength(1);
    expect(issues).toMatchObject([{ row: 3, severity: 'warning', code: 'nameMismatch' }]);
  });
});
