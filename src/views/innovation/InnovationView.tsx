import { useTranslation } from 'react-i18next';
import type { VillageBoundaries } from '../../app/load-boundaries';
import type { LoadedDataset } from '../../app/load-dataset';
import type { AppConfig } from '../../data/app-config';
import type { SqlClient } from '../../data/sql-client';

export interface InnovationViewProps {
  client: SqlClient;
  config: AppConfig;
  dataset: LoadedDataset;
  boundaries: VillageBoundaries;
}

/** Inovasi (Bappeda): the regional innovation index and programme results — not built yet. */
export function InnovationView(_props: InnovationViewProps) {
  const { t } = useTranslation();
  return (
    <div className="coming-soon" data-testid="soon-innovation">
      <span className="badge">{t('nav.soon')}</span>
      <p>{t('soon.innovation')}</p>
    </div>
  );
}
