import { useTranslation } from 'react-i18next';

/**
 * A failure said in the user's language, with the program's own message folded away below it (for whoever
 * reports the problem): never the program's message alone.
 */
export function FailureNotice({ text, detail, testId }: { text: string; detail: string; testId?: string }) {
  const { t } = useTranslation();
  return (
    <div className="warning" role="alert" data-testid={testId}>
      <p>{text}</p>
      <details>
        <summary>{t('states.loadError.details')}</summary>
        <pre>{detail}</pre>
      </details>
    </div>
  );
}
