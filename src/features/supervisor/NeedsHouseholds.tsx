import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { setDocumentState } from '../../core/ui/document-state';

/** Pengawasan with aggregates only: it needs households, and says so (the whole section, drawn at once). */
export function NeedsHouseholds() {
  const { t } = useTranslation();
  useEffect(() => setDocumentState('ready'), []);
  return (
    <div className="view-note" data-testid="needs-households">
      <h2>{t('nav.supervisor')}</h2>
      <p>{t('storage.needsHouseholds')}</p>
      <p className="muted">{t('storage.supervisorNeedsHouseholds')}</p>
    </div>
  );
}
