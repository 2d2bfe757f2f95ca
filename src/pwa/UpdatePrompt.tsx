import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import './update-prompt.css';

/** A bar at the bottom of the screen: a new version of the app is ready; the button switches to it. */
export function UpdatePrompt({ onReload }: { onReload: () => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  return (
    <div className="update-prompt" role="status" data-testid="update-prompt">
      <span>{t('pwa.updateAvailable')} — </span>
      <button
        type="button"
        data-testid="update-reload"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          onReload();
        }}
      >
        {t('pwa.reload')}
      </button>
    </div>
  );
}
