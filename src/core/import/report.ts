/** Building ImportReports: empty/fatal ones, from a JS issue list (boundaries), and from the SQL issues table. */
import { ident, queryRows, type SqlClient } from '../sql/sql-client';
import { rejectingCodesSql } from './checks';
import {
  type DataQuality,
  EXAMPLES_PER_CODE,
  type ImportFatal,
  type ImportFormat,
  type ImportIssue,
  type ImportKind,
  type ImportReport,
  type IssueCode,
  isRejecting,
  MAX_REPORTED_ISSUES,
} from './types';

export const emptyQuality = (): DataQuality => ({
  noCoordinates: 0,
  outsideRegency: 0,
  unknownVillage: 0,
  farFromVillage: 0,
});

export function emptyReport(kind: ImportKind, fileName: string, format: ImportFormat | null): ImportReport {
  return {
    kind,
    fileName,
    format,
    totalRows: 0,
    validRows: 0,
    rejectedRows: 0,
    fatal: null,
    headerRow: null,
    lines: null,
    mapping: {},
    unmappedHeaders: [],
    issueCounts: {},
    examples: {},
    issues: [],
    issuesTruncated: false,
    dataQuality: emptyQuality(),
    villageCodeSystem: null,
    skippedChecks: [],
    loadedTable: null,
  };
}

/** A report for a file that could not be used: nothing loaded, counts as far as they were known. */
export function fatalReport(base: ImportReport, fatal: ImportFatal): ImportReport {
  return {
    ...base,
    fatal,
    validRows: 0,
    rejectedRows: 0,
    issueCounts: {},
    examples: {},
    issues: [],
    issuesTruncated: false,
    dataQuality: emptyQuality(),
    loadedTable: null,
  };
}

const QUALITY_CODES: Record<keyof DataQuality, IssueCode[]> = {
  noCoordinates: ['coordinates_missing'],
  outsideRegency: ['outside_regency', 'coordinates_swapped'],
  unknownVillage: ['unknown_village'],
  farFromVillage: ['far_from_village'],
};

const byRow = (a: ImportIssue, b: ImportIssue): number => a.row - b.row;

/** Counts, examples, rejected rows and data quality from a complete issue list (sorted here). */
export function summariseIssues(base: ImportReport, all: ImportIssue[]): ImportReport {
  const issues = [...all].sort(byRow);
  const issueCounts: ImportReport['issueCounts'] = {};
  const examples: ImportReport['examples'] = {};
  const rejected = new Set<number>();
  const quality = emptyQuality();
  const qualityRows = Object.fromEntries(
    Object.keys(QUALITY_CODES).map((k) => [k, new Set<number>()]),
  ) as Record<keyof DataQuality, Set<number>>;
  for (const issue of issues) {
    issueCounts[issue.code] = (issueCounts[issue.code] ?? 0) + 1;
    const list = examples[issue.code] ?? [];
    if (list.length < EXAMPLES_PER_CODE) list.push(issue);
    examples[issue.code] = list;
    if (isRejecting(issue.code)) rejected.add(issue.row);
    for (const [key, codes] of Object.entries(QUALITY_CODES) as [keyof DataQuality, IssueCode[]][]) {
      if (codes.includes(issue.code)) qualityRows[key].add(issue.row);
    }
  }
  for (const key of Object.keys(quality) as (keyof DataQuality)[]) quality[key] = qualityRows[key].size;
  return {
    ...base,
    rejectedRows: rejected.size,
    validRows: base.totalRows - rejected.size,
    issueCounts,
    examples,
    issues: issues.slice(0, MAX_REPORTED_ISSUES),
    issuesTruncated: issues.length > MAX_REPORTED_ISSUES,
    dataQuality: quality,
  };
}

interface IssueRow {
  row_no: number;
  col: string | null;
  code: IssueCode;
  val: string | null;
}

const toIssue = (r: IssueRow): ImportIssue => ({ row: r.row_no, column: r.col, code: r.code, value: r.val });

/** Counts, examples and the capped issue list from the SQL issues table. */
export async function summariseIssuesSql(
  client: SqlClient,
  base: ImportReport,
  issuesTable: string,
): Promise<ImportReport> {
  const t = ident(issuesTable);
  const counts = await queryRows<{ code: IssueCode; n: number }>(
    client,
    `SELECT code, count(*)::INTEGER AS n FROM ${t} GROUP BY code ORDER BY code`,
  );
  const issueCounts: ImportReport['issueCounts'] = {};
  for (const c of counts) issueCounts[c.code] = c.n;
  const [rej] = await queryRows<{ n: number }>(
    client,
    `SELECT count(DISTINCT row_no)::INTEGER AS n FROM ${t} WHERE code IN (${rejectingCodesSql()})`,
  );
  const exampleRows = await queryRows<IssueRow>(
    client,
    `SELECT row_no, col, code, val FROM ${t}
     QUALIFY row_number() OVER (PARTITION BY code ORDER BY row_no, ord) <= ${EXAMPLES_PER_CODE}
     ORDER BY code, row_no, ord`,
  );
  const examples: ImportReport['examples'] = {};
  for (const r of exampleRows) {
    const list = examples[r.code] ?? [];
    list.push(toIssue(r));
    examples[r.code] = list;
  }
  const listed = await queryRows<IssueRow>(
    client,
    `SELECT row_no, col, code, val FROM ${t} ORDER BY row_no, ord LIMIT ${MAX_REPORTED_ISSUES + 1}`,
  );
  const quality = emptyQuality();
  for (const [key, codes] of Object.entries(QUALITY_CODES) as [keyof DataQuality, IssueCode[]][]) {
    const [q] = await queryRows<{ n: number }>(
      client,
      `SELECT count(DISTINCT row_no)::INTEGER AS n FROM ${t} WHERE code IN (${codes.map((c) => `'${c}'`).join(', ')})`,
    );
    quality[key] = q?.n ?? 0;
  }
  const rejectedRows = rej?.n ?? 0;
  return {
    ...base,
    rejectedRows,
    validRows: base.totalRows - rejectedRows,
    issueCounts,
    examples,
    issues: listed.slice(0, MAX_REPORTED_ISSUES).map(toIssue),
    issuesTruncated: listed.length > MAX_REPORTED_ISSUES,
    dataQuality: quality,
  };
}
