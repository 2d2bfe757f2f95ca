import { useTranslation } from 'react-i18next';
import type { LoadProgress, LoadStep } from '../app/load-dataset';
import { LoadStepError } from '../app/load-guard';

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

/** What failed, in plain words: the step, the file it waited for, and whether it failed or never answered. */
function describe(error: unknown, t: (key: string, options?: Record<string, unknown>) => string) {
  if (!(error instanceof LoadStepError)) {
    return { what: null, detail: error instanceof Error ? error.message : String(error) };
  }
  const seconds = Math.round(error.deadlineMs / 1000);
  const how = error.file
    ? t(`states.loadError.${error.reason}`, { file: error.file, seconds })
    : t(`states.loadError.${error.reason}NoFile`, { seconds });
  return { what: `${t(`states.loadError.step.${error.step}`)} (${how}).`, detail: error.detail };
}

/** The load failed or stalled: says what, offers a reload (also the automation hook's error message). */
export function ErrorScreen({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const { what, detail } = describe(error, t);
  return (
    <div className="error-screen" role="alert" data-testid="error">
      <h2>{t('error.title')}</h2>
      {what && <p data-testid="error-what">{what}</p>}
      {what && <p>{t('states.loadError.hint')}</p>}
      {what ? (
        detail && (
          <details>
            <summary>{t('states.loadError.details')}</summary>
            <pre>{detail}</pre>
          </details>
        )
      ) : (
        <pre>{detail}</pre>
      )}
      <button type="button" onClick={() => window.location.reload()}>
        {t('error.retry')}
      </button>
    </div>
  );
}
