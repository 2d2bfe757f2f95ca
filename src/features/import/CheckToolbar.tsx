import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface CheckToolbarProps {
  /** The check can start (files chosen, none running). */
  canCheck: boolean;
  onCheck: () => void;
  /** A check is running: its progress (0–100, or null when unknown), what it is doing, and a way to stop it. */
  running: { pct: number | null; text?: string } | null;
  onCancel: () => void;
  /** Said beside the button (e.g. what is still missing). */
  hint?: ReactNode;
}

/** "Periksa berkas" with the running check's progress and its cancel button. */
export function CheckToolbar({ canCheck, onCheck, running, onCancel, hint }: CheckToolbarProps) {
  const { t } = useTranslation();
  return (
    <div className="toolbar">
      <button
        type="button"
        className="primary"
        data-testid="import-check"
        disabled={!canCheck}
        onClick={onCheck}
      >
        {t('import.check')}
      </button>
      {hint}
      {running && (
        <>
          {running.pct === null ? (
            <progress data-testid="import-progress" />
          ) : (
            <progress max={100} value={running.pct} data-testid="import-progress" />
          )}
          {running.text && <span data-testid="import-progress-text">{running.text}</span>}
          <button type="button" className="secondary" onClick={onCancel} data-testid="import-cancel">
            {t('import.cancel')}
          </button>
        </>
      )}
    </div>
  );
}
