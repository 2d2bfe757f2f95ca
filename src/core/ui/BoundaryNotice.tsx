import { useTranslation } from 'react-i18next';
import { useLoadedData } from '../dataset/loaded-context';

/** Says where the village boundaries come from; loud when they are only approximate. */
export function BoundaryNotice() {
  const { boundaries } = useLoadedData();
  const { t } = useTranslation();
  if (boundaries.kind === 'approximate') {
    return (
      <div className="notice warning" data-testid="boundary-notice" title={t('boundaries.approximateHelp')}>
        {t('boundaries.approximate')}
      </div>
    );
  }
  const problems = boundaries.issues.length + boundaries.missing.length;
  const text = `${t('boundaries.official', { source: boundaries.sourceUrl })}${
    problems > 0 ? ` · ${t('boundaries.issues', { count: problems })}` : ''
  }`;
  return (
    <div className="notice" data-testid="boundary-source" title={text}>
      {text}
    </div>
  );
}
