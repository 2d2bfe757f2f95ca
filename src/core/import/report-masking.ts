/**
 * A validation report as it may be shown or downloaded: the offending values of personal columns go through
 * the one masking policy (src/core/privacy/privacy.ts) — ids become the session's pseudonyms (a duplicate still shows
 * as the same pseudonym twice), names and NIK/NIP are hidden, home coordinates rounded. Row numbers, column
 * names and the values of other columns (village codes, dates, codes) are kept so the file can be fixed; a
 * value the report cannot place in a column is hidden.
 */

import { TABLES, type TableName } from '../domain/schema';
import { COLUMN_POLICY, type ColumnTreatment, type MaskingPolicy } from '../privacy/privacy';
import type { ImportIssue, ImportReport } from './types';

/** Shown instead of a name, NIK or NIP, and of a value in a column the report cannot place. */
export const HIDDEN_VALUE = '•••';

function maskValue(value: string, treatment: ColumnTreatment | undefined, policy: MaskingPolicy): string {
  switch (treatment?.kind) {
    case 'keep':
      return value;
    case 'pseudonym':
      return policy.pseudonym(treatment.id, value.trim());
    case 'round': {
      const n = Number(value.trim().replace(',', '.'));
      return value.trim() !== '' && Number.isFinite(n) ? n.toFixed(treatment.decimals) : value;
    }
    default:
      return HIDDEN_VALUE;
  }
}

/** `report` with every issue's value masked by the column it came from (source header → canonical column). */
export function maskReport(report: ImportReport, policy: MaskingPolicy): ImportReport {
  // Boundary files hold no personal data: their report is shown as it is.
  if (!(report.kind in TABLES)) return report;
  const table = report.kind as TableName;
  const canonical = new Map(Object.entries(report.mapping).map(([column, header]) => [header, column]));
  const mask = (issue: ImportIssue): ImportIssue => {
    if (issue.value === null) return issue;
    const column = issue.column === null ? undefined : canonical.get(issue.column);
    const treatment = column ? COLUMN_POLICY[table][column] : undefined;
    return { ...issue, value: maskValue(issue.value, treatment, policy) };
  };
  const examples: ImportReport['examples'] = {};
  for (const [code, list] of Object.entries(report.examples) as [
    keyof ImportReport['examples'],
    ImportIssue[],
  ][]) {
    examples[code] = list.map(mask);
  }
  return { ...report, examples, issues: report.issues.map(mask) };
}
