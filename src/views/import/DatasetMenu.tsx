import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import {
  type ActiveDataset,
  DamagedDatasetError,
  eraseAllLocalData,
  importedDatasetInfo,
  setActiveDataset,
} from '../../data/local-store';
import { DATA_TABLES, type TableStatus } from '../../data/table-status';
import { ImportDialog } from './ImportDialog';
import './import.css';
import { isolate } from '../../components/bidi';

/** The stored import as the switcher names it: from its manifest alone (its data is not read here). */
type StoredImport = { name: string | null; damaged: boolean } | null;

interface DatasetMenuProps {
  active: ActiveDataset | null;
  /** The loaded dataset's tables; null while loading. */
  tables: TableStatus | null;
}

/** Dataset switcher (demo / imported), which tables are loaded, the import dialog, "hapus semua data lokal". */
export function DatasetMenu({ active, tables }: DatasetMenuProps) {
  const { t } = useTranslation();
  const [stored, setStored] = useState<StoredImport>(null);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    void importedDatasetInfo()
      .then((info) => setStored(info && { name: info.name, damaged: false }))
      .catch((error: unknown) =>
        setStored(error instanceof DamagedDatasetError ? { name: error.datasetName, damaged: true } : null),
      );
  }, []);

  const switchTo = (which: ActiveDataset) => {
    setActiveDataset(which);
    window.location.reload();
  };
  const erase = async () => {
    if (!window.confirm(t('import.eraseConfirm'))) return;
    await eraseAllLocalData();
    window.location.reload();
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
          <option value="demo">{t('import.demo')}</option>
          <option value="imported">
            {stored.damaged
              ? t('storage.damagedOption', { name: stored.name ?? t('storage.unnamed') })
              : t('import.imported', { name: isolate(stored.name ?? '') })}
          </option>
        </select>
      )}
      {tables && active === 'imported' && (
        <ul className="dataset-tables" data-testid="dataset-tables" aria-label={t('storage.tables')}>
          {DATA_TABLES.map((table) => (
            <li
              key={table}
              className={tables[table]}
              data-testid={`dataset-table-${table}`}
              data-status={tables[table]}
            >
              {tables[table] === 'loaded' ? '✓' : '✗'} {t(`storage.table_${table}`)}
              {tables[table] === 'missing' && <span className="muted"> ({t('storage.missing')})</span>}
            </li>
          ))}
        </ul>
      )}
      <button type="button" data-testid="import-open" onClick={() => setOpen(true)}>
        {t('import.open')}
      </button>
      <button type="button" data-testid="erase-local" onClick={() => void erase()}>
        {t('import.erase')}
      </button>
      {/* A portal: the dialog must not inherit the header's colours and layout. */}
      {open && createPortal(<ImportDialog onClose={() => setOpen(false)} />, document.body)}
    </div>
  );
}
