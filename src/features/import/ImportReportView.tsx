import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { TABLES } from '../../core/domain/schema';
import { downloadBlob } from '../../core/export/download';
import {
  fatalMessage,
  type ImportKind,
  type ImportReport,
  type IssueCode,
  issueLabel,
  issueMessage,
  maskReport,
  reportToCsv,
} from '../../core/import';
import { sessionPolicy } from '../../core/privacy/privacy';
import { useFormat } from '../../core/ui/use-format';
import { columnNamer, fieldHint, fieldLabel, fieldNamer } from './field-labels';

interface ImportReportViewProps {
  kind: ImportKind;
  report: ImportReport;
  lang: 'id' | 'en';
  /** The column mapping, editable before the data is used; left out for data already loaded. */
  mappingEditor?: {
    mapping: Record<string, string>;
    onMapping: (mapping: Record<string, string>) => void;
    onRecheck: () => void;
  };
}

/** One file's validation report: totals, problems with their first rows, and the column mapping. */
export function ImportReportView(props: ImportReportViewProps) {
  const { kind, lang, mappingEditor } = props;
  // Values of personal columns (ids, names, NIK, home coordinates) as the masking policy shows them.
  const report = useMemo(() => maskReport(props.report, sessionPolicy()), [props.report]);
  const { t } = useTranslation();
  // Columns named in plain words with the file's own header, e.g. "Lintang (kolom lat)".
  const nameColumn = columnNamer(t, kind, report.mapping);
  const onDownload = () =>
    downloadBlob(
      `laporan-${kind}-${report.fileName}.csv`,
      reportToCsv(report, lang, nameColumn),
      'text/csv;charset=utf-8',
    );
  const f = useFormat();
  const columns = kind === 'boundaries' ? [] : TABLES[kind];
  const headers = [...new Set([...Object.values(report.mapping), ...report.unmappedHeaders])];
  const codes = Object.entries(report.issueCounts).filter(([, n]) => (n ?? 0) > 0);
  return (
    <section className="import-report" data-testid={`report-${kind}`}>
      <h3>
        {t(`import.kind_${kind}`)} · <span className="muted">{report.fileName}</span>
      </h3>
      {report.fatal ? (
        <p className="warning" data-testid="report-fatal">
          {t('import.fatal', { detail: fatalMessage(report.fatal, lang, fieldNamer(t)) })}
        </p>
      ) : (
        <p data-testid="report-summary">
          {t('import.rows', {
            valid: f.int(report.validRows),
            total: f.int(report.totalRows),
            rejected: f.int(report.rejectedRows),
          })}
        </p>
      )}
      {report.lines && !report.fatal && (
        <p className="muted" data-testid="report-lines">
          {t('importCheck.lines', {
            physical: f.int(report.lines.physical),
            valid: f.int(report.validRows),
            rejected: f.int(report.rejectedRows),
            header: f.int(report.lines.header),
            title: f.int(report.lines.title),
            blank: f.int(report.lines.blank),
            continuation: f.int(report.lines.continuation),
          })}
        </p>
      )}
      {report.headerRow !== null && report.headerRow > 1 && (
        <p className="muted" data-testid="report-header-row">
          {t('import.headerRow', { row: f.int(report.headerRow), above: f.int(report.headerRow - 1) })}
        </p>
      )}
      {codes.length > 0 && (
        <>
          <h4>{t('import.problems')}</h4>
          <table className="data-table" data-testid="report-problems">
            <tbody>
              {codes.map(([code, n]) => (
                <tr key={code}>
                  <td className="text">{issueLabel(code as IssueCode, lang)}</td>
                  <td>{f.int(n ?? 0)}</td>
                  <td className="text wrap">
                    {(report.examples[code as keyof typeof report.examples] ?? [])
                      .slice(0, 3)
                      .map((issue) => (
                        <div key={`${issue.row}-${issue.column}`}>
                          {issueMessage(issue, lang, nameColumn)}
                        </div>
                      ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" className="secondary" onClick={onDownload} data-testid="report-download">
            {t('import.downloadReport')}
          </button>
        </>
      )}
      {mappingEditor && columns.length > 0 && headers.length > 0 && (
        <details className="mapping" open={!!report.fatal}>
          <summary>{t('import.mapping')}</summary>
          <p className="muted">{t('import.mappingHelp')}</p>
          <div className="mapping-grid">
            {columns.map((column) => {
              const hint = fieldHint(t, column.name);
              return (
                <label key={column.name} data-testid={`map-field-${kind}-${column.name}`}>
                  <span className="mapping-label">
                    {fieldLabel(t, column.name)}
                    {column.required ? ' *' : ''}
                  </span>
                  {hint && <small className="muted">{hint}</small>}
                  <select
                    value={mappingEditor.mapping[column.name] ?? ''}
                    data-testid={`map-${kind}-${column.name}`}
                    onChange={(e) => {
                      const next = { ...mappingEditor.mapping };
                      if (e.target.value) next[column.name] = e.target.value;
                      else delete next[column.name];
                      mappingEditor.onMapping(next);
                    }}
                  >
                    <option value="">{t('import.notMapped')}</option>
                    {headers.map((h) => (
                      <option key={h} value={h}>
                        {h}
                      </option>
                    ))}
                  </select>
                </label>
              );
            })}
          </div>
          {report.unmappedHeaders.length > 0 && (
            <p className="muted">{t('import.unmapped', { cols: report.unmappedHeaders.join(', ') })}</p>
          )}
          <button type="button" className="secondary" onClick={mappingEditor.onRecheck}>
            {t('import.recheck')}
          </button>
        </details>
      )}
    </section>
  );
}
