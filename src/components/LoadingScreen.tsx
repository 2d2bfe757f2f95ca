import { useTranslation } from 'react-i18next';
import type { LoadProgress, LoadStep } from '../app/load-dataset';

const STEPS: readonly LoadStep[] = [
  'duckdb',
  'villages',
  'households',
  'agents',
  'cases',
  'coverage',
  'boundaries',
  'map',
];

/** Progress while DuckDB, the data and the map load. */
export function LoadingScreen({ progress }: { progress: LoadProgress }) {
  const { t } = useTranslation();
  const index = STEPS.indexOf(progress.step);
  const value = (index + (progress.fraction ?? 0)) / STEPS.length;
  return (
    <div className="loading" role="status" aria-live="polite" data-testid="loading">
      <h2>{t('loading.title')}</h2>
      <progress max={1} value={value} />
      <p>{t(`loading.${progress.step}`)}</p>
    </div>
  );
}

export function ErrorScreen({ message }: { message: string }) {
  const { t } = useTranslation();
  return (
    <div className="error-screen" role="alert" data-testid="error">
      <h2>{t('error.title')}</h2>
      <pre>{message}</pre>
      <button type="button" onClick={() => window.location.reload()}>
        {t('error.retry')}
      </button>
    </div>
  );
}
