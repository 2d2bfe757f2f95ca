import { useTranslation } from 'react-i18next';
import { isolate } from '../../components/bidi';
import { useFormat } from '../../components/use-format';
import type { DatasetSource } from '../../data/dataset-source';
import type { ImportReport } from '../../data/import';
import { ImportReportView } from './ImportReportView';

interface DatasetReportsProps {
  source: DatasetSource;
  reports: readonly ImportReport[];
  onClose: () => void;
}

/** The checks of the loaded dataset's files (the same report as an import), read-only. */
export function DatasetReports({ source, reports, onClose }: DatasetReportsProps) {
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
        {reports.map((report) => (
          <ImportReportView key={report.kind} kind={report.kind} report={report} lang={lang} />
        ))}
      </div>
    </div>
  );
}
