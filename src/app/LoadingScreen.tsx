import { useTranslation } from 'react-i18next';
import { aggregateIssueMessage } from '../core/aggregates/messages';
import { ConfigError } from '../core/dataset/app-config';
import { AggregateDatasetError } from '../core/dataset/load-aggregate-dataset';
import type { LoadProgress, LoadStep } from '../core/dataset/load-dataset';
import { LoadStepError } from '../core/dataset/load-guard';

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
export function describeLoadFailure(
  error: unknown,
  t: (key: string, options?: Record<string, unknown>) => string,
  lang: 'id' | 'en',
) {
  if (error instanceof AggregateDatasetError) {
    return {
      what: t('states.aggregateError', { problem: aggregateIssueMessage(error.issue, lang) }),
      hint: t('states.configError.hint'),
      detail: error.message,
    };
  }
  if (error instanceof ConfigError) {
    return {
      what: t(`states.configError.${error.problem}`, { key: error.key, value: error.value }),
      hint: t('states.configError.hint'),
      detail: error.message,
    };
  }
  if (!(error instanceof LoadStepError)) {
    return { what: null, hint: null, detail: error instanceof Error ? error.message : String(error) };
  }
  const seconds = Math.round(error.deadlineMs / 1000);
  const how = error.file
    ? t(`states.loadError.${error.reason}`, { file: error.file, seconds })
    : t(`states.loadError.${error.reason}NoFile`, { seconds });
  // The server refused the file: it is behind a login the browser was not given (or not allowed to see).
  const hint = /\bHTTP 40[13]\b/.test(error.detail)
    ? t('states.loadError.denied')
    : t('states.loadError.hint');
  return { what: `${t(`states.loadError.step.${error.step}`)} (${how}).`, hint, detail: error.detail };
}

/**
 * The error screen's words: describeLoadFailure's, and for anything else (say the browser ran out of memory) an
 * unexpected error said in the page's language, its own words kept as the technical detail.
 */
export function loadFailureText(
  error: unknown,
  t: (key: string, options?: Record<string, unknown>) => string,
  lang: 'id' | 'en',
) {
  const described = describeLoadFailure(error, t, lang);
  return {
    what: described.what ?? t('states.loadError.unexpected'),
    hint: described.hint ?? t('states.loadError.unexpectedHint'),
    detail: described.detail,
  };
}

/** The load failed or stalled: says what, offers a reload (also the automation hook's error message). */
export function ErrorScreen({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation();
  const { what, hint, detail } = loadFailureText(error, t, i18n.language === 'en' ? 'en' : 'id');
  return (
    <div className="error-screen" role="alert" data-testid="error">
      <h2>{t('error.title')}</h2>
      <p data-testid="error-what">{what}</p>
      <p>{hint}</p>
      {detail && (
        <details>
          <summary>{t('states.loadError.details')}</summary>
          <pre>{detail}</pre>
        </details>
      )}
      <button type="button" onClick={() => window.location.reload()}>
        {t('error.retry')}
      </button>
    </div>
  );
}
