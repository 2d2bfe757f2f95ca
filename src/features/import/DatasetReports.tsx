import { useTranslation } from 'react-i18next';
import type { AggregateReport } from '../../core/aggregates/load-aggregates';
import type { DatasetSource } from '../../core/dataset/dataset-source';
import type { ImportReport } from '../../core/import';
import { isolate } from '../../core/ui/bidi';
import { useFormat } from '../../core/ui/use-format';
import { AggregateReportView } from './AggregateReportView';
import { DataDialog } from './DataDialog';
import { ImportReportView } from './ImportReportView';

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
