/**
 * The self-assessment as a flat table (one row per indicator, per innovation, per year), the
 * format of CSV/XLSX import and export:
 *
 *   tahun, inovasi_id, inovasi_nama, urusan, indikator, level, bukti
 *
 * Region (SPD) rows leave the three innovation columns empty. `level` is 0…max or `data`
 * (taken from the programme data; only for indicators the rubric can fill). Pure functions.
 */
import type { Assessment, IndicatorEntry, InnovationEntry, LevelChoice, Rubric } from './innovation-index';

export const ASSESSMENT_COLUMNS = [
  'tahun',
  'inovasi_id',
  'inovasi_nama',
  'urusan',
  'indikator',
  'level',
  'bukti',
] as const;
export type AssessmentColumn = (typeof ASSESSMENT_COLUMNS)[number];
export type AssessmentRow = Record<AssessmentColumn, string | number>;

/** A problem of one imported row; `code` names an i18n message, `params` fill it. */
export interface ImportIssue {
  /** Line in the file (header = 1); 0 for the whole file. */
  row: number;
  severity: 'error' | 'warning';
  code:
    | 'empty'
    | 'missingColumns'
    | 'year'
    | 'noRubric'
    | 'indicator'
    | 'regionWithInnovation'
    | 'innovationMissing'
    | 'level'
    | 'dataNotAllowed'
    | 'duplicate'
    | 'nameMismatch';
  params: Record<string, string | number>;
}

const headerName = (h: string) =>
  h
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase();

/** The table's header record: it names (at least) the year and indicator columns. */
const isHeader = (record: readonly string[]): boolean => {
  const names = record.map(headerName);
  return names.includes('tahun') && names.includes('indikator');
};

/** A spreadsheet's protective apostrophe (added on export against formula injection) removed. */
const unprotect = (text: string): string => (/^'[=+\-@]/.test(text) ? text.slice(1) : text);

export interface ParsedAssessments {
  assessments: Assessment[];
  issues: ImportIssue[];
}

/**
 * Records (header first) into one assessment per year. Every row is checked against the rubric
 * of its year; any error rejects the file (the caller keeps the current state), warnings do not.
 */
export function recordsToAssessments(
  records: readonly (readonly string[])[],
  rubrics: ReadonlyMap<number, Rubric>,
): ParsedAssessments {
  const issues: ImportIssue[] = [];
  // Our own exports open with a block saying what they contain (label, value), then a blank line: the table
  // starts at the first record naming the year and indicator columns.
  const start = Math.max(0, records.findIndex(isHeader));
  const [header, ...body] = records.slice(start);
  // Rows are counted as the user sees them in the file: the block and the blank line after it included.
  const firstRow = start + (start > 0 ? 1 : 0) + 2;
  if (!header || body.length === 0) {
    return { assessments: [], issues: [{ row: 0, severity: 'error', code: 'empty', params: {} }] };
  }
  const names = header.map(headerName);
  const missing = ASSESSMENT_COLUMNS.filter((c) => c !== 'bukti' && !names.includes(c));
  if (missing.length > 0) {
    return {
      assessments: [],
      issues: [
        {
          row: firstRow - 1,
          severity: 'error',
          code: 'missingColumns',
          params: { columns: missing.join(', ') },
        },
      ],
    };
  }
  const col = (r: readonly string[], c: AssessmentColumn) => unprotect(r[names.indexOf(c)] ?? '').trim();

  const byYear = new Map<number, Assessment>();
  const seen = new Set<string>();
  const readRow = (r: readonly string[], i: number): void => {
    const row = firstRow + i;
    const err = (code: ImportIssue['code'], params: ImportIssue['params'] = {}): void => {
      issues.push({ row, severity: 'error', code, params });
    };
    const yearText = col(r, 'tahun');
    const year = Number(yearText);
    if (!/^\d{4}$/.test(yearText)) {
      err('year', { value: yearText });
      return;
    }
    const rubric = rubrics.get(year);
    if (!rubric) {
      err('noRubric', { year, years: [...rubrics.keys()].join(', ') });
      return;
    }
    const indicatorId = col(r, 'indikator').toLowerCase();
    const indicator = rubric.indicators.find((x) => x.id === indicatorId);
    if (!indicator) {
      err('indicator', { value: indicatorId, year });
      return;
    }
    const aspect = rubric.variables.find((v) => v.id === indicator.variable)?.aspect;
    const innovationId = col(r, 'inovasi_id');
    if (aspect === 'spd' && innovationId !== '') {
      err('regionWithInnovation', { indicator: indicatorId });
      return;
    }
    if (aspect === 'sid' && innovationId === '') {
      err('innovationMissing', { indicator: indicatorId });
      return;
    }
    const levelText = col(r, 'level').toLowerCase();
    let level: LevelChoice;
    if (levelText === 'data') {
      if (!rubric.autoFill?.some((a) => a.indicator === indicatorId)) {
        err('dataNotAllowed', { indicator: indicatorId });
        return;
      }
      level = 'data';
    } else {
      const n = Number(levelText === '' ? '0' : levelText);
      if (!Number.isInteger(n) || n < rubric.levelRange.min || n > rubric.levelRange.max) {
        err('level', { value: levelText, min: rubric.levelRange.min, max: rubric.levelRange.max });
        return;
      }
      level = n;
    }
    const key = `${year}|${innovationId}|${indicatorId}`;
    if (seen.has(key)) {
      err('duplicate', { indicator: indicatorId, innovation: innovationId || '–' });
      return;
    }
    seen.add(key);

    let assessment = byYear.get(year);
    if (!assessment) {
      assessment = { year, region: {}, innovations: [] };
      byYear.set(year, assessment);
    }
    const entry: IndicatorEntry = { level, evidence: col(r, 'bukti') };
    if (aspect === 'spd') {
      assessment.region[indicatorId] = entry;
      return;
    }
    const name = col(r, 'inovasi_nama') || innovationId;
    let innovation = assessment.innovations.find((x) => x.id === innovationId);
    if (!innovation) {
      innovation = { id: innovationId, name, affair: col(r, 'urusan'), indicators: {} };
      assessment.innovations.push(innovation);
    } else if (innovation.name !== name) {
      issues.push({
        row,
        severity: 'warning',
        code: 'nameMismatch',
        params: { id: innovationId, first: innovation.name, value: name },
      });
    }
    innovation.indicators[indicatorId] = entry;
  };
  body.forEach((r, i) => {
    readRow(r, i);
  });
  const hasErrors = issues.some((x) => x.severity === 'error');
  return {
    assessments: hasErrors ? [] : [...byYear.values()].sort((a, b) => a.year - b.year),
    issues,
  };
}

/** Every indicator of every innovation and of the region as rows (levels 0 included). */
export function assessmentToRows(rubric: Rubric, assessment: Assessment): AssessmentRow[] {
  const rows: AssessmentRow[] = [];
  const spd = new Set(rubric.variables.filter((v) => v.aspect === 'spd').map((v) => v.id));
  for (const ind of rubric.indicators.filter((i) => spd.has(i.variable))) {
    const e = assessment.region[ind.id];
    rows.push({
      tahun: assessment.year,
      inovasi_id: '',
      inovasi_nama: '',
      urusan: '',
      indikator: ind.id,
      level: e?.level ?? 0,
      bukti: e?.evidence ?? '',
    });
  }
  for (const inv of assessment.innovations) {
    for (const ind of rubric.indicators.filter((i) => !spd.has(i.variable))) {
      const e = inv.indicators[ind.id];
      rows.push({
        tahun: assessment.year,
        inovasi_id: inv.id,
        inovasi_nama: inv.name,
        urusan: inv.affair,
        indikator: ind.id,
        level: e?.level ?? 0,
        bukti: e?.evidence ?? '',
      });
    }
  }
  return rows;
}

/** A new assessment for a year: every region indicator at 0, no innovations. */
export const emptyAssessment = (year: number): Assessment => ({ year, region: {}, innovations: [] });

/** A fresh innovation id not used in the assessment (INV-01, INV-02, …). */
export function nextInnovationId(assessment: Assessment): string {
  const used = new Set(assessment.innovations.map((i) => i.id));
  for (let k = 1; ; k++) {
    const id = `INV-${String(k).padStart(2, '0')}`;
    if (!used.has(id)) return id;
  }
}

/** A new innovation with every indicator at `level` (0 = not assessed yet). */
export function newInnovation(
  rubric: Rubric,
  id: string,
  name: string,
  affair: string,
  level = 0,
): InnovationEntry {
  const spd = new Set(rubric.variables.filter((v) => v.aspect === 'spd').map((v) => v.id));
  const indicators: Record<string, IndicatorEntry> = {};
  for (const ind of rubric.indicators.filter((i) => !spd.has(i.variable))) {
    indicators[ind.id] = { level, evidence: '' };
  }
  return { id, name, affair, indicators };
}
