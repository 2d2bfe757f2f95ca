/**
 * Checks of an aggregate dataset's files (format.ts), pure: the manifest's format, version and fields; the CSV
 * files' columns; and row by row village codes (known in the gazetteer, once each), counts (whole numbers ≥ 0,
 * or every figure empty for a hidden village), k ≥ s, covered and k ≤ households, no small group shown, months
 * `YYYY-MM`, and month rows that agree with the figures file. Valid rows are kept, each bad row is reported with
 * its line number (header = line 1) and rejected.
 */
import type id from '../../i18n/id/aggregates.json';
import { normaliseVillageCode } from '../domain/schema';
import { CsvParser } from '../import/csv-parse';
import { detectDelimiter, leadingLines } from '../import/csv-sniff';
import {
  AGGREGATE_FORMAT,
  AGGREGATE_VERSION,
  type AggregateManifest,
  FIGURE_COLUMNS,
  type FigureColumn,
  MEASURES,
  MONTH_COLUMNS,
  type MonthColumn,
  type VillageFigures,
  type VillageMonth,
} from './format';

export type AggregateIssueCode = keyof typeof id.aggregates.issue;

export interface AggregateIssue {
  /** The file's name (as published). */
  file: string;
  /** Line in the file (header = 1); null for the whole file. */
  row: number | null;
  code: AggregateIssueCode;
  column?: string;
  value?: string;
  /** The bound or reference the value broke (a count, a version, a file). */
  limit?: string;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; issue: AggregateIssue };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const COUNT = /^\d{1,9}$/;

/** The manifest, or why it cannot be used (the first problem). */
export function parseManifest(bytes: Uint8Array, file: string): Checked<AggregateManifest> {
  const bad = (code: AggregateIssueCode, extra: Partial<AggregateIssue> = {}) =>
    ({ ok: false, issue: { file, row: null, code, ...extra } }) as const;
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return bad('manifest_unreadable');
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return bad('manifest_unreadable');
  const m = json as Record<string, unknown>;
  if (m.format !== AGGREGATE_FORMAT) return bad('manifest_format', { value: String(m.format ?? '') });
  if (m.version !== AGGREGATE_VERSION)
    return bad('manifest_version', { value: String(m.version ?? ''), limit: String(AGGREGATE_VERSION) });
  const positive = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v > 0;
  const files = m.files as Record<string, unknown> | undefined;
  const tables = m.tables as Record<string, unknown> | undefined;
  const status = (v: unknown) => v === 'loaded' || v === 'missing';
  const months = m.months as Record<string, unknown> | null | undefined;
  const fields: [string, boolean][] = [
    ['name', typeof m.name === 'string' && m.name.trim() !== ''],
    ['date', typeof m.date === 'string' && DATE.test(m.date) && !Number.isNaN(Date.parse(m.date))],
    ['created', typeof m.created === 'string' && !Number.isNaN(Date.parse(m.created))],
    ['thresholdM', positive(m.thresholdM)],
    ['minGroup', Number.isInteger(m.minGroup) && positive(m.minGroup)],
    ['synthetic', typeof m.synthetic === 'boolean'],
    ['files', typeof files?.figures === 'string' && typeof files.months === 'string'],
    ['tables', status(tables?.households) && status(tables?.agents) && status(tables?.cases)],
    [
      'months',
      months === null ||
        (typeof months?.first === 'string' &&
          typeof months.last === 'string' &&
          MONTH.test(months.first) &&
          MONTH.test(months.last) &&
          months.first <= months.last),
    ],
    ['hiddenVillages', Number.isInteger(m.hiddenVillages) && (m.hiddenVillages as number) >= 0],
  ];
  const wrong = fields.find(([, ok]) => !ok);
  if (wrong) return bad('manifest_field', { column: wrong[0] });
  return { ok: true, value: m as unknown as AggregateManifest };
}

interface CsvRow {
  line: number;
  /** Header (trimmed, lower case) → cell (trimmed). */
  cells: Map<string, string>;
}

/** The rows of an aggregate CSV file (comma or semicolon, BOM and CRLF allowed), or why it cannot be read. */
function readRows(
  bytes: Uint8Array,
  file: string,
  required: readonly string[],
  issues: AggregateIssue[],
): Checked<{ rows: CsvRow[]; total: number }> {
  const text = new TextDecoder().decode(bytes).replace(/^\uFEFF/, '');
  const parser = new CsvParser(detectDelimiter(leadingLines(text, 5)));
  const records = [...parser.feed(text), ...parser.end()];
  const header = records.find((r) => !r.problem);
  if (!header) return { ok: false, issue: { file, row: null, code: 'empty_file' } };
  const names = header.fields.map((h) => h.trim().toLowerCase());
  const missing = required.filter((c) => !names.includes(c));
  if (missing.length > 0)
    return { ok: false, issue: { file, row: null, code: 'missing_columns', value: missing.join(', ') } };
  const rows: CsvRow[] = [];
  let total = 0;
  for (const r of records) {
    if (r === header || r.line < header.line) continue;
    total++;
    if (r.problem) issues.push({ file, row: r.line, code: 'unreadable_line' });
    else if (r.fields.length !== names.length)
      issues.push({
        file,
        row: r.line,
        code: 'wrong_field_count',
        value: String(r.fields.length),
        limit: String(names.length),
      });
    else rows.push({ line: r.line, cells: new Map(names.map((n, i) => [n, (r.fields[i] ?? '').trim()])) });
  }
  return { ok: true, value: { rows, total } };
}

/**
 * The figures of one row: all present (numbers) or all empty (null = hidden); an issue when a cell is not a
 * count or only some are empty.
 */
function readFigures<C extends string>(
  row: CsvRow,
  columns: readonly C[],
  issue: (code: AggregateIssueCode, extra?: Partial<AggregateIssue>) => AggregateIssue,
): Checked<Record<C, number> | null> {
  const cells = columns.map((c) => row.cells.get(c) ?? '');
  if (cells.every((v) => v === '')) return { ok: true, value: null };
  const bad = columns.findIndex((_, i) => cells[i] !== '' && !COUNT.test(cells[i] ?? ''));
  if (bad >= 0)
    return { ok: false, issue: issue('not_a_count', { column: columns[bad], value: cells[bad] }) };
  if (cells.some((v) => v === '')) return { ok: false, issue: issue('partly_empty') };
  return {
    ok: true,
    value: Object.fromEntries(columns.map((c, i) => [c, Number(cells[i])])) as Record<C, number>,
  };
}

/** The village code of a row, normalised and known, or an issue. */
function readVillage(
  raw: string,
  gazetteer: ReadonlySet<string>,
  issue: (code: AggregateIssueCode, extra?: Partial<AggregateIssue>) => AggregateIssue,
): Checked<string> {
  const code = normaliseVillageCode(raw);
  if (code === null) return { ok: false, issue: issue('invalid_village_code', { value: raw }) };
  if (!gazetteer.has(code)) return { ok: false, issue: issue('unknown_village', { value: code }) };
  return { ok: true, value: code };
}

/** Relations every published village's figures keep: no small group, s ≤ k ≤ households, covered ≤ households. */
function figureRelations(
  f: Record<FigureColumn, number>,
  minGroup: number,
  issue: (code: AggregateIssueCode, extra?: Partial<AggregateIssue>) => AggregateIssue,
): AggregateIssue | null {
  const h = f.households;
  if (h > 0 && h < minGroup) return issue('small_group', { value: String(h), limit: String(minGroup) });
  for (const m of MEASURES) {
    const [s, k] = [f[`s_${m}`], f[`k_${m}`]];
    if (s > k) return issue('count_above_known', { column: `s_${m}`, value: String(s), limit: String(k) });
    if (k > h) return issue('above_households', { column: `k_${m}`, value: String(k), limit: String(h) });
  }
  if (f.covered > h)
    return issue('above_households', { column: 'covered', value: String(f.covered), limit: String(h) });
  return null;
}

export interface CheckedFile<T> {
  /** Rows kept. */
  rows: T[];
  /** Data rows read (header excluded). */
  total: number;
  /** Set when the file cannot be used at all (then `rows` is empty). */
  fatal: AggregateIssue | null;
}

/** Rejects every row sharing a key with another (as the import does with duplicate ids). */
function dropDuplicates<T>(
  rows: readonly { row: T; line: number; key: string; label: string }[],
  file: string,
  issues: AggregateIssue[],
): T[] {
  const count = new Map<string, number>();
  for (const r of rows) count.set(r.key, (count.get(r.key) ?? 0) + 1);
  const kept: T[] = [];
  for (const r of rows) {
    if ((count.get(r.key) ?? 0) > 1)
      issues.push({ file, row: r.line, code: 'duplicate_row', value: r.label });
    else kept.push(r.row);
  }
  return kept;
}

/** The issues of one line of `file`. */
const issueAt =
  (file: string, line: number) =>
  (code: AggregateIssueCode, extra: Partial<AggregateIssue> = {}): AggregateIssue => ({
    file,
    row: line,
    code,
    ...extra,
  });

/** village-figures.csv: the valid rows, against the gazetteer's village codes. */
export function checkFigures(
  bytes: Uint8Array,
  file: string,
  gazetteer: ReadonlySet<string>,
  minGroup: number,
  issues: AggregateIssue[],
): CheckedFile<VillageFigures> {
  const read = readRows(bytes, file, ['village_code', ...FIGURE_COLUMNS], issues);
  if (!read.ok) return { rows: [], total: 0, fatal: read.issue };
  const candidates: { row: VillageFigures; line: number; key: string; label: string }[] = [];
  for (const row of read.value.rows) {
    const issue = issueAt(file, row.line);
    const village = readVillage(row.cells.get('village_code') ?? '', gazetteer, issue);
    if (!village.ok) {
      issues.push(village.issue);
      continue;
    }
    const figures = readFigures(row, FIGURE_COLUMNS, issue);
    const problem = figures.ok
      ? figures.value && figureRelations(figures.value, minGroup, issue)
      : figures.issue;
    if (problem) issues.push(problem);
    else if (figures.ok)
      candidates.push({
        row: { village_code: village.value, figures: figures.value },
        line: row.line,
        key: village.value,
        label: village.value,
      });
  }
  return { rows: dropDuplicates(candidates, file, issues), total: read.value.total, fatal: null };
}

/** village-months.csv: the valid rows, against the kept rows of the figures file (`figuresFile`). */
export function checkMonths(
  bytes: Uint8Array,
  file: string,
  gazetteer: ReadonlySet<string>,
  figures: readonly VillageFigures[],
  figuresFile: string,
  issues: AggregateIssue[],
): CheckedFile<VillageMonth> {
  const read = readRows(bytes, file, ['month', 'village_code', ...MONTH_COLUMNS], issues);
  if (!read.ok) return { rows: [], total: 0, fatal: read.issue };
  const byCode = new Map(figures.map((f) => [f.village_code, f.figures]));
  const candidates: { row: VillageMonth; line: number; key: string; label: string }[] = [];
  for (const row of read.value.rows) {
    const issue = issueAt(file, row.line);
    const month = row.cells.get('month') ?? '';
    if (!MONTH.test(month)) {
      issues.push(issue('bad_month', { value: month }));
      continue;
    }
    const village = readVillage(row.cells.get('village_code') ?? '', gazetteer, issue);
    if (!village.ok) {
      issues.push(village.issue);
      continue;
    }
    const code = village.value;
    if (!byCode.has(code)) {
      issues.push(issue('not_in_figures', { value: code, limit: figuresFile }));
      continue;
    }
    const open = readFigures<MonthColumn>(row, MONTH_COLUMNS, issue);
    if (!open.ok) {
      issues.push(open.issue);
      continue;
    }
    const households = byCode.get(code)?.households ?? null;
    if ((open.value === null) !== (households === null)) {
      issues.push(issue('hidden_mismatch', { value: code }));
      continue;
    }
    const above = open.value && MONTH_COLUMNS.find((c) => (open.value?.[c] ?? 0) > (households ?? 0));
    if (above) {
      issues.push(
        issue('above_households', {
          column: above,
          value: String(open.value?.[above]),
          limit: String(households),
        }),
      );
      continue;
    }
    candidates.push({
      row: { month, village_code: code, figures: open.value },
      line: row.line,
      key: `${month} ${code}`,
      label: `${code} (${month})`,
    });
  }
  return { rows: dropDuplicates(candidates, file, issues), total: read.value.total, fatal: null };
}
