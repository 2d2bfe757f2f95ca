import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { AggregateReport } from '../../core/aggregates/load-aggregates';
import type { DatasetSource } from '../../core/dataset/dataset-source';
import {
  type ActiveDataset,
  DamagedDatasetError,
  eraseAllLocalData,
  importedDatasetInfo,
  setActiveDataset,
} from '../../core/dataset/local-store';
import { DATA_TABLES, type TableStatus } from '../../core/dataset/table-status';
import type { ImportReport } from '../../core/import';
import { DatasetReports } from './DatasetReports';
import { ImportDialog } from './ImportDialog';
import type { CurrentData } from './ReplaceSummary';
import './import.css';
import { isolate } from '../../core/ui/bidi';

/** The stored import as the switcher names it: from its manifest alone (its data is not read here). */
type StoredImport = { name: string | null; damaged: boolean } | null;

interface DatasetMenuProps {
  /** The loaded dataset; null while loading. */
  source: DatasetSource | null;
  /** Its files' validation reports (imported and published datasets). */
  reports: readonly ImportReport[];
  /** The check of a published aggregate dataset. */
  aggregateReport: AggregateReport | null;
  /** The loaded dataset's tables; null while loading. */
  tables: TableStatus | null;
  /** The office's published dataset (config.json), which "the server's data" is; null: the demo. */
  publishedName: string | null;
  /** Loads the dataset now chosen (switched, imported, or the demo after an erase), in the running page. */
  onDatasetChange: () => void;
}

/**
 * Dataset switcher (the server's dataset — published or demo — / imported), which tables are loaded, the
 * validation report of the loaded files, the import dialog, "hapus semua data lokal".
 */
export function DatasetMenu({
  source,
  reports,
  aggregateReport,
  tables,
  publishedName,
  onDatasetChange,
}: DatasetMenuProps) {
  const { t } = useTranslation();
  const [stored, setStored] = useState<StoredImport>(null);
  const [open, setOpen] = useState<'import' | 'reports' | null>(null);
  const current: CurrentData = {
    name: source && source.kind !== 'demo' ? source.name : null,
    kinds: [
      ...DATA_TABLES.filter((table) => tables?.[table] === 'loaded'),
      ...(tables?.households === 'aggregated' ? ['aggregate_figures' as const] : []),
      ...(source?.stored?.files.some((file) => file.kind === 'boundaries') ? ['boundaries' as const] : []),
    ],
  };
  const active: ActiveDataset | null = source && (source.kind === 'imported' ? 'imported' : 'server');
  const serverLabel =
    publishedName === null
      ? t('import.demo')
      : t('import.published', { name: isolate(publishedName || t('import.publishedUnnamed')) });

  useEffect(() => {
    void importedDatasetInfo()
      .then((info) => setStored(info && { name: info.name, damaged: false }))
      .catch((error: unknown) =>
        setStored(error instanceof DamagedDatasetError ? { name: error.datasetName, damaged: true } : null),
      );
  }, []);

  const switchTo = (which: ActiveDataset) => {
    setActiveDataset(which);
    onDatasetChange();
  };
  const erase = async () => {
    if (!window.confirm(t('import.eraseConfirm'))) return;
    await eraseAllLocalData();
    onDatasetChange();
  };

  return (
    <div className="dataset-menu">
      {stored !== null && active !== null && (
        <select
          aria-label={t('import.switcher')}
          data-testid="dataset-switcher"
          value={active}
          onChange={(e) => switchTo(e.target.value as ActiveDataset)}
        >
          <option value="server">{serverLabel}</option>
          <option value="imported">
            {stored.damaged
              ? t('storage.damagedOption', { name: stored.name ?? t('storage.unnamed') })
              : t('import.imported', { name: isolate(stored.name ?? '') })}
          </option>
        </select>
      )}
      {tables && source?.kind !== 'demo' && (
        <ul className="dataset-tables" data-testid="dataset-tables" aria-label={t('storage.tables')}>
          {DATA_TABLES.map((table) => (
            <li
              key={table}
              className={tables[table]}
              data-testid={`dataset-table-${table}`}
              data-status={tables[table]}
            >
              {{ loaded: '✓', aggregated: '≈', missing: '✗' }[tables[table]]} {t(`storage.table_${table}`)}
              {tables[table] !== 'loaded' && (
                <span className="muted">
                  {' '}
                  ({t(tables[table] === 'missing' ? 'storage.missing' : 'storage.table_aggregated')})
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {(reports.length > 0 || aggregateReport) && (
        <button
          type="button"
          className="secondary"
          data-testid="reports-open"
          onClick={() => setOpen('reports')}
        >
          {t('import.reportsOpen')}
        </button>
      )}
      <button type="button" data-testid="import-open" onClick={() => setOpen('import')}>
        {t('import.open')}
      </button>
      <button type="button" data-testid="erase-local" onClick={() => void erase()}>
        {t('import.erase')}
      </button>
      {/* A portal: the dialog must not inherit the header's colours and layout. */}
      {open === 'import' &&
        createPortal(
          <ImportDialog current={current} onClose={() => setOpen(null)} onDatasetChange={onDatasetChange} />,
          document.body,
        )}
      {open === 'reports' &&
        source &&
        createPortal(
          <DatasetReports
            source={source}
            reports={reports}
            aggregateReport={aggregateReport}
            onClose={() => setOpen(null)}
          />,
          document.body,
        )}
    </div>
  );
}
