/**
 * Sentences for the aggregate loader's issues, in Bahasa Indonesia and English, from the app's catalogues
 * (src/i18n/<lang>/aggregates.json: the UI may use the same keys through i18next). Pure: no i18next here.
 */
import en from '../../i18n/en/aggregates.json';
import id from '../../i18n/id/aggregates.json';
import type { Lang } from '../import';
import type { AggregateIssue } from './validate';

const CATALOGUE = { id: id.aggregates, en: en.aggregates } as const;

/** i18next-style `{{name}}` placeholders filled from `values` (a missing value leaves an empty string). */
const fill = (template: string, values: Record<string, string | number | undefined>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? ''));

/** One issue as a sentence, with its file and (for a row) its line number. */
export function aggregateIssueMessage(issue: AggregateIssue, lang: Lang): string {
  const c = CATALOGUE[lang];
  const message = fill(c.issue[issue.code], {
    column: issue.column,
    value: issue.value,
    limit: issue.limit,
  });
  return issue.row === null
    ? fill(c.file, { file: issue.file, message })
    : fill(c.at, {
        file: issue.file,
        row: issue.row.toLocaleString(lang === 'id' ? 'id-ID' : 'en-GB'),
        message,
      });
}
