import { useTranslation } from 'react-i18next';
import { isolate } from '../../components/bidi';
import { useFormat } from '../../components/use-format';
import type { AggregateReport } from '../../data/aggregates/load-aggregates';
import { aggregateIssueMessage } from '../../data/aggregates/messages';
import type { DatasetSource } from '../../data/dataset-source';
import type { ImportReport } from '../../data/import';
import { DataDialog } from './DataDialog';
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
    <DataDialog id="reports" title={t('import.reportsTitle')} onClose={onClose}>
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
    </DataDialog>
  );
}
