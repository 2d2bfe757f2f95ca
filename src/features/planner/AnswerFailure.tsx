import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { setDocumentState } from '../../core/ui/document-state';

/**
 * The planner's answer failed: said beside the controls, which still work, in the user's words (the cause goes
 * to the console). The page is settled, never left loading.
 */
export function AnswerFailure({ error }: { error: string }) {
  const { t } = useTranslation();
  useEffect(() => {
    console.error(error);
    setDocumentState('ready');
  }, [error]);
  return (
    <p className="warning" role="alert" data-testid="planner-error">
      {t('planner.answerFailed')}
    </p>
  );
}
