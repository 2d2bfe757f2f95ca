import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useEscape } from '../../core/ui/use-escape';

interface DataDialogProps {
  /** Prefix of the test ids: `<id>-dialog`, `<id>-title`, `<id>-close`. */
  id: string;
  title: string;
  onClose: () => void;
  children: ReactNode;
}

/** The modal frame of the data dialogs (import, check reports): title, a close button (or Escape), the content. */
export function DataDialog({ id, title, onClose, children }: DataDialogProps) {
  const { t } = useTranslation();
  useEscape(onClose);
  return (
    <div className="import-backdrop">
      <div
        className="import-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        data-testid={`${id}-dialog`}
      >
        <header className="import-dialog-header">
          <h2 id={`${id}-title`}>{title}</h2>
          <button type="button" className="secondary" onClick={onClose} data-testid={`${id}-close`}>
            {t('import.close')}
          </button>
        </header>
        {children}
      </div>
    </div>
  );
}
