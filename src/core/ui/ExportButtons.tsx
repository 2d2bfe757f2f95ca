import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IdMode } from '../privacy/privacy';

export type ExportFormat = 'csv' | 'xlsx';

interface ExportButtonsProps {
  onExport: (format: ExportFormat, idMode: IdMode) => void | Promise<void>;
  /** Offer full ids (personal data) for the next export only; without it every export is masked. */
  internal?: boolean;
  /** Test ids `${testIdPrefix}csv`, `…xlsx`, `…internal`. */
  testIdPrefix: string;
  disabled?: boolean;
}

/** "Ekspor CSV" / "Ekspor XLSX", and the labelled choice of full ids that resets after one export. */
export function ExportButtons({ onExport, internal = false, testIdPrefix, disabled }: ExportButtonsProps) {
  const { t } = useTranslation();
  const [fullIds, setFullIds] = useState(false);
  const run = (format: ExportFormat) => {
    const mode: IdMode = internal && fullIds ? 'internal' : 'masked';
    setFullIds(false);
    return onExport(format, mode);
  };
  return (
    <div className="toolbar">
      <button
        type="button"
        className="secondary"
        data-testid={`${testIdPrefix}csv`}
        disabled={disabled}
        onClick={() => run('csv')}
      >
        {t('exportButtons.csv')}
      </button>
      <button
        type="button"
        className="secondary"
        data-testid={`${testIdPrefix}xlsx`}
        disabled={disabled}
        onClick={() => run('xlsx')}
      >
        {t('exportButtons.xlsx')}
      </button>
      {internal && (
        <label>
          <input
            type="checkbox"
            data-testid={`${testIdPrefix}internal`}
            checked={fullIds}
            onChange={(e) => setFullIds(e.target.checked)}
          />{' '}
          {t('privacy.internalExport')}
        </label>
      )}
    </div>
  );
}
