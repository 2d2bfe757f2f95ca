import { useTranslation } from 'react-i18next';
import { isolate } from '../../components/bidi';
import { useFormat } from '../../components/use-format';
import type { AggregateReport } from '../../data/aggregates/load-aggregates';
import { aggregateIssueMessage } from '../../data/aggregates/messages';
import type { DatasetSource } from '../../data/dataset-source';
import type { ImportReport } from '../../data/import';
import { ImportReportView } from './ImportReportView';

/** The check of an aggregate dataset: rows kept per file, villages published hidden, rejected rows. */
function AggregateReportView({ report, lang }: { report: AggregateReport; lang: 'id' | 'en' }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <section className="import-report" data-testid="report-aggregates">
      <h3>{t('aggregates.reportTitle')}</h3>
      {(['figures', 'months'] as const).map((file) => (
        <p key={file} data-testid={`report-aggregates-${file}`}>
          {t(`aggregates.report_${file}`, {
            valid: f.int(report[file].valid),
            total: f.int(report[file].rows),
            rejected: f.int(report[file].rejected),
          })}
        </p>
      ))}
      <p data-testid="report-aggregates-hidden">
        {t('aggregates.reportHidden', { count: report.hiddenVillages.length })}
      </p>
      {report.issues.length > 0 && (
        <ul className="report-issues">
          {report.issues.slice(0, 20).map((issue) => (
            <li key={`${issue.file}-${issue.row}-${issue.code}-${issue.column ?? ''}`}>
              {aggregateIssueMessage(issue, lang)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

interface DatasetReportsProps {
  source: DatasetSource;
  reports: readonly ImportReport[];
  aggregateReport: AggregateReport | null;
  onClose: () => void;
}

/** The checks of the loaded dataset's files (the same report as an import), read-only. */
export function DatasetReports({ source, reports, aggregateReport, onClose }: DatasetReportsProps) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  return (
    <div className="import-backdrop">
      <div
        className="import-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="reports-title"
        data-testid="reports-dialog"
      >
        <header className="import-dialog-header">
          <h2 id="reports-title">{t('import.reportsTitle')}</h2>
          <button type="button" className="secondary" onClick={onClose} data-testid="reports-close">
            {t('import.close')}
          </button>
        </header>
        <p className="muted">
          {source.kind === 'published'
            ? t('import.reportsPublished', {
                name: isolate(source.name),
                date: source.date ? f.date(source.date) : '–',
              })
            : t('import.reportsImported', { name: isolate(source.name) })}
        </p>
        {aggregateReport && <AggregateReportView report={aggregateReport} lang={lang} />}
        {reports.map((report) => (
          <ImportReportView key={report.kind} kind={report.kind} report={report} lang={lang} />
        ))}
      </div>
    </div>
  );
}
