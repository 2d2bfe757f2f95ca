import { useTranslation } from 'react-i18next';
import type { AggregateReport } from '../../core/aggregates/load-aggregates';
import { aggregateIssueMessage } from '../../core/aggregates/messages';
import { useFormat } from '../../core/ui/use-format';

/** The check of an aggregate dataset: rows kept per file, villages published hidden, rejected rows. */
export function AggregateReportView({ report, lang }: { report: AggregateReport; lang: 'id' | 'en' }) {
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
