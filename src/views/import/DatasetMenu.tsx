import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import {
  type ActiveDataset,
  eraseAllLocalData,
  loadImportedDataset,
  setActiveDataset,
} from '../../data/local-store';
import { ImportDialog } from './ImportDialog';
import './import.css';
import { isolate } from '../../components/bidi';

/** Dataset switcher (demo / imported), the import dialog, and "hapus semua data lokal". */
export function DatasetMenu({ active }: { active: ActiveDataset | null }) {
  const { t } = useTranslation();
  const [importedName, setImportedName] = useState<string | null>(null);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    void loadImportedDataset()
      .then((d) => setImportedName(d?.name ?? null))
      .catch(() => setImportedName(null));
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
      {importedName !== null && active !== null && (
        <select
          aria-label={t('import.switcher')}
          data-testid="dataset-switcher"
          value={active}
          onChange={(e) => switchTo(e.target.value as ActiveDataset)}
        >
          <option value="demo">{t('import.demo')}</option>
          <option value="imported">{t('import.imported', { name: isolate(importedName) })}</option>
        </select>
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
