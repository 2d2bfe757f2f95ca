import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { eraseImportedDataset, setActiveDataset } from '../../core/dataset/local-store';

/**
 * Shown instead of the dashboard when the stored import fails its checks: names the dataset and offers the
 * one way out that cannot fail the same way — the server's dataset (published, or the demo) — erasing the
 * damaged copy (no "reload" that loops).
 */
interface DamagedDatasetProps {
  /** The damaged import's name, when its manifest still gives it. */
  name: string | null;
  /** The office's published dataset the way back leads to; null: the demo. */
  published: string | null;
  /** Loads the server's dataset, in the running page. */
  onDatasetChange: () => void;
}

export function DamagedDataset({ name, published, onDatasetChange }: DamagedDatasetProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const backToDemo = async () => {
    setBusy(true);
    setActiveDataset('server');
    await eraseImportedDataset().catch((error: unknown) => console.error(error));
    onDatasetChange();
  };
  return (
    <div className="error-screen" role="alert" data-testid="damaged-dataset">
      <h2>{t('storage.damagedTitle')}</h2>
      <p>{name === null ? t('storage.damagedUnnamed') : t('storage.damagedNamed', { name })}</p>
      <p>{t('storage.damagedHelp')}</p>
      <button
        type="button"
        className="primary"
        disabled={busy}
        onClick={() => void backToDemo()}
        data-testid="back-to-demo"
      >
        {published === null
          ? t('storage.backToDemo')
          : t('storage.backToPublished', { name: published || t('import.publishedUnnamed') })}
      </button>
    </div>
  );
}
